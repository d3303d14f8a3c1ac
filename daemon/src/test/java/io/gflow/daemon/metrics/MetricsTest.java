package io.gflow.daemon.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rendered text is valid Prometheus exposition format and holds the documented families. */
class MetricsTest {
  private static final Pattern SAMPLE =
      Pattern.compile(
          "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"[^\"\\\\\\n]*\""
              + "(,[a-zA-Z_][a-zA-Z0-9_]*=\"[^\"\\\\\\n]*\")*)?\\})? (-?[0-9.eE+-]+|\\+Inf|NaN)");
  private static final Pattern COMMENT =
      Pattern.compile("# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)");

  /** family → type, checking that every sample belongs to a family declared before it. */
  static Map<String, String> parse(String text) {
    assertTrue(text.endsWith("\n"), "ends with a newline");
    Map<String, String> types = new LinkedHashMap<>();
    Map<String, Boolean> helped = new LinkedHashMap<>();
    String current = null;
    for (String line : text.split("\n")) {
      Matcher comment = COMMENT.matcher(line);
      if (comment.matches()) {
        if (comment.group(1).equals("HELP")) {
          helped.put(comment.group(2), true);
        } else {
          assertTrue(List.of("counter", "gauge", "histogram").contains(comment.group(3)), line);
          if (types.put(comment.group(2), comment.group(3)) != null) {
            fail("family declared twice: " + line);
          }
          current = comment.group(2);
        }
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      if (!sample.matches()) {
        fail("not a sample line: <" + line + ">");
      }
      String name = sample.group(1);
      String family =
          types.get(current).equals("histogram")
              ? name.replaceFirst("_(bucket|sum|count)$", "")
              : name;
      assertEquals(current, family, "sample outside its family: " + line);
    }
    assertEquals(types.keySet(), helped.keySet(), "every family has HELP and TYPE");
    return types;
  }

  @Test
  void render_everyDocumentedFamily_validExposition() {
    Metrics metrics = new Metrics();
    metrics.request("admin.reload", "ok");
    metrics.request("admin.reload", "denied");
    metrics.request("admin.reload", "denied");
    metrics.request("weird\"method\n", "denied");
    metrics.denial("admin.reload");
    metrics.denial("admin.reload");
    metrics.denial("weird\"method\n");
    metrics.connection("admitted");
    metrics.gauge("gflow_connections_open", () -> 3);
    metrics.gauge(
        "gflow_jobs", "Jobs by state.", "state", () -> Map.of("running", 2L, "queued", 5L));
    metrics.queueWait().observe(0.2);
    metrics.queueWait().observe(30);
    metrics.storeCommit().observeNanos(2_000_000);

    String text = metrics.render();
    Map<String, String> types = parse(text);

    assertEquals("counter", types.get("gflow_requests_total"));
    assertEquals("counter", types.get("gflow_denials_total"));
    assertEquals("gauge", types.get("gflow_jobs"));
    assertEquals("histogram", types.get("gflow_queue_wait_seconds"));
    assertEquals("histogram", types.get("gflow_store_commit_seconds"));
    assertTrue(
        text.contains("gflow_requests_total{method=\"admin.reload\",outcome=\"denied\"} 2\n"));
    assertTrue(text.contains("gflow_denials_total{method=\"admin.reload\"} 2\n"), text);
    assertTrue(text.contains("gflow_denials_total{method=\"weird_method_\"} 1\n"), text);
    assertTrue(text.contains("gflow_jobs{state=\"running\"} 2\n"), text);
    assertTrue(text.contains("gflow_queue_wait_seconds_bucket{le=\"+Inf\"} 2\n"), text);
    assertTrue(text.contains("gflow_queue_wait_seconds_bucket{le=\"0.5\"} 1\n"), text);
    assertTrue(text.contains("gflow_queue_wait_seconds_count 2\n"), text);
    assertTrue(text.contains("gflow_queue_wait_seconds_sum 30.2\n"), text);
    assertTrue(text.contains("gflow_store_commit_seconds_count 1\n"), text);
  }

  @Test
  void render_histogramBuckets_cumulativeAndEndAtCount() {
    Metrics metrics = new Metrics();
    for (double seconds : new double[] {0.00001, 0.003, 0.003, 2, 7200}) {
      metrics.storeCommit().observe(seconds);
    }
    long previous = -1;
    long inf = -1;
    for (String line : metrics.render().split("\n")) {
      if (line.startsWith("gflow_store_commit_seconds_bucket")) {
        long value = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
        assertTrue(value >= previous, "cumulative: " + line);
        previous = value;
        if (line.contains("le=\"+Inf\"")) {
          inf = value;
        }
      }
    }
    assertEquals(5, inf);
    assertEquals(5, metrics.storeCommit().count());
  }

  @Test
  void render_failingGauge_leavesFamilyEmptyNotTheScrape() {
    Metrics metrics = new Metrics();
    metrics.gauge(
        "gflow_jobs",
        "Jobs by state.",
        "state",
        () -> {
          throw new IllegalStateException("store closed");
        });
    parse(metrics.render());
  }
}
