package io.gflow.cli.ctl;

import static io.gflow.cli.ctl.GctlRunner.gctl;
import static io.gflow.cli.ctl.GctlRunner.withSocket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.cli.CliRunner;
import io.gflow.cli.cancel.GcancelCommand;
import io.gflow.cli.job.GjobCommand;
import io.gflow.daemon.DaemonExtension;
import io.gflow.protocol.control.AuditResult;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonObject;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** gctl audit, debug-state and metrics against a real daemon, as its owner (an admin). */
@Timeout(60)
class GctlInspectIT {
  @RegisterExtension
  final DaemonExtension daemon =
      DaemonExtension.withConfig("[audit]\nmax_bytes = 1024\nkeep = 3\n");

  private GctlRunner.Run run(String... args) {
    return gctl(withSocket(daemon.socket().toString(), args));
  }

  private void reloads(int count) {
    for (int index = 0; index < count; index++) {
      assertEquals(0, run("reload").exitCode());
    }
  }

  @Test
  void audit_afterReloads_tableNewestLast() {
    reloads(2);
    GctlRunner.Run audit = run("audit");
    assertEquals(0, audit.exitCode(), audit.stderr());
    List<String> lines = audit.stdout().lines().toList();
    assertTrue(lines.get(0).startsWith("TIME "), audit.stdout());
    assertEquals(3, lines.size(), audit.stdout());
    assertTrue(lines.get(2).contains("admin.reload"), audit.stdout());
    assertTrue(lines.get(2).contains(" admin "), audit.stdout());
    assertTrue(lines.get(2).contains(" ok"), audit.stdout());
    assertEquals("", audit.stderr());
  }

  @Test
  void audit_json_isWireResultAndLimitKeepsNewest() throws Exception {
    reloads(3);
    GctlRunner.Run audit = run("audit", "--json", "--limit", "2", "--since", "1h");
    assertEquals(0, audit.exitCode(), audit.stderr());
    AuditResult result = AuditResult.fromJson(Json.parse(audit.stdout().trim()));
    assertEquals(2, result.records().size());
    assertEquals("admin.reload", result.records().get(1).method());
  }

  @Test
  void audit_otherUser_noRecords() {
    reloads(1);
    GctlRunner.Run audit = run("audit", "--user", "nobody-here");
    assertEquals(0, audit.exitCode(), audit.stderr());
    assertEquals("no audit records match\n", audit.stdout());
  }

  @Test
  void audit_manyRecords_rotatedByConfigAndReadAcrossFiles() throws Exception {
    reloads(40);
    assertTrue(Files.exists(daemon.stateDir().resolve("audit.log.1")));
    assertTrue(Files.exists(daemon.stateDir().resolve("audit.log.3")));
    assertTrue(!Files.exists(daemon.stateDir().resolve("audit.log.4")), "keep = 3");
    assertTrue(Files.size(daemon.auditLog()) <= 1024);
    GctlRunner.Run audit = run("audit", "--json", "--limit", "10000");
    AuditResult result = AuditResult.fromJson(Json.parse(audit.stdout().trim()));
    assertTrue(result.records().size() > 8, "records from rotated files: " + result.records());
    for (int index = 1; index < result.records().size(); index++) {
      assertTrue(
          !result.records().get(index).time().isBefore(result.records().get(index - 1).time()));
    }
  }

  @Test
  void audit_badOptions_usageExit2() {
    GctlRunner.Run since = run("audit", "--since", "last tuesday");
    assertEquals(2, since.exitCode());
    assertTrue(since.stderr().startsWith("gctl audit: --since 'last tuesday'"), since.stderr());
    GctlRunner.Run limit = run("audit", "--limit", "0");
    assertEquals(2, limit.exitCode());
    assertTrue(limit.stderr().contains("--limit (0) must be in 1..10000"), limit.stderr());
  }

  @Test
  void debugState_admin_prettyJsonWithEverySection() throws Exception {
    GctlRunner.Run state = run("debug-state");
    assertEquals(0, state.exitCode(), state.stderr());
    assertTrue(state.stdout().startsWith("{\n  \"connections\": {"), state.stdout());
    JsonObject json = (JsonObject) Json.parse(state.stdout());
    for (String section : List.of("connections", "daemon", "scheduler", "store")) {
      assertTrue(json.has(section), section + " in " + state.stdout());
    }
    JsonObject connections = (JsonObject) json.get("connections");
    assertEquals("1", Json.write(connections.get("open")));
    JsonObject scheduler = (JsonObject) json.get("scheduler");
    assertTrue(scheduler.has("queued") && scheduler.has("running_per_user"), scheduler.toString());
    JsonObject store = (JsonObject) json.get("store");
    assertEquals(daemon.stateDir().resolve("gflow.db").toString(), store.stringOrNull("path"));
  }

  @Test
  void metrics_admin_prometheusTextWithDocumentedFamilies() {
    reloads(1);
    GctlRunner.Run metrics = run("metrics");
    assertEquals(0, metrics.exitCode(), metrics.stderr());
    String text = metrics.stdout();
    assertTrue(
        text.contains("gflow_requests_total{method=\"admin.reload\",outcome=\"ok\"} 1\n"), text);
    assertTrue(text.contains("# TYPE gflow_denials_total counter\n"), text);
    assertTrue(text.contains("gflow_jobs{state=\"running\"} 0\n"), text);
    assertTrue(text.contains("gflow_queue_wait_seconds_bucket{le=\"+Inf\"} 0\n"), text);
    assertTrue(text.contains("# TYPE gflow_store_commit_seconds histogram\n"), text);
  }

  @Test
  void jobThatRan_countedInQueueWaitStoreCommitsAndJobGauge() throws Exception {
    CliRunner cli = new CliRunner(daemon.socket());
    String id = cli.submit(daemon.root(), "true");
    CliRunner.Run wait = cli.runSub(new GjobCommand(), "wait", id, "--timeout", "30");
    assertEquals(0, wait.exitCode(), wait.both());
    String text = run("metrics").stdout();
    assertTrue(text.contains("gflow_queue_wait_seconds_count 1\n"), text);
    assertTrue(text.contains("gflow_jobs{state=\"completed\"} 1\n"), text);
    assertTrue(!text.contains("gflow_store_commit_seconds_count 0\n"), text);
  }

  @Test
  void debugState_runningJob_countedPerUser() throws Exception {
    CliRunner cli = new CliRunner(daemon.socket());
    String id = cli.submit(daemon.root(), "sleep", "60");
    long deadline = System.nanoTime() + 30_000_000_000L;
    JsonObject scheduler;
    do {
      JsonObject state = (JsonObject) Json.parse(run("debug-state", "--json").stdout().trim());
      scheduler = (JsonObject) state.get("scheduler");
    } while (!Json.write(scheduler.get("running")).equals("1") && System.nanoTime() < deadline);
    assertEquals("1", Json.write(scheduler.get("running")), scheduler.toString());
    JsonObject perUser = (JsonObject) scheduler.get("running_per_user");
    assertEquals(1, perUser.size(), scheduler.toString());
    assertEquals(0, cli.run(new GcancelCommand(), id).exitCode());
  }

  @Test
  void metrics_json_isWireResult() throws Exception {
    GctlRunner.Run metrics = run("metrics", "--json");
    JsonObject json = (JsonObject) Json.parse(metrics.stdout().trim());
    assertTrue(json.stringOrNull("text").contains("gflow_requests_total"), metrics.stdout());
  }
}
