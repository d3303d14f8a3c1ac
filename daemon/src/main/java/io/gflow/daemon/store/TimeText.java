package io.gflow.daemon.store;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads back the ISO-8601 texts that {@link Instant#toString} and {@link Duration#toString} write
 * for stored job specs. The common shapes are read directly: a restarting daemon reads one per
 * queued job, and {@link Instant#parse} and {@link Duration#parse} cost tens of microseconds each
 * while the JIT is still cold. Any other text goes to the JDK's parsers, which decide. Stateless
 * and thread-safe.
 */
final class TimeText {
  private static final int SECONDS_PER_DAY = 86_400;

  private TimeText() {}

  /**
   * As {@link Instant#parse}.
   *
   * @throws java.time.format.DateTimeParseException if the text is not an ISO-8601 instant
   */
  static Instant instant(String text) {
    // "yyyy-MM-ddTHH:mm:ssZ" or with ".f" to ".fffffffff" before the Z; 4-digit years only.
    int length = text.length();
    if (length < 20
        || length == 21
        || length > 30
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(length - 1) != 'Z'
        || (length > 20 && text.charAt(19) != '.')) {
      return Instant.parse(text);
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    int fraction = length > 20 ? digits(text, 20, length - 1) : 0;
    if (year < 0 || month < 0 || day < 0 || hour > 23 || minute > 59 || second > 59) {
      return Instant.parse(text);
    }
    if (hour < 0 || minute < 0 || second < 0 || fraction < 0) {
      return Instant.parse(text);
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException invalid) {
      return Instant.parse(text);
    }
    long nanos = fraction;
    for (int i = length - 1 - 20; i < 9 && length > 20; i++) {
      nanos *= 10;
    }
    long seconds = epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /**
   * As {@link Duration#parse}.
   *
   * @throws java.time.format.DateTimeParseException if the text is not an ISO-8601 duration
   */
  static Duration duration(String text) {
    // "PT8H", "PT1H30M", "PT45S", "PT2H5M7S": whole, non-negative hours, minutes, seconds.
    if (text.length() < 4 || text.length() > 40 || !text.startsWith("PT")) {
      return Duration.parse(text);
    }
    long seconds = 0;
    long number = -1;
    int unitsSeen = 0;
    for (int i = 2; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        number = (number < 0 ? 0 : number * 10) + (c - '0');
        if (number > Integer.MAX_VALUE) {
          return Duration.parse(text);
        }
        continue;
      }
      int unit = "HMS".indexOf(c);
      if (number < 0 || unit < unitsSeen) {
        return Duration.parse(text);
      }
      seconds += number * (unit == 0 ? 3600 : unit == 1 ? 60 : 1);
      unitsSeen = unit + 1;
      number = -1;
    }
    return number >= 0 ? Duration.parse(text) : Duration.ofSeconds(seconds);
  }

  /** The decimal number in {@code text[from, to)}, or -1 if a character is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
