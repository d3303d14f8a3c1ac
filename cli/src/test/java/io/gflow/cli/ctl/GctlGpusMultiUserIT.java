package io.gflow.cli.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.AsUser;
import io.gflow.daemon.DaemonExtension;
import io.gflow.daemon.FakeNvidiaSmi;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * gctl set-gpus as real other users (root + setpriv): admins may, operators and plain users get
 * FORBIDDEN (exit 77) with nothing changed and one audit line; everyone may look.
 */
@Timeout(180)
class GctlGpusMultiUserIT {
  private final FakeNvidiaSmi smi = FakeNvidiaSmi.withGpus(4);

  @RegisterExtension
  final DaemonExtension daemon =
      DaemonExtension.withConfig(
          "admin_groups = [\""
              + AsUser.ADMIN_GROUP
              + "\"]\noperator_users = [\""
              + AsUser.OPERATOR
              + "\"]\n"
              + smi.schedulerConfig("30s"));

  @BeforeAll
  static void accounts() throws Exception {
    AsUser.ensureAccountsIfRoot();
  }

  @BeforeEach
  void needsRoot() {
    AsUser.assumeRoot();
  }

  @AfterEach
  void removeFake() throws Exception {
    smi.close();
  }

  private AsUser.Result gctlAs(String user, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--socket", daemon.socket().toString()));
    return AsUser.asUser(user, AsUser.java(GctlCommand.class.getName(), all));
  }

  private String showGpus() {
    GctlRunner.Run run = GctlRunner.gctl("show-gpus", "--socket", daemon.socket().toString());
    assertEquals(0, run.exitCode(), run.stderr());
    return run.stdout();
  }

  private int auditLines() throws Exception {
    return Files.readAllLines(daemon.auditLog()).size();
  }

  @Test
  void setGpus_admin_allowedAndAudited() throws Exception {
    int before = auditLines();

    AsUser.Result result = gctlAs(AsUser.ALICE, "set-gpus", "0,2");

    assertEquals(0, result.exitCode(), result.stderr());
    assertTrue(showGpus().contains("not allowed (gctl set-gpus)"), showGpus());
    List<String> lines = Files.readAllLines(daemon.auditLog());
    assertEquals(before + 1, lines.size(), lines.toString());
    String last = lines.get(lines.size() - 1);
    assertTrue(last.contains("admin.setGpus") && last.contains("\"ok\""), last);
  }

  @Test
  void setGpus_operatorAndUser_forbiddenNothingChangedOneAuditLineEach() throws Exception {
    String table = showGpus();
    for (String user : List.of(AsUser.OPERATOR, AsUser.BOB)) {
      int before = auditLines();

      AsUser.Result result = gctlAs(user, "set-gpus", "0");

      assertEquals(77, result.exitCode(), user + ": " + result.stderr());
      assertTrue(
          result
              .stderr()
              .startsWith(
                  "gctl: permission denied: admin.setGpus is for gflow admins only (you are "
                      + user),
          result.stderr());
      assertEquals(table, showGpus(), "nothing changed");
      List<String> lines = Files.readAllLines(daemon.auditLog());
      assertEquals(before + 1, lines.size(), lines.toString());
      String last = lines.get(lines.size() - 1);
      assertTrue(last.contains("admin.setGpus") && last.contains("\"denied\""), last);
    }
  }

  @Test
  void showGpus_plainUser_allowed() throws Exception {
    AsUser.Result result = gctlAs(AsUser.BOB, "show-gpus");

    assertEquals(0, result.exitCode(), result.stderr());
    assertTrue(result.stdout().startsWith("INDEX"), result.stdout());
  }
}
