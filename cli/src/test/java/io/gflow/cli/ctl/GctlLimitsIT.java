package io.gflow.cli.ctl;

import static io.gflow.cli.ctl.GctlRunner.gctl;
import static io.gflow.cli.ctl.GctlRunner.withSocket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.cli.CliRunner;
import io.gflow.cli.batch.GbatchCommand;
import io.gflow.daemon.DaemonExtension;
import io.gflow.protocol.admin.DrainResult;
import io.gflow.protocol.admin.LimitsResult;
import io.gflow.protocol.admin.Quota;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonBoolean;
import io.gflow.protocol.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** gctl set-limit, quota, drain and resume against a real daemon: output, --json, exit codes. */
@Timeout(120)
class GctlLimitsIT {
  @RegisterExtension
  final DaemonExtension daemon = DaemonExtension.withConfig("[scheduler]\nslots = 4\n");

  private GctlRunner.Run run(String... args) {
    return gctl(withSocket(daemon.socket().toString(), args));
  }

  private GctlRunner.Run ok(String... args) {
    GctlRunner.Run run = run(args);
    assertEquals(0, run.exitCode(), run.stderr());
    assertEquals("", run.stderr());
    return run;
  }

  private String me() throws Exception {
    JsonObject who = (JsonObject) Json.parse(ok("whoami", "--json").stdout().trim());
    return who.stringOrNull("user");
  }

  private CliRunner.Run gbatch(String... args) {
    return new CliRunner(daemon.socket()).run(new GbatchCommand(), withOutput(args));
  }

  private String[] withOutput(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "-o";
    all[1] = daemon.root().resolve("%j.out").toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return all;
  }

  @Test
  void setLimit_groupSetShowRemove() {
    assertEquals(
        "group lab: at most 2 running jobs\n", ok("set-limit", "--group", "lab", "2").stdout());
    assertEquals("group lab: at most 2 running jobs\n", ok("set-limit", "--group", "lab").stdout());
    assertEquals("group lab: no limit\n", ok("set-limit", "--group", "lab", "none").stdout());
    assertEquals("group lab: no limit\n", ok("set-limit", "--group", "lab").stdout());
  }

  @Test
  void setLimit_json_printsTheLimitsRecord() throws Exception {
    GctlRunner.Run run = ok("set-limit", "--group", "lab", "3", "--json");
    LimitsResult limits = LimitsResult.fromJson(Json.parse(run.stdout().trim()));
    assertEquals(Map.of("lab", 3), limits.groupLimits());
  }

  @Test
  void setLimit_array_setsLimitOnExistingArray() {
    String ids =
        new CliRunner(daemon.socket()).submit(daemon.root(), "--hold", "-a", "0-3", "true");
    String arrayId = ids.split(",")[0];
    assertEquals(
        "array " + arrayId + ": at most 1 running task\n",
        ok("set-limit", "--array", arrayId, "1").stdout());
  }

  @Test
  void setLimit_unknownArray_exit4WithHint() {
    GctlRunner.Run run = run("set-limit", "--array", "999", "3");
    assertEquals(4, run.exitCode());
    assertTrue(run.stderr().startsWith("gctl: no job array 999\n"), run.stderr());
    assertTrue(run.stderr().contains("gctl: hint: "), run.stderr());
  }

  @Test
  void setLimit_usageErrors_exit2() {
    assertEquals(2, run("set-limit", "3").exitCode(), "no target");
    assertEquals(2, run("set-limit", "--group", "a", "--array", "4", "3").exitCode(), "both");
    GctlRunner.Run negative = run("set-limit", "--group", "lab", "-1");
    assertEquals(2, negative.exitCode());
    GctlRunner.Run word = run("set-limit", "--group", "lab", "many");
    assertEquals(2, word.exitCode());
    assertTrue(word.stderr().contains("'many'"), word.stderr());
  }

  @Test
  void quota_setListRemove() throws Exception {
    String user = me();
    assertEquals(
        "default quota: max running 4, max GPUs no limit, max queued no limit\n",
        ok("quota", "set", "default", "--max-running", "4").stdout());
    assertEquals(
        "quota of " + user + ": max running 4 (default), max GPUs 1, max queued 10\n",
        ok("quota", "set", user, "--max-gpus", "1", "--max-queued", "10").stdout());
    String list = ok("quota", "list").stdout();
    assertTrue(list.startsWith("USER"), list);
    assertTrue(list.contains(user + "  "), list);
    LimitsResult json = LimitsResult.fromJson(Json.parse(ok("quota", "list", "--json").stdout()));
    assertEquals(new Quota(null, 1, 10), json.userQuotas().get(user));

    GctlRunner.Run removed = ok("quota", "remove", user);

    assertTrue(
        removed.stdout().startsWith("gflowd: quota of " + user + " removed"), removed.stdout());
    GctlRunner.Run again = run("quota", "remove", user);
    assertEquals(4, again.exitCode());
    assertTrue(again.stderr().contains(user + " has no quota"), again.stderr());
  }

  @Test
  void quota_unknownUser_exit4NamesUser() {
    GctlRunner.Run run = run("quota", "set", "no-such-user-x", "--max-running", "1");
    assertEquals(4, run.exitCode());
    assertTrue(run.stderr().startsWith("gctl: no user no-such-user-x on this host"), run.stderr());
  }

  @Test
  void quota_noSubcommand_exit2() {
    assertEquals(2, gctl("quota").exitCode());
  }

  @Test
  void drain_submitNotesDrainingThenResume() throws Exception {
    GctlRunner.Run drained = ok("drain");
    assertTrue(drained.stdout().startsWith("gflowd: draining: no job starts"), drained.stdout());
    JsonObject status = (JsonObject) Json.parse(ok("status", "--json").stdout().trim());
    assertEquals(JsonBoolean.TRUE, status.get("draining"));

    CliRunner.Run submitted = gbatch("true");

    assertEquals(0, submitted.exitCode(), submitted.both());
    assertTrue(submitted.stdout().startsWith("Submitted job "), submitted.both());
    String id = submitted.stdout().trim().substring("Submitted job ".length());
    assertEquals(
        "gbatch: note: the daemon is draining; job "
            + id
            + " will wait until an admin runs gctl resume\n",
        submitted.stderr());
    DrainResult resumed = DrainResult.fromJson(Json.parse(ok("resume", "--json").stdout()));
    assertEquals(false, resumed.draining());
    assertTrue(ok("resume").stdout().startsWith("gflowd: resumed"));
  }

  @Test
  void gbatch_overMaxQueued_exit75NamesQuotaAndWayOut() throws Exception {
    String user = me();
    ok("quota", "set", user, "--max-queued", "1");
    ok("drain");
    assertEquals(0, gbatch("true").exitCode());

    CliRunner.Run refused = gbatch("true");

    assertEquals(75, refused.exitCode(), refused.both());
    assertTrue(
        refused.stderr().startsWith("gbatch: too many queued jobs: " + user + " has 1 queued"),
        refused.both());
    assertTrue(refused.stderr().contains("max_queued is 1"), refused.both());
    assertTrue(refused.stderr().contains("gbatch: hint: "), refused.both());
    assertTrue(refused.stderr().contains("gctl quota list"), refused.both());
  }
}
