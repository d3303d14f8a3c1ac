package io.gflow.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time limits and durations in Slurm's notation: {@code MM}, {@code MM:SS}, {@code HH:MM:SS},
 * {@code D-HH}, {@code D-HH:MM}, {@code D-HH:MM:SS}, and the short forms {@code 90s}, {@code 30m},
 * {@code 2h}, {@code 1d}, {@code 1w}. Stateless and thread-safe.
 */
public final class TimeLimits {
  /** Longest limit the daemon accepts: 365 days. */
  public static final long MAX_SECONDS = 31_536_000L;

  /**
   * The accepted forms, compiled when a limit is first parsed: a cold client that only formats
   * durations (a gqueue table) does not pay for compiling them.
   */
  private static final class Forms {
    static final Pattern MINUTES = Pattern.compile("(\\d{1,9})");
    static final Pattern MIN_SEC = Pattern.compile("(\\d{1,9}):(\\d{1,2})");
    static final Pattern HOUR_MIN_SEC = Pattern.compile("(\\d{1,9}):(\\d{1,2}):(\\d{1,2})");
    static final Pattern DAYS =
        Pattern.compile("(\\d{1,6})-(\\d{1,2})(?::(\\d{1,2})(?::(\\d{1,2}))?)?");
    static final Pattern UNIT = Pattern.compile("(\\d{1,9})([smhdw])");
  }

  private TimeLimits() {}

  /**
   * The limit in seconds, or null for "no limit" ({@code 0}, {@code unlimited}, {@code infinite}).
   *
   * @throws IllegalArgumentException naming the text and the accepted forms
   */
  public static Long parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    if (value.equals("unlimited") || value.equals("infinite")) {
      return null;
    }
    long seconds = seconds(value, text);
    if (seconds == 0) {
      return null;
    }
    if (seconds > MAX_SECONDS) {
      throw new IllegalArgumentException(
          "time limit '" + Texts.safe(text) + "' is longer than 365 days");
    }
    return seconds;
  }

  private static long seconds(String value, String text) {
    Matcher match;
    if ((match = Forms.MINUTES.matcher(value)).matches()) {
      return number(match, 1) * 60;
    }
    if ((match = Forms.MIN_SEC.matcher(value)).matches()) {
      return number(match, 1) * 60 + below(match, 2, 60, text);
    }
    if ((match = Forms.HOUR_MIN_SEC.matcher(value)).matches()) {
      return number(match, 1) * 3600 + below(match, 2, 60, text) * 60 + below(match, 3, 60, text);
    }
    if ((match = Forms.DAYS.matcher(value)).matches()) {
      return number(match, 1) * 86_400
          + below(match, 2, 24, text) * 3600
          + below(match, 3, 60, text) * 60
          + below(match, 4, 60, text);
    }
    if ((match = Forms.UNIT.matcher(value)).matches()) {
      long unit =
          switch (match.group(2)) {
            case "s" -> 1;
            case "m" -> 60;
            case "h" -> 3600;
            case "d" -> 86_400;
            default -> 604_800;
          };
      return number(match, 1) * unit;
    }
    throw new IllegalArgumentException(
        "time limit '"
            + Texts.safe(text)
            + "' is not one of MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS, 90s, 30m, 2h, 1d");
  }

  private static long number(Matcher match, int group) {
    String digits = match.group(group);
    return digits == null ? 0 : Long.parseLong(digits);
  }

  private static long below(Matcher match, int group, int limit, String text) {
    long value = number(match, group);
    if (value >= limit) {
      throw new IllegalArgumentException(
          "time limit '" + Texts.safe(text) + "': " + value + " must be below " + limit);
    }
    return value;
  }

  /**
   * A duration as Slurm shows it: {@code 0:42}, {@code 12:03}, {@code 1:02:03}, {@code 2-01:02:03}.
   */
  public static String format(long seconds) {
    // Built by hand: String.format is most of the cost of a big gqueue table on a cold JVM.
    long total = Math.max(0, seconds);
    long days = total / 86_400;
    long hours = total % 86_400 / 3600;
    long minutes = total % 3600 / 60;
    StringBuilder text = new StringBuilder(16);
    if (days > 0) {
      twoDigits(text.append(days).append('-'), hours).append(':');
      twoDigits(text, minutes);
    } else if (hours > 0) {
      twoDigits(text.append(hours).append(':'), minutes);
    } else {
      text.append(minutes);
    }
    return twoDigits(text.append(':'), total % 60).toString();
  }

  private static StringBuilder twoDigits(StringBuilder text, long value) {
    return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
