package io.gflow.daemon.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The daemon's counters, gauges and histograms, rendered in the Prometheus text exposition format
 * (every family with HELP and TYPE). Updates are lock-free; thread-safe.
 */
public final class Metrics {
  /** Upper bounds for latencies: 100 µs … 1 h. */
  private static final double[] LATENCY_BOUNDS = {
    0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 60, 300, 900, 3600
  };

  private final ConcurrentHashMap<String, LongAdder> requests = new ConcurrentHashMap<>();
  // The same counters by method, then outcome: counting a call builds no key string.
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, LongAdder>> requestsByMethod =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> denials = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> connections = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Gauge> gauges = new ConcurrentHashMap<>();
  private final Histogram queueWait =
      new Histogram(
          "gflow_queue_wait_seconds",
          "Time from submit to start of jobs started since the daemon started.",
          LATENCY_BOUNDS);
  private final Histogram storeCommit =
      new Histogram(
          "gflow_store_commit_seconds",
          "Latency of the job store's group commits (begin to durable commit).",
          LATENCY_BOUNDS);

  /** A gauge family: one label and a value per label value, read at render time. */
  private record Gauge(String help, String label, Supplier<Map<String, Long>> values) {}

  /** Counts one call of {@code method} that ended with {@code outcome}. */
  public void request(String method, String outcome) {
    ConcurrentHashMap<String, LongAdder> outcomes = requestsByMethod.get(method);
    LongAdder counter = outcomes == null ? null : outcomes.get(outcome);
    if (counter == null) {
      counter = requests.computeIfAbsent(method + "\u0000" + outcome, key -> new LongAdder());
      requestsByMethod
          .computeIfAbsent(method, key -> new ConcurrentHashMap<>())
          .putIfAbsent(outcome, counter);
    }
    counter.increment();
  }

  /**
   * Counts one denial of {@code method}: fed by the audit log, so that per-job denials inside an
   * otherwise successful call and refused connections count too.
   */
  public void denial(String method) {
    denials.computeIfAbsent(method, key -> new LongAdder()).increment();
  }

  /** Counts one connection that ended its admission with {@code outcome}. */
  public void connection(String outcome) {
    connections.computeIfAbsent(outcome, key -> new LongAdder()).increment();
  }

  /** Registers a gauge without labels read at render time, e.g. open connections. */
  public void gauge(String name, LongSupplier value) {
    gauges.put(name, new Gauge(name, null, () -> Map.of("", value.getAsLong())));
  }

  /** Registers a gauge family {@code name{label="..."}} whose values are read at render time. */
  public void gauge(String name, String help, String label, Supplier<Map<String, Long>> values) {
    gauges.put(name, new Gauge(help, label, values));
  }

  /** Submit-to-start latency of jobs. */
  public Histogram queueWait() {
    return queueWait;
  }

  /** Latency of store group commits. */
  public Histogram storeCommit() {
    return storeCommit;
  }

  public long requestCount(String method, String outcome) {
    LongAdder adder = requests.get(method + "\u0000" + outcome);
    return adder == null ? 0 : adder.sum();
  }

  /** The Prometheus text format (version 0.0.4). */
  public String render() {
    StringBuilder out = new StringBuilder();
    header(out, "gflow_requests_total", "RPC calls by method and outcome.", "counter");
    for (Map.Entry<String, LongAdder> entry : new TreeMap<>(requests).entrySet()) {
      String[] parts = entry.getKey().split("\u0000", 2);
      out.append("gflow_requests_total{method=\"")
          .append(label(parts[0]))
          .append("\",outcome=\"")
          .append(label(parts[1]))
          .append("\"} ")
          .append(entry.getValue().sum())
          .append('\n');
    }
    header(out, "gflow_denials_total", "Calls denied for role or ownership, by method.", "counter");
    counters(out, "gflow_denials_total", "method", denials);
    header(out, "gflow_connections_total", "Accepted connections by admission outcome.", "counter");
    counters(out, "gflow_connections_total", "outcome", connections);
    for (Map.Entry<String, Gauge> entry : new TreeMap<>(gauges).entrySet()) {
      renderGauge(out, entry.getKey(), entry.getValue());
    }
    queueWait.render(out);
    storeCommit.render(out);
    return out.toString();
  }

  private static void header(StringBuilder out, String name, String help, String type) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void counters(
      StringBuilder out, String name, String label, Map<String, LongAdder> values) {
    for (Map.Entry<String, LongAdder> entry : new TreeMap<>(values).entrySet()) {
      sample(out, name, label, entry.getKey(), entry.getValue().sum());
    }
  }

  private static void renderGauge(StringBuilder out, String name, Gauge gauge) {
    header(out, name, gauge.help(), "gauge");
    Map<String, Long> values;
    try {
      values = new TreeMap<>(gauge.values().get());
    } catch (RuntimeException unreadable) {
      return; // e.g. the store is closing: leave the family empty rather than fail the scrape
    }
    for (Map.Entry<String, Long> entry : values.entrySet()) {
      sample(out, name, gauge.label(), entry.getKey(), entry.getValue());
    }
  }

  private static void sample(
      StringBuilder out, String name, String label, String labelValue, long value) {
    out.append(name);
    if (label != null) {
      out.append('{').append(label).append("=\"").append(label(labelValue)).append("\"}");
    }
    out.append(' ').append(value).append('\n');
  }

  /** Unknown method names come from callers: keep label values to a safe alphabet. */
  private static String label(String value) {
    return value.replaceAll("[^A-Za-z0-9_.:-]", "_");
  }
}
