package io.gflow.cli.ctl;

import static io.gflow.cli.ctl.GctlRunner.gctl;
import static io.gflow.cli.ctl.GctlRunner.withSocket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.DaemonExtension;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** gctl against a real daemon: output, --json, exit codes, messages. */
@Timeout(60)
class GctlIT {
  @RegisterExtension
  final DaemonExtension daemon = DaemonExtension.withConfig("private_data = true\n");

  private String socket() {
    return daemon.socket().toString();
  }

  @Test
  void whoami_daemonOwner_isAdmin() {
    GctlRunner.Run run = gctl(withSocket(socket(), "whoami"));
    assertEquals(0, run.exitCode(), run.stderr());
    assertTrue(run.stdout().contains("role=admin"), run.stdout());
    assertEquals("", run.stderr());
  }

  @Test
  void whoami_json_isOneWireDocument() throws Exception {
    GctlRunner.Run run = gctl(withSocket(socket(), "whoami", "--json"));
    assertEquals(0, run.exitCode(), run.stderr());
    JsonObject result = (JsonObject) Json.parse(run.stdout().trim());
    assertEquals("admin", result.stringOrNull("role"));
    assertTrue(result.has("uid") && result.has("gid") && result.has("groups") && result.has("pid"));
  }

  @Test
  void ping_runningDaemon_ok() {
    GctlRunner.Run run = gctl(withSocket(socket(), "ping"));
    assertEquals(0, run.exitCode(), run.stderr());
    assertTrue(run.stdout().startsWith("gflowd: ok"), run.stdout());
  }

  @Test
  void status_runningDaemon_showsPidModeSocket() {
    GctlRunner.Run run = gctl(withSocket(socket(), "status"));
    assertEquals(0, run.exitCode(), run.stderr());
    assertTrue(
        run.stdout().contains("running: pid " + ProcessHandle.current().pid()), run.stdout());
    assertTrue(run.stdout().contains("mode personal"), run.stdout());
    assertTrue(run.stdout().contains(socket()), run.stdout());
  }

  @Test
  void status_json_hasVersionAndCounts() throws Exception {
    GctlRunner.Run run = gctl(withSocket(socket(), "status", "--json"));
    JsonObject info = (JsonObject) Json.parse(run.stdout().trim());
    assertEquals("personal", info.stringOrNull("mode"));
    assertTrue(((JsonObject) info.get("counts")).has("connections"));
  }

  @Test
  void reload_goodFile_reportsFile() {
    GctlRunner.Run run = gctl(withSocket(socket(), "reload"));
    assertEquals(0, run.exitCode(), run.stderr());
    assertTrue(run.stdout().contains(daemon.configFile().toString()), run.stdout());
  }

  @Test
  void reload_startOnlyKeyChanged_appliesTheRestAndNamesWhatNeedsARestart() throws Exception {
    Files.writeString(daemon.configFile(), "private_data = false\n[scheduler]\nslots = 7\n");
    GctlRunner.Run run = gctl(withSocket(socket(), "reload"));
    assertEquals(0, run.exitCode(), run.stderr());
    assertTrue(
        run.stdout()
            .contains(
                "gflowd: changed, but applied only when the daemon restarts: scheduler.slots"),
        run.stdout());
    assertFalse(run.stdout().contains("private_data"), run.stdout());

    GctlRunner.Run json = gctl(withSocket(socket(), "reload", "--json"));
    JsonObject result = (JsonObject) Json.parse(json.stdout().trim());
    assertEquals(JsonArray.ofStrings(List.of("scheduler.slots")), result.get("restart_required"));
  }

  @Test
  void reload_unchangedFile_namesNothingToRestart() {
    GctlRunner.Run run = gctl(withSocket(socket(), "reload"));
    assertEquals(0, run.exitCode(), run.stderr());
    assertFalse(run.stdout().contains("restart"), run.stdout());
  }

  @Test
  void reload_badFile_refusedExit2AndOldConfigStays() throws Exception {
    Files.writeString(daemon.configFile(), "private_data = true\nno_such_key = 1\n");
    GctlRunner.Run run = gctl(withSocket(socket(), "reload"));
    assertEquals(2, run.exitCode());
    assertTrue(run.stderr().startsWith("gctl: config refused"), run.stderr());
    assertTrue(run.stderr().contains("no_such_key"), run.stderr());
    assertTrue(run.stderr().contains(":2"), "names the line: " + run.stderr());
    assertEquals(0, gctl(withSocket(socket(), "ping")).exitCode());
  }

  @Test
  void shutdown_admin_stopsDaemonAndRemovesSocket() throws Exception {
    GctlRunner.Run run = gctl(withSocket(socket(), "shutdown"));
    assertEquals(0, run.exitCode(), run.stderr());
    assertTrue(daemon.daemon().awaitStopped(10, TimeUnit.SECONDS));
    assertFalse(Files.exists(daemon.socket()));
  }

  @Test
  void anyCommand_noDaemon_exit3WithHint() throws Exception {
    daemon.stop();
    GctlRunner.Run run = gctl(withSocket(socket(), "whoami"));
    assertEquals(3, run.exitCode());
    assertEquals(
        "gctl: cannot reach gflowd at "
            + socket()
            + ": no such file (is the daemon running? try: gflowd start)\n",
        run.stderr());
    daemon.start();
  }

  @Test
  void usage_unknownOption_exit2() {
    GctlRunner.Run run = gctl("whoami", "--bogus");
    assertEquals(2, run.exitCode());
    assertTrue(run.stderr().contains("--bogus"), run.stderr());
  }

  @Test
  void version_printsGflowVersion() {
    GctlRunner.Run run = gctl("--version");
    assertEquals(0, run.exitCode());
    assertTrue(run.stdout().startsWith("gflow "), run.stdout());
  }
}
