package io.gflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BeginTimesTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  // 2026-05-03 12:00 in Berlin (UTC+2).
  private static final Instant NOW = Instant.parse("2026-05-03T10:00:00Z");

  private static Instant parse(String text) {
    return BeginTimes.parse(text, NOW, BERLIN);
  }

  @Test
  void parse_isoInstantAndOffset() {
    assertEquals(Instant.parse("2026-12-01T08:00:00Z"), parse("2026-12-01T08:00:00Z"));
    assertEquals(Instant.parse("2026-12-01T06:00:00Z"), parse("2026-12-01T08:00:00+02:00"));
  }

  @Test
  void parse_localDateTime_inZone() {
    assertEquals(Instant.parse("2026-06-01T06:00:00Z"), parse("2026-06-01T08:00"));
    assertEquals(Instant.parse("2026-06-01T06:00:30Z"), parse("2026-06-01T08:00:30"));
    assertEquals(Instant.parse("2026-06-01T06:00:00Z"), parse("2026-06-01 08:00"));
    assertEquals(Instant.parse("2026-05-31T22:00:00Z"), parse("2026-06-01"));
  }

  @Test
  void parse_relative_fromNow() {
    assertEquals(NOW, parse("now"));
    assertEquals(NOW.plusSeconds(3600), parse("now+1h"));
    assertEquals(NOW.plusSeconds(90), parse("now+90"));
    assertEquals(NOW.plusSeconds(90), parse("now+90s"));
    assertEquals(NOW.plusSeconds(600), parse("now+10minutes"));
    assertEquals(NOW.plusSeconds(2 * 86_400), parse("now+2days"));
  }

  @Test
  void parse_clockTime_todayOrTomorrow() {
    assertEquals(Instant.parse("2026-05-03T16:30:00Z"), parse("18:30"));
    assertEquals(Instant.parse("2026-05-04T07:00:00Z"), parse("9:00"));
    assertEquals(Instant.parse("2026-05-04T10:00:00Z"), parse("12:00"));
    assertEquals(Instant.parse("2026-05-03T22:00:00Z"), parse("midnight"));
    assertEquals(Instant.parse("2026-05-04T10:00:00Z"), parse("noon"));
  }

  @Test
  void parse_garbage_listsForms() {
    for (String bad : new String[] {"soon", "25:00", "now+1x", "2026-13-01", "yesterday"}) {
      IllegalArgumentException failure =
          assertThrows(IllegalArgumentException.class, () -> parse(bad), bad);
      assertTrue(failure.getMessage().contains("now+2h"), failure.getMessage());
    }
  }
}
