package io.gflow.daemon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationParserTest {
  @Test
  void parse_eachUnit_givesDuration() {
    assertEquals(Duration.ofMillis(500), DurationParser.parse("500ms"));
    assertEquals(Duration.ofSeconds(60), DurationParser.parse("60s"));
    assertEquals(Duration.ofMinutes(10), DurationParser.parse("10m"));
    assertEquals(Duration.ofHours(2), DurationParser.parse("2h"));
    assertEquals(Duration.ofDays(30), DurationParser.parse("30d"));
    assertEquals(Duration.ZERO, DurationParser.parse("0s"));
  }

  @Test
  void parse_malformed_throws() {
    for (String text : new String[] {"", "60", "s", "-1s", "1.5h", "60 s", "60S", "1w", " 1s"}) {
      assertThrows(IllegalArgumentException.class, () -> DurationParser.parse(text), text);
    }
  }

  @Test
  void format_exactDurations_useLargestUnit() {
    assertEquals("30d", DurationParser.format(Duration.ofDays(30)));
    assertEquals("90s", DurationParser.format(Duration.ofSeconds(90)));
    assertEquals("1500ms", DurationParser.format(Duration.ofMillis(1500)));
    assertEquals("0s", DurationParser.format(Duration.ZERO));
  }
}
