package io.gflow.cli.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.cli.CliRunner;
import io.gflow.cli.ctl.GctlCommand;
import io.gflow.daemon.AsUser;
import io.gflow.daemon.DaemonExtension;
import io.gflow.daemon.DaemonMain;
import io.gflow.protocol.Methods;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.control.InfoResult;
import io.gflow.protocol.json.JsonObject;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * gctl doctor where other real uids are involved (root + setpriv): a socket dir owned by another
 * user, a daemon served by an untrusted uid, a caller shut out of the socket dir, a plain user.
 */
@Timeout(180)
class DoctorMultiUserIT {
  @RegisterExtension final DaemonExtension daemon = DaemonExtension.withDefaults();

  @BeforeAll
  static void accounts() throws Exception {
    AsUser.ensureAccountsIfRoot();
  }

  @BeforeEach
  void needsRoot() throws IOException {
    AsUser.assumeRoot();
    Path config = daemon.root().resolve("doctor.toml");
    Files.writeString(config, "");
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
  }

  private List<String> args(Path socket) {
    return List.of(
        "doctor",
        "--socket",
        socket.toString(),
        "--state-dir",
        daemon.stateDir().toString(),
        "--config",
        daemon.root().resolve("doctor.toml").toString(),
        "--gflowd",
        "/nonexistent/gflowd",
        "--nvidia-smi",
        "/nonexistent/nvidia-smi",
        "--timeout",
        "60");
  }

  @Test
  void doctor_socketDirOwnedByAnotherUid_failsWithChown() throws Exception {
    Path dir = daemon.socket().getParent();
    long bob = AsUser.uidOf(AsUser.BOB);
    Files.setAttribute(dir, "unix:uid", (int) bob);
    CliRunner.Run run = CliRunner.exec(new GctlCommand(), args(daemon.socket()));
    assertEquals(1, run.exitCode(), run.both());
    assertTrue(
        run.stdout()
            .contains(
                "FAIL socket dir "
                    + dir
                    + ": is owned by uid "
                    + bob
                    + ", not by root\n     fix: chown root "
                    + dir
                    + " (or use another --socket)\n"),
        run.both());
  }

  @Test
  void doctor_daemonRunsAsUntrustedUid_failsServerUid() throws Exception {
    long bob = AsUser.uidOf(AsUser.BOB);
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "gfdr");
    Process foreign = null;
    try {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.setAttribute(dir, "unix:uid", (int) bob);
      Path config = dir.resolve("gflowd.toml");
      Files.writeString(config, "");
      Files.setAttribute(config, "unix:uid", (int) bob);
      Path socket = dir.resolve("gflowd.sock");
      List<String> command =
          new ArrayList<>(
              List.of(
                  "setpriv", "--reuid", AsUser.BOB, "--regid", AsUser.BOB, "--clear-groups", "--"));
      command.addAll(
          AsUser.java(
              DaemonMain.class.getName(),
              List.of(
                  "run",
                  "--socket",
                  socket.toString(),
                  "--state-dir",
                  dir.resolve("state").toString(),
                  "--config",
                  config.toString())));
      foreign =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("daemon.log").toFile())
              .start();
      awaitListening(socket, foreign);
      CliRunner.Run run = CliRunner.exec(new GctlCommand(), args(socket));
      assertEquals(1, run.exitCode(), run.both());
      assertTrue(
          run.stdout()
              .contains(
                  "FAIL server uid "
                      + socket
                      + ": refusing to talk to "
                      + socket
                      + ": it is served by uid "
                      + bob
                      + " ("
                      + AsUser.BOB
                      + "), not root\n"
                      + "     fix: if that user really runs gflowd, set GFLOW_SERVER_USER to it;"),
          run.both());
    } finally {
      if (foreign != null) {
        foreign.destroy();
        if (!foreign.waitFor(20, TimeUnit.SECONDS)) {
          foreign.destroyForcibly();
          foreign.waitFor(10, TimeUnit.SECONDS);
        }
      }
      deleteTree(dir);
    }
  }

  @Test
  void doctor_callerShutOutOfSocketDir_failsSocketAccess() throws Exception {
    Path dir = daemon.socket().getParent();
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-x---"));
    AsUser.Result run =
        AsUser.asUser(AsUser.BOB, AsUser.java(GctlCommand.class.getName(), args(daemon.socket())));
    assertEquals(1, run.exitCode(), run.stdout() + run.stderr());
    assertTrue(
        run.stdout()
            .contains(
                "FAIL socket access "
                    + dir
                    + ": mode 0750, owner uid 0, group root: you (uid "
                    + AsUser.uidOf(AsUser.BOB)
                    + ") may not enter it, so you cannot reach the socket\n"
                    + "     fix: ask an admin to add you to group root (then log in again), or to"
                    + " make "
                    + dir
                    + " 0755 to let everyone in\n"),
        run.stdout());
  }

  @Test
  void doctor_plainUser_reportsRoleUserAndPasses() throws Exception {
    AsUser.Result run =
        AsUser.asUser(AsUser.BOB, AsUser.java(GctlCommand.class.getName(), args(daemon.socket())));
    assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
    assertTrue(
        run.stdout()
            .contains(
                "OK   role "
                    + AsUser.BOB
                    + ": you are "
                    + AsUser.BOB
                    + " (uid "
                    + AsUser.uidOf(AsUser.BOB)
                    + "), role user: allowed to connect; admin commands need admin_users or"
                    + " admin_groups"),
        run.stdout());
  }

  @Test
  void doctor_plainUserCannotReadConfig_warnsNotFails() throws Exception {
    Path config = daemon.root().resolve("doctor.toml");
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    AsUser.Result run =
        AsUser.asUser(AsUser.BOB, AsUser.java(GctlCommand.class.getName(), args(daemon.socket())));
    assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
    assertTrue(
        run.stdout()
            .contains(
                "WARN config "
                    + config
                    + ": not validated: you may not read it (the daemon's config is often"
                    + " root-only)\n     fix: run gctl doctor as root or as the daemon's user\n"),
        run.stdout());
  }

  @Test
  void daemonInfo_stateDirForAdminsOnly() throws Exception {
    JsonObject asBob = AsUser.rpcAs(AsUser.BOB, daemon.socket(), Methods.DAEMON_INFO, "{}");
    JsonObject bobsInfo = (JsonObject) asBob.get("result");
    assertTrue(bobsInfo.has("socket"), asBob.toString());
    assertFalse(bobsInfo.has("state_dir"), asBob.toString());
    try (RpcClient root = daemon.client()) {
      InfoResult info = InfoResult.fromJson(root.call(Methods.DAEMON_INFO, null));
      assertEquals(daemon.stateDir().toString(), info.stateDir());
    }
  }

  /** Waits until something accepts connections at {@code socket} (bind comes before listen). */
  private static void awaitListening(Path socket, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("foreign daemon exited " + process.exitValue());
      }
      try {
        SocketChannel.open(UnixDomainSocketAddress.of(socket)).close();
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("foreign daemon never listened at " + socket);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
