package io.gflow.daemon.metrics;

import java.util.Arrays;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A Prometheus histogram in seconds with fixed upper bounds; rendered cumulatively with {@code
 * _bucket{le=...}}, {@code _sum} and {@code _count}. Observations are lock-free; thread-safe.
 */
public final class Histogram {
  private final String name;
  private final String help;
  private final double[] bounds;
  private final LongAdder[] counts;
  private final DoubleAdder sum = new DoubleAdder();
  private final LongAdder count = new LongAdder();

  Histogram(String name, String help, double... bounds) {
    this.name = name;
    this.help = help;
    this.bounds = bounds.clone();
    Arrays.sort(this.bounds);
    this.counts = new LongAdder[this.bounds.length];
    for (int index = 0; index < counts.length; index++) {
      counts[index] = new LongAdder();
    }
  }

  /** Records one observation of {@code seconds} (negative values count as 0). */
  public void observe(double seconds) {
    double value = Math.max(0, seconds);
    for (int index = 0; index < bounds.length; index++) {
      if (value <= bounds[index]) {
        counts[index].increment();
        break;
      }
    }
    sum.add(value);
    count.increment();
  }

  /** Records one observation given in nanoseconds. */
  public void observeNanos(long nanos) {
    observe(nanos / 1e9);
  }

  public long count() {
    return count.sum();
  }

  void render(StringBuilder out) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" histogram\n");
    long total = count.sum();
    long cumulative = 0;
    for (int index = 0; index < bounds.length; index++) {
      cumulative += counts[index].sum();
      bucket(out, Double.toString(bounds[index]), Math.min(cumulative, total));
    }
    bucket(out, "+Inf", total);
    out.append(name).append("_sum ").append(sum.sum()).append('\n');
    out.append(name).append("_count ").append(total).append('\n');
  }

  private void bucket(StringBuilder out, String le, long value) {
    out.append(name).append("_bucket{le=\"").append(le).append("\"} ").append(value).append('\n');
  }
}
