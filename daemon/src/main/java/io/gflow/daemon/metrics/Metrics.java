package io.gflow.daemon.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The daemon's counters and gauges, rendered in the Prometheus text exposition format. Counter
 * updates are lock-free; thread-safe.
 */
public final class Metrics {
  private final ConcurrentHashMap<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> connections = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongSupplier> gauges = new ConcurrentHashMap<>();

  /** Counts one call of {@code method} that ended with {@code outcome}. */
  public void request(String method, String outcome) {
    requests.computeIfAbsent(method + "\u0000" + outcome, key -> new LongAdder()).increment();
  }

  /** Counts one connection that ended its admission with {@code outcome}. */
  public void connection(String outcome) {
    connections.computeIfAbsent(outcome, key -> new LongAdder()).increment();
  }

  /** Registers a gauge read at render time, e.g. open connections. */
  public void gauge(String name, LongSupplier value) {
    gauges.put(name, value);
  }

  public long requestCount(String method, String outcome) {
    LongAdder adder = requests.get(method + "\u0000" + outcome);
    return adder == null ? 0 : adder.sum();
  }

  /** The Prometheus text format; method names are the daemon's own, so no label escaping. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("# HELP gflow_requests_total RPC calls by method and outcome.\n");
    out.append("# TYPE gflow_requests_total counter\n");
    for (Map.Entry<String, LongAdder> entry : new TreeMap<>(requests).entrySet()) {
      String[] parts = entry.getKey().split("\u0000", 2);
      out.append("gflow_requests_total{method=\"")
          .append(label(parts[0]))
          .append("\",outcome=\"")
          .append(parts[1])
          .append("\"} ")
          .append(entry.getValue().sum())
          .append('\n');
    }
    out.append("# HELP gflow_connections_total Accepted connections by admission outcome.\n");
    out.append("# TYPE gflow_connections_total counter\n");
    for (Map.Entry<String, LongAdder> entry : new TreeMap<>(connections).entrySet()) {
      out.append("gflow_connections_total{outcome=\"")
          .append(entry.getKey())
          .append("\"} ")
          .append(entry.getValue().sum())
          .append('\n');
    }
    for (Map.Entry<String, LongSupplier> gauge : new TreeMap<>(gauges).entrySet()) {
      out.append("# TYPE ").append(gauge.getKey()).append(" gauge\n");
      out.append(gauge.getKey()).append(' ').append(gauge.getValue().getAsLong()).append('\n');
    }
    return out.toString();
  }

  /** Unknown method names come from callers: keep label values to a safe alphabet. */
  private static String label(String value) {
    return value.replaceAll("[^A-Za-z0-9_.:-]", "_");
  }
}
