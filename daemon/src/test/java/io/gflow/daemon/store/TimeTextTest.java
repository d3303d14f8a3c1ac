package io.gflow.daemon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TimeTextTest {
  @Test
  void duration_whatToStringWrites_readsBackTheSameDuration() {
    Random random = new Random(8);
    for (int i = 0; i < 20_000; i++) {
      Duration duration = Duration.ofSeconds(random.nextInt(i % 2 == 0 ? 100_000 : 400_000_000));
      assertEquals(duration, TimeText.duration(duration.toString()), duration.toString());
    }
    for (Duration other :
        List.of(Duration.ZERO, Duration.ofMillis(1500), Duration.ofDays(-2), Duration.ofNanos(7))) {
      assertEquals(other, TimeText.duration(other.toString()), other.toString());
    }
  }

  @Test
  void duration_otherAndMalformedTexts_agreeWithDurationParse() {
    for (String text :
        List.of(
            "PT8H",
            "PT90M",
            "PT3600S",
            "P1D",
            "P1DT2H",
            "PT-5S",
            "-PT5M",
            "pt5m",
            "PT1.5S",
            "",
            "PT",
            "PT5",
            "PTS",
            "PT5M1H",
            "PT1H1H",
            "PT5X",
            "5M",
            "PT99999999999999999999H")) {
      assertSameOutcome(() -> Duration.parse(text), () -> TimeText.duration(text), text);
    }
  }

  /** Both give equal values, or both throw DateTimeParseException. */
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
