package io.gflow.bench;

import java.math.BigDecimal;
import java.math.MathContext;

/** Rounds figures for printing: four significant digits, no exponent, no trailing zeros. */
final class Numbers {
  private static final MathContext SIGNIFICANT = new MathContext(4);

  private Numbers() {}

  /** 0.0123456 → "0.01235", 20000.0 → "20000", 2.0 → "2". */
  static String format(double value) {
    return round(value).toPlainString();
  }

  /** The value rounded to four significant digits, trailing zeros stripped. */
  static BigDecimal round(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    BigDecimal rounded = new BigDecimal(value).round(SIGNIFICANT).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
  }
}
