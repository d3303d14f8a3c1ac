package io.gflow.protocol.job;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants as the wire writes them ({@link Instant#toString}, e.g. {@code
 * 2026-12-01T08:00:00.250Z}), read and written without {@code DateTimeFormatter}, which costs
 * microseconds per call and a listing has three instants per job. Anything outside the plain form
 * (years beyond 0..9999, other layouts) goes through {@link Instant#parse}/{@link
 * Instant#toString}, so results are identical. Stateless and thread-safe.
 */
public final class WireInstants {
  private static final int MAX_FAST_YEAR = 9999;

  /** The longest plain text: {@code 9999-12-31T23:59:59.999999999Z}. */
  static final int MAX_PLAIN_CHARS = 30;

  private static final int[] SCALE = {
    1, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1000, 100, 10, 1
  };

  private WireInstants() {}

  /** The same text as {@code instant.toString()}. */
  public static String format(Instant instant) {
    char[] text = new char[MAX_PLAIN_CHARS];
    int length = format(instant, text);
    return length < 0 ? instant.toString() : new String(text, 0, length);
  }

  /**
   * Writes the text of {@link #format(Instant)} into {@code text} (at least {@value
   * #MAX_PLAIN_CHARS} chars) and returns its length; -1 (nothing written) for years beyond 0..9999.
   */
  static int format(Instant instant, char[] text) {
    LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    if (time.getYear() < 0 || time.getYear() > MAX_FAST_YEAR) {
      return -1;
    }
    int length = 0;
    length = digits(text, length, time.getYear(), 4);
    text[length++] = '-';
    length = digits(text, length, time.getMonthValue(), 2);
    text[length++] = '-';
    length = digits(text, length, time.getDayOfMonth(), 2);
    text[length++] = 'T';
    length = digits(text, length, time.getHour(), 2);
    text[length++] = ':';
    length = digits(text, length, time.getMinute(), 2);
    text[length++] = ':';
    length = digits(text, length, time.getSecond(), 2);
    int nanos = instant.getNano();
    if (nanos != 0) {
      text[length++] = '.';
      if (nanos % 1_000_000 == 0) {
        length = digits(text, length, nanos / 1_000_000, 3);
      } else if (nanos % 1000 == 0) {
        length = digits(text, length, nanos / 1000, 6);
      } else {
        length = digits(text, length, nanos, 9);
      }
    }
    text[length++] = 'Z';
    return length;
  }

  private static int digits(char[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return at + width;
  }

  /**
   * Parses like {@link Instant#parse}.
   *
   * @throws java.time.format.DateTimeParseException as {@link Instant#parse} does
   */
  public static Instant parse(String text) {
    Instant fast = parsePlain(text);
    return fast != null ? fast : Instant.parse(text);
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null for anything else. */
  private static Instant parsePlain(String text) {
    int length = text.length();
    if (length < 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(length - 1) != 'Z') {
      return null;
    }
    int year = number(text, 0, 4);
    int month = number(text, 5, 2);
    int day = number(text, 8, 2);
    int hour = number(text, 11, 2);
    int minute = number(text, 14, 2);
    int second = number(text, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23) {
      return null;
    }
    if (minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    int nanos = 0;
    if (length > 20) {
      int fraction = length - 21;
      if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
        return null;
      }
      int value = number(text, 20, fraction);
      if (value < 0) {
        return null;
      }
      nanos = value * SCALE[fraction];
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException invalid) {
      return null;
    }
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600 + minute * 60 + second, nanos);
  }

  /** The decimal number in {@code text[from, from + count)}, or -1 if a char is not a digit. */
  private static int number(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
