package io.gflow.cli.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.AsUser;
import io.gflow.daemon.DaemonExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** gctl run as real other users (root + setpriv): denials, and refusing a foreign server. */
@Timeout(120)
class GctlMultiUserIT {
  @RegisterExtension
  final DaemonExtension daemon =
      DaemonExtension.withConfig("admin_groups = [\"" + AsUser.ADMIN_GROUP + "\"]\n");

  @BeforeAll
  static void accounts() throws Exception {
    AsUser.ensureAccountsIfRoot();
  }

  @BeforeEach
  void needsRoot() {
    AsUser.assumeRoot();
  }

  private static List<String> gctl(String... args) throws Exception {
    return AsUser.java(GctlCommand.class.getName(), List.of(args));
  }

  @Test
  void shutdown_plainUser_exit77NamesCallerAndDaemonKeepsRunning() throws Exception {
    AsUser.Result result =
        AsUser.asUser(AsUser.BOB, gctl("shutdown", "--socket", daemon.socket().toString()));
    assertEquals(77, result.exitCode(), result.stderr());
    assertTrue(
        result
            .stderr()
            .startsWith(
                "gctl: permission denied: admin.shutdown is for gflow admins only (you are "
                    + AsUser.BOB
                    + ", uid "
                    + AsUser.uidOf(AsUser.BOB)
                    + ")\n"),
        result.stderr());
    assertTrue(result.stderr().contains("gctl: hint: "), result.stderr());
    assertEquals(0, GctlRunner.gctl("ping", "--socket", daemon.socket().toString()).exitCode());
  }

  @Test
  void whoami_adminGroupMember_printsAdminRole() throws Exception {
    AsUser.Result result =
        AsUser.asUser(AsUser.ALICE, gctl("whoami", "--socket", daemon.socket().toString()));
    assertEquals(0, result.exitCode(), result.stderr());
    assertTrue(result.stdout().startsWith(AsUser.ALICE + " uid="), result.stdout());
    assertTrue(result.stdout().trim().endsWith("role=admin"), result.stdout());
  }

  @Test
  void anyCommand_serverRunsAsAnotherUser_refusedExit3() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "gfm");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path socket = dir.resolve("fake.sock");
    List<String> server =
        new ArrayList<>(AsUser.java(FakeServer.class.getName(), List.of(socket.toString())));
    List<String> command =
        new ArrayList<>(
            List.of(
                "setpriv", "--reuid", AsUser.BOB, "--regid", AsUser.BOB, "--clear-groups", "--"));
    command.addAll(server);
    Process fake = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!Files.exists(socket) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      // bind() creates the file before listen(): retry while the impostor is not listening yet.
      GctlRunner.Run refused = GctlRunner.gctl("ping", "--socket", socket.toString());
      while (refused.stderr().contains("connection refused") && System.nanoTime() < deadline) {
        Thread.sleep(20);
        refused = GctlRunner.gctl("ping", "--socket", socket.toString());
      }
      assertEquals(3, refused.exitCode(), refused.stderr());
      assertTrue(
          refused.stderr().startsWith("gctl: refusing to talk to " + socket + ": it is served by "),
          refused.stderr());
      assertTrue(refused.stderr().contains(AsUser.BOB), refused.stderr());
    } finally {
      fake.destroyForcibly();
      fake.waitFor(10, TimeUnit.SECONDS);
      Files.deleteIfExists(socket);
      Files.deleteIfExists(dir);
    }
  }
}
