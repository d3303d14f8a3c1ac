package io.gflow.protocol.job;

import static io.gflow.protocol.job.Invalid.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArraySpecTest {

  @Test
  void parse_range_allIndices() {
    ArraySpec array = ArraySpec.parse("0-4");

    assertEquals(new ArraySpec(0, 4, 1, null), array);
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), array.indices());
    assertEquals(5, array.size());
  }

  @Test
  void parse_singleIndex_oneTask() {
    ArraySpec array = ArraySpec.parse("7");

    assertEquals(List.of(7L), array.indices());
    assertEquals(1, array.size());
    assertEquals("7", array.toString());
  }

  @Test
  void parse_step_everyStepthIndexUpToLast() {
    ArraySpec array = ArraySpec.parse("1-10:3");

    assertEquals(List.of(1L, 4L, 7L, 10L), array.indices());
    assertEquals(4, array.size());
  }

  @Test
  void parse_stepNotReachingLast_stopsBeforeIt() {
    assertEquals(List.of(0L, 4L, 8L), ArraySpec.parse("0-9:4").indices());
  }

  @Test
  void parse_throttle_kept() {
    ArraySpec array = ArraySpec.parse("0-99:2%4");

    assertEquals(4, array.throttle());
    assertEquals(2, array.step());
    assertEquals(50, array.size());
  }

  @Test
  void parse_singleWithThrottle_accepted() {
    assertEquals(new ArraySpec(3, 3, 1, 1), ArraySpec.parse("3%1"));
  }

  @Test
  void parse_noThrottle_null() {
    assertNull(ArraySpec.parse("0-3").throttle());
  }

  @ParameterizedTest
  @CsvSource({
    "0-99:2%4, 0-99:2%4",
    "0-99:1, 0-99",
    "5-5, 5",
    "007-010, 7-10",
    "3%2, 3%2",
    "0-0:5, 0-0:5"
  })
  void toString_canonicalText(String text, String canonical) {
    assertEquals(canonical, ArraySpec.parse(text).toString());
    assertEquals(ArraySpec.parse(text), ArraySpec.parse(canonical));
  }

  @Test
  void parse_firstAfterLast_rejectedNamingBoth() {
    assertEquals(
        "array '5-2': first index 5 is after last 2", message(() -> ArraySpec.parse("5-2")));
  }

  @Test
  void parse_stepZero_rejected() {
    assertEquals(
        "array '1-3:0': step 0 must be at least 1", message(() -> ArraySpec.parse("1-3:0")));
  }

  @Test
  void parse_throttleZero_rejected() {
    assertEquals(
        "array '1-3%0': throttle 0 must be at least 1", message(() -> ArraySpec.parse("1-3%0")));
  }

  @Test
  void parse_exactly100000Tasks_accepted() {
    assertEquals(100_000, ArraySpec.parse("0-99999").size());
    assertEquals(100_000, ArraySpec.parse("0-199999:2").size());
  }

  @Test
  void parse_over100000Tasks_rejected() {
    assertEquals(
        "array '0-100000': 100001 tasks, more than 100000",
        message(() -> ArraySpec.parse("0-100000")));
  }

  @Test
  void parse_hugeRangeWithHugeStep_fewTasks() {
    ArraySpec array = ArraySpec.parse("0-9000000000:3000000000");

    assertEquals(List.of(0L, 3_000_000_000L, 6_000_000_000L, 9_000_000_000L), array.indices());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1-", "a-b", "-1", "1--3", "1-3:", "1-3%", "%2", "1:2", "1-3:2:4", " 1-3", "1-3 ", "",
        "1,2,3", "٣-٥", "+1-3"
      })
  void parse_badSyntax_rejectedNamingTextAndForm(String text) {
    String error = message(() -> ArraySpec.parse(text));

    assertTrue(
        error.endsWith(": expected first-last[:step][%throttle] or a single index, e.g. 0-99:2%4"),
        error);
    assertTrue(error.startsWith("array '"), error);
  }

  @Test
  void parse_badSyntax_messageQuotesText() {
    assertEquals(
        "array 'a-b': expected first-last[:step][%throttle] or a single index, e.g. 0-99:2%4",
        message(() -> ArraySpec.parse("a-b")));
  }

  @Test
  void parse_indexTooLarge_rejected() {
    assertEquals(
        "array '99999999999999999999': first index 99999999999999999999 is too large",
        message(() -> ArraySpec.parse("99999999999999999999")));
  }

  @Test
  void parse_throttleTooLarge_rejected() {
    assertEquals(
        "array '1-3%3000000000': throttle 3000000000 is too large",
        message(() -> ArraySpec.parse("1-3%3000000000")));
  }

  @Test
  void parse_null_rejected() {
    assertEquals("array is required", message(() -> ArraySpec.parse(null)));
  }

  @Test
  void constructor_negativeFirst_rejected() {
    assertEquals(
        "array '-1-3': first index -1 is negative", message(() -> new ArraySpec(-1, 3, 1, null)));
  }
}
