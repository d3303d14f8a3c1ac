package io.gflow.cli.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.AsUser;
import io.gflow.daemon.DaemonExtension;
import io.gflow.protocol.admin.LimitsResult;
import io.gflow.protocol.json.Json;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * gctl's limit commands run as real other users (root + setpriv): a plain user is refused with exit
 * 77 and nothing changes, an operator may drain and resume but not set limits, an admin may.
 */
@Timeout(180)
class GctlLimitsMultiUserIT {
  @RegisterExtension final DaemonExtension daemon = DaemonExtension.withConfig(AsUser.ROLES_CONFIG);

  @BeforeAll
  static void accounts() throws Exception {
    AsUser.ensureAccountsIfRoot();
  }

  @BeforeEach
  void needsRoot() {
    AsUser.assumeRoot();
  }

  private AsUser.Result gctlAs(String user, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--socket");
    all.add(daemon.socket().toString());
    return AsUser.asUser(user, AsUser.java(GctlCommand.class.getName(), all));
  }

  private LimitsResult limits() throws Exception {
    GctlRunner.Run run =
        GctlRunner.gctl("quota", "list", "--json", "--socket", daemon.socket().toString());
    assertEquals(0, run.exitCode(), run.stderr());
    return LimitsResult.fromJson(Json.parse(run.stdout()));
  }

  @Test
  void plainUser_setLimitAndDrain_exit77NamesCallerNothingChanged() throws Exception {
    int auditBefore = Files.readAllLines(daemon.auditLog()).size();

    AsUser.Result limit = gctlAs(AsUser.BOB, "set-limit", "--group", "lab", "1");
    AsUser.Result drain = gctlAs(AsUser.BOB, "drain");

    assertEquals(77, limit.exitCode(), limit.stderr());
    assertTrue(
        limit
            .stderr()
            .startsWith(
                "gctl: permission denied: admin.setGroupLimit is for gflow admins only (you are "
                    + AsUser.BOB),
        limit.stderr());
    assertEquals(77, drain.exitCode(), drain.stderr());
    assertTrue(drain.stderr().contains("admin.drain is for gflow operators only"), drain.stderr());
    assertEquals(auditBefore + 2, Files.readAllLines(daemon.auditLog()).size());
    assertEquals(LimitsResult.NONE, limits());
  }

  @Test
  void operator_drainResumeAllowedQuotaRefused() throws Exception {
    AsUser.Result drain = gctlAs(AsUser.OPERATOR, "drain");
    assertEquals(0, drain.exitCode(), drain.stderr());
    assertTrue(drain.stdout().startsWith("gflowd: draining"), drain.stdout());
    assertTrue(limits().draining());

    AsUser.Result quota = gctlAs(AsUser.OPERATOR, "quota", "set", "default", "--max-running", "1");
    assertEquals(77, quota.exitCode(), quota.stderr());

    AsUser.Result resume = gctlAs(AsUser.OPERATOR, "resume");
    assertEquals(0, resume.exitCode(), resume.stderr());
    assertEquals(LimitsResult.NONE, limits());
  }

  @Test
  void admin_quotaSetForAnotherUser_listedByName() throws Exception {
    AsUser.Result set = gctlAs(AsUser.ALICE, "quota", "set", AsUser.BOB, "--max-running", "2");
    assertEquals(0, set.exitCode(), set.stderr());
    assertEquals(
        "quota of " + AsUser.BOB + ": max running 2, max GPUs no limit, max queued no limit\n",
        set.stdout());
    assertEquals(2, limits().userQuotas().get(AsUser.BOB).maxRunning());
  }
}
