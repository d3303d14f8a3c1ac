package io.gflow.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.protocol.Methods;
import io.gflow.protocol.client.ProcessIdentity;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.client.ServerTrust;
import io.gflow.protocol.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code gflowd run} as a real process: signals, config checks, exit codes. */
@Timeout(90)
class GflowdProcessIT {
  private Path root;
  private Path socket;
  private Path config;
  private Path log;

  @BeforeEach
  void createRoot() throws IOException {
    root = Files.createTempDirectory(Path.of("/tmp"), "gfp");
    socket = root.resolve("gflowd.sock");
    config = root.resolve("gflowd.toml");
    log = root.resolve("daemon.log");
    Files.writeString(config, "private_data = true\n");
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
  }

  @AfterEach
  void deleteRoot() throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private List<String> gflowd(String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--socket",
            socket.toString(),
            "--state-dir",
            root.resolve("state").toString(),
            "--config",
            config.toString()));
    return AsUser.java(DaemonMain.class.getName(), all);
  }

  private Process startDaemon() throws Exception {
    Process process =
        new ProcessBuilder(gflowd("run"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try (RpcClient client =
          RpcClient.connect(socket, ServerTrust.of(ProcessIdentity.uid(), null))) {
        assertEquals(JsonObject.EMPTY, client.call(Methods.DAEMON_PING, null));
        return process;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline || !process.isAlive()) {
          process.destroyForcibly();
          throw new AssertionError("daemon did not start: " + Files.readString(log), notYet);
        }
        Thread.sleep(50);
      }
    }
  }

  private String awaitLog(String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      String content = Files.readString(log);
      if (content.contains(text)) {
        return content;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("log never said '" + text + "': " + Files.readString(log));
  }

  @Test
  void sigterm_stopsCleanlyWithExit0AndRemovesSocket() throws Exception {
    Process daemon = startDaemon();
    daemon.destroy(); // SIGTERM
    assertTrue(daemon.waitFor(20, TimeUnit.SECONDS), "daemon exits on SIGTERM");
    assertEquals(0, daemon.exitValue(), Files.readString(log));
    assertFalse(Files.exists(socket), "socket removed");
    assertTrue(Files.exists(Path.of(socket + ".lock")), "lock file stays (it is reused)");
  }

  @Test
  void start_loadsSqlitesLibraryFromOneKeptCopy_andTheNextStartReusesIt() throws Exception {
    Path nativeDir = root.resolve("state").resolve("native");
    Process first = startDaemon();
    List<Path> kept;
    try (Stream<Path> files = Files.list(nativeDir)) {
      kept = files.filter(file -> file.getFileName().toString().startsWith("sqlite-")).toList();
    }
    assertEquals(1, kept.size(), kept.toString());
    String maps = Files.readString(Path.of("/proc/" + first.pid() + "/maps"));
    assertTrue(maps.contains(kept.get(0).toString()), "library mapped from the kept copy");
    Object identity = Files.readAttributes(kept.get(0), BasicFileAttributes.class).fileKey();
    first.destroy();
    assertTrue(first.waitFor(20, TimeUnit.SECONDS));

    Process second = startDaemon();
    try {
      assertEquals(
          identity, Files.readAttributes(kept.get(0), BasicFileAttributes.class).fileKey());
      maps = Files.readString(Path.of("/proc/" + second.pid() + "/maps"));
      assertTrue(maps.contains(kept.get(0).toString()), "second start maps the same copy");
    } finally {
      second.destroy();
      second.waitFor(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void sighup_badConfig_refusedAndDaemonKeepsServing() throws Exception {
    Process daemon = startDaemon();
    try {
      Files.writeString(config, "private_data = 7\n");
      AsUser.run(List.of("kill", "-HUP", Long.toString(daemon.pid())));
      String content = awaitLog("SIGHUP reload refused");
      assertTrue(content.contains("private_data"), content);
      Files.writeString(config, "private_data = false\n");
      AsUser.run(List.of("kill", "-HUP", Long.toString(daemon.pid())));
      awaitLog("config reloaded from " + config);
      assertTrue(daemon.isAlive());
    } finally {
      daemon.destroy();
      daemon.waitFor(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void checkConfig_goodFile_exit0() throws Exception {
    AsUser.Result result = AsUser.run(gflowd("run", "--check-config"));
    assertEquals(0, result.exitCode(), result.stderr());
    assertTrue(result.stdout().contains("config OK: " + config), result.stdout());
    assertFalse(Files.exists(socket), "--check-config does not start a daemon");
  }

  @Test
  void checkConfig_unknownKey_exit2NamesKeyAndLine() throws Exception {
    Files.writeString(config, "private_data = true\n\n[limits]\nmax_conections = 3\n");
    AsUser.Result result = AsUser.run(gflowd("run", "--check-config"));
    assertEquals(2, result.exitCode());
    assertTrue(result.stderr().startsWith("gflowd: "), result.stderr());
    assertTrue(result.stderr().contains("max_conections"), result.stderr());
    assertTrue(result.stderr().contains(":4"), result.stderr());
  }

  @Test
  void run_socketPathTooLong_exit1WithClearError() throws Exception {
    socket = root.resolve("x".repeat(120) + ".sock");
    AsUser.Result result = AsUser.run(gflowd("run"));
    assertEquals(1, result.exitCode());
    assertTrue(result.stderr().contains("use a shorter --socket"), result.stderr());
  }

  @Test
  void startStatusStop_personalDaemonLifecycle() throws Exception {
    AsUser.Result started = AsUser.run(gflowd("start"));
    assertEquals(0, started.exitCode(), started.stderr());
    assertTrue(started.stdout().startsWith("gflowd: started (pid "), started.stdout());
    AsUser.Result again = AsUser.run(gflowd("start"));
    assertTrue(again.stdout().contains("already running"), again.stdout());
    AsUser.Result status = AsUser.run(gflowd("status"));
    assertEquals(0, status.exitCode(), status.stderr());
    assertTrue(status.stdout().contains("running: pid"), status.stdout());
    AsUser.Result stopped = AsUser.run(gflowd("stop"));
    assertEquals(0, stopped.exitCode(), stopped.stderr());
    assertFalse(Files.exists(socket));
    AsUser.Result after = AsUser.run(gflowd("status"));
    assertEquals(3, after.exitCode());
    assertTrue(
        after.stderr().startsWith("gflowd: not running: cannot reach gflowd at"), after.stderr());
  }
}
