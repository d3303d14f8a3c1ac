package io.gflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NumbersTest {
  @Test
  void format_keepsFourSignificantDigits() {
    assertEquals("0.01235", Numbers.format(0.0123456));
    assertEquals("123.5", Numbers.format(123.456));
    assertEquals("12350", Numbers.format(12_345.6));
  }

  @Test
  void format_dropsTrailingZerosAndNeverUsesAnExponent() {
    assertEquals("2", Numbers.format(2.0));
    assertEquals("20000", Numbers.format(20_000));
    assertEquals("1000000", Numbers.format(1_000_000));
    assertEquals("0", Numbers.format(0));
  }

  @Test
  void format_infinity_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> Numbers.format(Double.POSITIVE_INFINITY));
  }
}
