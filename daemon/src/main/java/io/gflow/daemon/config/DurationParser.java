package io.gflow.daemon.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes the config's duration strings ({@code "500ms"}, {@code "60s"}, ...). */
final class DurationParser {
  private static final Pattern FORMAT = Pattern.compile("([0-9]{1,12})(ms|s|m|h|d)");

  private DurationParser() {}

  /**
   * Parses a non-negative whole number followed by one unit: ms, s, m, h or d.
   *
   * @throws IllegalArgumentException if the text is not such a duration
   */
  static Duration parse(String text) {
    Matcher matcher = FORMAT.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "expected a duration like \"500ms\", \"60s\", \"10m\", \"2h\" or \"30d\"");
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      case "d" -> Duration.ofDays(amount);
      default -> throw new IllegalStateException("unit not in pattern: " + matcher.group(2));
    };
  }

  /** Formats with the largest unit that represents the duration exactly. */
  static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis == 0) {
      return "0s";
    }
    if (millis % 86_400_000L == 0) {
      return millis / 86_400_000L + "d";
    }
    if (millis % 3_600_000L == 0) {
      return millis / 3_600_000L + "h";
    }
    if (millis % 60_000L == 0) {
      return millis / 60_000L + "m";
    }
    if (millis % 1000L == 0) {
      return millis / 1000L + "s";
    }
    return millis + "ms";
  }

  /** Throws {@code "key (value) must be in min..max"} unless min <= value <= max. */
  static void checkRange(String key, Duration value, Duration min, Duration max) {
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          key + " (" + format(value) + ") must be in " + format(min) + ".." + format(max));
    }
  }

  /** Throws {@code "key (value) must be in min..max"} unless min <= value <= max. */
  static void checkRange(String key, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(key + " (" + value + ") must be in " + min + ".." + max);
    }
  }
}
