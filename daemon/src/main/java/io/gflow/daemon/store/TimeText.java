package io.gflow.daemon.store;

import java.time.Duration;

/**
 * Reads back the ISO-8601 durations that {@link Duration#toString} writes for stored job specs
 * (instants: {@link io.gflow.protocol.job.WireInstants}). The common shapes are read directly: a
 * restarting daemon reads one per queued job, and {@link Duration#parse} costs tens of microseconds
 * while the JIT is still cold. Any other text goes to the JDK's parser, which decides. Stateless
 * and thread-safe.
 */
final class TimeText {
  private TimeText() {}

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
}
