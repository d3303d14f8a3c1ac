package io.gflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TimeLimitsTest {
  @Test
  void parse_slurmForms_seconds() {
    assertEquals(30 * 60L, TimeLimits.parse("30"));
    assertEquals(90 * 60L + 5, TimeLimits.parse("90:05"));
    assertEquals(3600L + 2 * 60 + 3, TimeLimits.parse("1:02:03"));
    assertEquals(2 * 86_400L + 5 * 3600, TimeLimits.parse("2-5"));
    assertEquals(86_400L + 3600 + 30 * 60, TimeLimits.parse("1-01:30"));
    assertEquals(86_400L + 3600 + 60 + 1, TimeLimits.parse("1-01:01:01"));
  }

  @Test
  void parse_unitForms_seconds() {
    assertEquals(90L, TimeLimits.parse("90s"));
    assertEquals(30 * 60L, TimeLimits.parse("30m"));
    assertEquals(7200L, TimeLimits.parse("2h"));
    assertEquals(86_400L, TimeLimits.parse("1d"));
    assertEquals(604_800L, TimeLimits.parse("1W"));
  }

  @Test
  void parse_zeroOrUnlimited_noLimit() {
    assertNull(TimeLimits.parse("0"));
    assertNull(TimeLimits.parse("UNLIMITED"));
    assertNull(TimeLimits.parse("infinite"));
  }

  @Test
  void parse_badValues_rejectedNamingText() {
    for (String bad : new String[] {"", "1h30", "1:60", "1:00:60", "1-24", "abc", "-5", "1.5h"}) {
      IllegalArgumentException failure =
          assertThrows(IllegalArgumentException.class, () -> TimeLimits.parse(bad), bad);
      assertTrue(failure.getMessage().contains("'" + bad + "'"), failure.getMessage());
    }
  }

  @Test
  void parse_overAYear_rejected() {
    assertThrows(IllegalArgumentException.class, () -> TimeLimits.parse("366-0"));
    assertEquals(TimeLimits.MAX_SECONDS, TimeLimits.parse("365-0"));
  }

  @Test
  void format_slurmStyle() {
    assertEquals("0:00", TimeLimits.format(0));
    assertEquals("0:42", TimeLimits.format(42));
    assertEquals("12:03", TimeLimits.format(723));
    assertEquals("1:02:03", TimeLimits.format(3723));
    assertEquals("2-01:02:03", TimeLimits.format(2 * 86_400 + 3723));
  }

  @Test
  void format_sameAsTheFormatStrings() {
    long[] samples = {
      -5,
      0,
      1,
      9,
      10,
      59,
      60,
      61,
      599,
      600,
      3599,
      3600,
      3601,
      35_999,
      36_000,
      86_399,
      86_400,
      86_401,
      90_061,
      863_999,
      864_000,
      TimeLimits.MAX_SECONDS,
      Long.MAX_VALUE
    };
    for (long seconds : samples) {
      assertEquals(formatted(seconds), TimeLimits.format(seconds), "seconds " + seconds);
    }
    for (long seconds = 0; seconds < 200_000; seconds += 7) {
      assertEquals(formatted(seconds), TimeLimits.format(seconds), "seconds " + seconds);
    }
  }

  /** The format strings TimeLimits.format used to run. */
  private static String formatted(long seconds) {
    long total = Math.max(0, seconds);
    long days = total / 86_400;
    long hours = total % 86_400 / 3600;
    long minutes = total % 3600 / 60;
    long secs = total % 60;
    if (days > 0) {
      return String.format(Locale.ROOT, "%d-%02d:%02d:%02d", days, hours, minutes, secs);
    }
    if (hours > 0) {
      return String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs);
    }
    return String.format(Locale.ROOT, "%d:%02d", minutes, secs);
  }
}
