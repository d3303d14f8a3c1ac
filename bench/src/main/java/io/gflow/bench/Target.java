package io.gflow.bench;

/**
 * What a figure must reach: a bound on its ratio to the floor, or on its value. Immutable and
 * thread-safe.
 *
 * @param bound the limit, inclusive
 */
record Target(Kind kind, double bound) {
  /** Which side of the bound is good, and whether the bound applies to the ratio. */
  enum Kind {
    /** ratio = value / floor must be at most the bound. */
    RATIO_AT_MOST,
    /** value must be at most the bound (latencies, durations, sizes). */
    AT_MOST,
    /** value must be at least the bound (rates). */
    AT_LEAST
  }

  Target {
    if (!(bound > 0) || Double.isInfinite(bound)) {
      throw new IllegalArgumentException("bound (" + bound + ") must be positive and finite");
    }
  }

  static Target ratioAtMost(double times) {
    return new Target(Kind.RATIO_AT_MOST, times);
  }

  static Target atMost(double value) {
    return new Target(Kind.AT_MOST, value);
  }

  static Target atLeast(double value) {
    return new Target(Kind.AT_LEAST, value);
  }

  /**
   * Whether a figure with this value and ratio meets the target; a ratio target without a ratio (no
   * floor) is not met.
   */
  boolean metBy(double value, Double ratio) {
    return switch (kind) {
      case RATIO_AT_MOST -> ratio != null && ratio <= bound;
      case AT_MOST -> value <= bound;
      case AT_LEAST -> value >= bound;
    };
  }

  /** For humans and the JSON line: {@code "<= 2x floor"}, {@code ">= 20000 req/s"}. */
  String describe(String unit) {
    return switch (kind) {
      case RATIO_AT_MOST -> "<= " + Numbers.format(bound) + "x floor";
      case AT_MOST -> "<= " + Numbers.format(bound) + " " + unit;
      case AT_LEAST -> ">= " + Numbers.format(bound) + " " + unit;
    };
  }
}
