package io.gflow.protocol.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class WireInstantsTest {
  @Test
  void instant_whatToStringWrites_readsBackTheSameInstant() {
    Random random = new Random(8);
    for (int i = 0; i < 20_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(
              random.nextLong() % 400_000_000_000L, random.nextInt(1_000_000_000));
      Instant rounded = i % 3 == 0 ? Instant.ofEpochMilli(instant.toEpochMilli()) : instant;
      Instant whole = i % 5 == 0 ? Instant.ofEpochSecond(instant.getEpochSecond()) : rounded;
      assertEquals(whole, WireInstants.parse(whole.toString()), whole.toString());
    }
  }

  @Test
  void instant_otherAndMalformedTexts_agreeWithInstantParse() {
    for (String text :
        List.of(
            "2026-12-07T07:33:55Z",
            "2026-12-07T07:33:55.5Z",
            "2026-12-07T07:33:55.Z",
            "2026-12-07T07:33:55.123456789Z",
            "2024-02-29T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "+12026-12-07T07:33:55Z",
            "-0001-12-07T07:33:55Z",
            "2026-12-07T23:59:60Z",
            "2026-12-07T24:00:00Z",
            "2026-12-07t07:33:55z",
            "",
            "2026-12-07T07:33:55",
            "2026-02-30T07:33:55Z",
            "2026-13-07T07:33:55Z",
            "2026-12-07T07:60:00Z",
            "2026-12-07T07:33:55.1234567890Z",
            "2026-1a-07T07:33:55Z",
            "2026-12-07 07:33:55Z",
            "2026-12-07T07:33:55+01:00x")) {
      assertSameOutcome(() -> Instant.parse(text), () -> WireInstants.parse(text), text);
    }
  }

  private static void assertSameOutcome(Supplier<?> jdk, Supplier<?> ours, String text) {
    Object expected;
    try {
      expected = jdk.get();
    } catch (DateTimeParseException refused) {
      assertThrows(DateTimeParseException.class, ours::get, text);
      return;
    }
    assertEquals(expected, ours.get(), text);
  }
}
