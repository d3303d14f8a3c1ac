package io.gflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JobIdsTest {
  @Test
  void parse_single_oneId() {
    assertEquals(List.of(42L), JobIds.parse("42"));
  }

  @Test
  void parse_rangeAndCommaAndSeveralTokens_inOrderWithoutDuplicates() {
    assertEquals(List.of(42L, 43L, 44L, 45L, 7L, 9L), JobIds.parse(List.of("42-45", "7,9", "43")));
  }

  @Test
  void parse_garbage_namesToken() {
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> JobIds.parse("4x2"));
    assertTrue(bad.getMessage().contains("'4x2'"), bad.getMessage());
  }

  @Test
  void parse_zeroBackwardsOrHuge_rejected() {
    assertThrows(IllegalArgumentException.class, () -> JobIds.parse("0"));
    assertThrows(IllegalArgumentException.class, () -> JobIds.parse("9-3"));
    assertThrows(IllegalArgumentException.class, () -> JobIds.parse("1-20000"));
    assertThrows(IllegalArgumentException.class, () -> JobIds.parse("1,,2"));
    assertThrows(IllegalArgumentException.class, () -> JobIds.parse(List.of()));
  }

  @Test
  void parseDependencies_slurmAndPlainForms() {
    assertEquals(List.of(1L, 2L), JobIds.parseDependencies("afterok:1:2"));
    assertEquals(List.of(1L, 2L, 3L), JobIds.parseDependencies("afterok:1,afterok:2:3"));
    assertEquals(List.of(4L, 5L, 6L), JobIds.parseDependencies("4,5-6"));
    assertEquals(List.of(), JobIds.parseDependencies("none"));
    assertEquals(List.of(), JobIds.parseDependencies(""));
  }

  @Test
  void parseDependencies_otherSlurmType_rejectedWithHint() {
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> JobIds.parseDependencies("afterany:3"));
    assertTrue(bad.getMessage().contains("afterok"), bad.getMessage());
  }
}
