package io.gflow.cli.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.AsUser;
import io.gflow.daemon.DaemonExtension;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * gctl audit, debug-state, metrics, reload and shutdown run by real other uids: an operator and a
 * plain user get exit 77 with the documented message, one audit line each, and the daemon keeps
 * running; an admin-group member gets the output.
 */
@Timeout(300)
class GctlAdminMultiUserIT {
  private static final List<String> COMMANDS =
      List.of("audit", "debug-state", "metrics", "reload", "shutdown");
  private static final List<String> METHODS =
      List.of("admin.audit", "debug.state", "debug.metrics", "admin.reload", "admin.shutdown");

  @RegisterExtension final DaemonExtension daemon = DaemonExtension.withConfig(AsUser.ROLES_CONFIG);

  @BeforeAll
  static void accounts() throws Exception {
    AsUser.ensureAccountsIfRoot();
  }

  @BeforeEach
  void needsRoot() {
    AsUser.assumeRoot();
  }

  private AsUser.Result gctlAs(String user, String command) throws Exception {
    return AsUser.asUser(
        user,
        AsUser.java(
            GctlCommand.class.getName(), List.of(command, "--socket", daemon.socket().toString())));
  }

  @Test
  void adminCommands_operatorAndUser_exit77OneAuditLineDaemonRuns() throws Exception {
    for (String user : List.of(AsUser.OPERATOR, AsUser.BOB)) {
      for (int index = 0; index < COMMANDS.size(); index++) {
        int before = Files.readAllLines(daemon.auditLog()).size();
        AsUser.Result result = gctlAs(user, COMMANDS.get(index));
        assertEquals(77, result.exitCode(), COMMANDS.get(index) + ": " + result.stderr());
        assertEquals("", result.stdout());
        assertTrue(
            result
                .stderr()
                .startsWith(
                    "gctl: permission denied: "
                        + METHODS.get(index)
                        + " is for gflow admins only (you are "
                        + user
                        + ", uid "
                        + AsUser.uidOf(user)
                        + ")\n"),
            result.stderr());
        List<String> lines = Files.readAllLines(daemon.auditLog());
        assertEquals(before + 1, lines.size(), lines.toString());
        assertTrue(lines.get(lines.size() - 1).contains("\"outcome\":\"denied\""));
      }
    }
    assertEquals(0, GctlRunner.gctl("ping", "--socket", daemon.socket().toString()).exitCode());
  }

  @Test
  void adminCommands_adminGroupMember_succeed() throws Exception {
    AsUser.Result state = gctlAs(AsUser.ALICE, "debug-state");
    assertEquals(0, state.exitCode(), state.stderr());
    assertTrue(state.stdout().contains("\"scheduler\": {"), state.stdout());
    AsUser.Result audit = gctlAs(AsUser.ALICE, "audit");
    assertEquals(0, audit.exitCode(), audit.stderr());
    assertTrue(audit.stdout().startsWith("TIME "), audit.stdout());
    assertTrue(audit.stdout().contains("debug.state"), audit.stdout());
    AsUser.Result metrics = gctlAs(AsUser.ALICE, "metrics");
    assertEquals(0, metrics.exitCode(), metrics.stderr());
    assertTrue(
        metrics.stdout().contains("gflow_requests_total{method=\"admin.audit\",outcome=\"ok\"} 1"),
        metrics.stdout());
  }
}
