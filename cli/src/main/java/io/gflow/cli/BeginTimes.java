package io.gflow.cli;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code --begin} times: an ISO-8601 instant ({@code 2026-12-01T08:00:00Z}, or with an
 * offset), a local date-time ({@code 2026-12-01T08:00[:SS]}, also with a blank for the T), a date
 * (midnight), {@code HH:MM[:SS]} (today, or tomorrow once that time has passed), {@code now},
 * {@code now+N[s|m|h|d|w]} (Slurm: plain N is seconds), {@code midnight}, {@code noon}, {@code
 * today}, {@code tomorrow}. Stateless and thread-safe.
 */
public final class BeginTimes {
  private static final Pattern RELATIVE = Pattern.compile("now\\s*\\+\\s*(\\d{1,9})\\s*([a-z]*)");
  private static final Pattern CLOCK = Pattern.compile("\\d{1,2}:\\d{2}(:\\d{2})?");

  private BeginTimes() {}

  /**
   * The instant {@code text} names, seen from {@code now} in {@code zone}.
   *
   * @throws IllegalArgumentException naming the text and the accepted forms
   */
  public static Instant parse(String text, Instant now, ZoneId zone) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    Matcher relative = RELATIVE.matcher(value);
    if (relative.matches()) {
      return now.plus(
          Duration.ofSeconds(Long.parseLong(relative.group(1)) * unit(relative.group(2), text)));
    }
    LocalDate today = LocalDate.ofInstant(now, zone);
    switch (value) {
      case "now":
        return now;
      case "today":
        return today.atStartOfDay(zone).toInstant();
      case "tomorrow":
      case "midnight":
        return today.plusDays(1).atStartOfDay(zone).toInstant();
      case "noon":
        return nextOccurrence(LocalTime.NOON, now, zone);
      default:
        break;
    }
    try {
      if (CLOCK.matcher(value).matches()) {
        return nextOccurrence(
            LocalTime.parse(value.length() == 4 ? "0" + value : value), now, zone);
      }
      String iso = value.toUpperCase(Locale.ROOT).replace(' ', 'T');
      if (iso.endsWith("Z")) {
        return Instant.parse(iso);
      }
      if (iso.matches(".*T.*[+-]\\d{2}:?\\d{2}$")) {
        return OffsetDateTime.parse(iso).toInstant();
      }
      if (iso.contains("T")) {
        return LocalDateTime.parse(iso).atZone(zone).toInstant();
      }
      return LocalDate.parse(iso).atStartOfDay(zone).toInstant();
    } catch (DateTimeException bad) {
      throw invalid(text);
    }
  }

  private static Instant nextOccurrence(LocalTime time, Instant now, ZoneId zone) {
    ZonedDateTime candidate = LocalDate.ofInstant(now, zone).atTime(time).atZone(zone);
    if (!candidate.toInstant().isAfter(now)) {
      candidate = candidate.plusDays(1);
    }
    return candidate.toInstant();
  }

  private static long unit(String unit, String text) {
    return switch (unit) {
      case "", "s", "sec", "secs", "second", "seconds" -> 1;
      case "m", "min", "mins", "minute", "minutes" -> 60;
      case "h", "hour", "hours" -> 3600;
      case "d", "day", "days" -> 86_400;
      case "w", "week", "weeks" -> 604_800;
      default -> throw invalid(text);
    };
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "begin time '"
            + Texts.safe(text)
            + "' is not one of: 2026-12-01T08:00:00Z, 2026-12-01T08:00[:SS] (local), 2026-12-01,"
            + " HH:MM[:SS], now, now+90s, now+2h, now+1d, midnight, noon, tomorrow");
  }
}
