package io.gflow.bench;

import java.util.Arrays;

/**
 * Order statistics of a set of samples (durations in nanoseconds, or any long), by the nearest-rank
 * method: the p-th percentile is the smallest sample that at least p % of the samples are less than
 * or equal to. Immutable and thread-safe.
 */
final class Percentiles {
  private final long[] sorted;

  private Percentiles(long[] sorted) {
    this.sorted = sorted;
  }

  /**
   * @param samples at least one; copied, not changed
   * @throws IllegalArgumentException if there are none
   */
  static Percentiles of(long[] samples) {
    if (samples.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    long[] copy = samples.clone();
    Arrays.sort(copy);
    return new Percentiles(copy);
  }

  /**
   * @param percent in 0..100; 0 is the smallest sample, 100 the largest
   */
  long at(double percent) {
    if (!(percent >= 0 && percent <= 100)) {
      throw new IllegalArgumentException("percent (" + percent + ") must be in 0..100");
    }
    int rank = (int) Math.ceil(percent / 100 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  long median() {
    return at(50);
  }

  int count() {
    return sorted.length;
  }

  /** The {@code percent}-th percentile of nanosecond samples, in milliseconds. */
  double millisAt(double percent) {
    return at(percent) / 1e6;
  }

  /** The {@code percent}-th percentile of nanosecond samples, in microseconds. */
  double microsAt(double percent) {
    return at(percent) / 1e3;
  }
}
