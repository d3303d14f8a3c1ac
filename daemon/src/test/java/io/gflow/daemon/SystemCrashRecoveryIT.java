package io.gflow.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.protocol.client.ProcessIdentity;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.client.ServerTrust;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code kill -9} of a real {@code gflowd run} process: every acknowledged submission survives, ids
 * are never reused, and a job that was running ends with its real exit code after restart.
 */
@Timeout(180)
class SystemCrashRecoveryIT {
  private Path root;
  private Path socket;
  private Process daemon;

  @BeforeEach
  void createRoot() throws IOException {
    root = Files.createTempDirectory(Path.of("/tmp"), "gfc");
    socket = root.resolve("gflowd.sock");
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (daemon != null) {
      daemon.toHandle().destroyForcibly();
      daemon.waitFor(10, TimeUnit.SECONDS);
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private void startDaemon(String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--socket",
                socket.toString(),
                "--state-dir",
                root.resolve("state").toString()));
    args.addAll(List.of(extra));
    List<String> command = AsUser.java(DaemonMain.class.getName(), args);
    daemon =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("daemon.log").toFile()))
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try (RpcClient client = client()) {
        client.call("daemon.ping", null);
        return;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline || !daemon.isAlive()) {
          throw new AssertionError(
              "daemon did not start: " + Files.readString(root.resolve("daemon.log")), notYet);
        }
        Thread.sleep(50);
      }
    }
  }

  private void killDaemon() throws Exception {
    daemon.toHandle().destroyForcibly(); // SIGKILL
    assertTrue(daemon.waitFor(10, TimeUnit.SECONDS));
    daemon = null;
  }

  private RpcClient client() throws IOException {
    return RpcClient.connect(socket, ServerTrust.of(ProcessIdentity.uid(), null));
  }

  private JsonValue call(String method, String params) throws Exception {
    try (RpcClient client = client()) {
      return client.call(method, (JsonObject) Json.parse(params));
    }
  }

  private String submitParams(String argv, String extra) {
    return "{\"command\":"
        + argv
        + ",\"cwd\":\"/tmp\",\"env\":{\"PATH\":\"/usr/bin:/bin\"},\"output\":\""
        + root
        + "/%j.out\""
        + extra
        + "}";
  }

  private static long firstId(JsonValue result) {
    return ((JsonNumber) ((JsonArray) ((JsonObject) result).get("ids")).elements().get(0))
        .exactLong()
        .getAsLong();
  }

  private JsonObject job(long id) throws Exception {
    return (JsonObject) call("job.get", "{\"id\":" + id + "}");
  }

  @Test
  void kill9OfSystemDaemon_usersJobsFinishWithRealExitCodesUnderTheirOwners() throws Exception {
    AsUser.assumeRoot();
    AsUser.ensureAccounts();
    Files.setPosixFilePermissions(
        root, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.setAttribute(root, "unix:mode", 01777);
    Path config = root.resolve("gflowd.toml");
    Files.writeString(config, "private_data = true\n");
    // The socket's own dir must not be writable by others: serve from a 0755 subdir.
    Path socketDir = root.resolve("run");
    Files.createDirectory(socketDir);
    Files.setPosixFilePermissions(
        socketDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    socket = socketDir.resolve("gflowd.sock");
    startDaemon("--system", "--config", config.toString());
    long alices = submitAs(AsUser.ALICE, "sleep 3; exit 4");
    long bobs = submitAs(AsUser.BOB, "sleep 3; exit 6");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!"RUNNING".equals(job(alices).stringOrNull("state"))
        || !"RUNNING".equals(job(bobs).stringOrNull("state"))) {
      assertTrue(System.nanoTime() < deadline, "jobs did not start");
      Thread.sleep(20);
    }
    killDaemon();
    startDaemon("--system", "--config", config.toString());
    JsonObject waited =
        (JsonObject)
            call("job.wait", "{\"ids\":[" + alices + "," + bobs + "],\"timeout_ms\":30000}");
    JsonObject alice = (JsonObject) ((JsonArray) waited.get("jobs")).elements().get(0);
    JsonObject bob = (JsonObject) ((JsonArray) waited.get("jobs")).elements().get(1);
    assertEquals(JsonNumber.of(4), alice.get("exit_code"), alice.toString());
    assertEquals(AsUser.ALICE, alice.stringOrNull("user"));
    assertEquals(JsonNumber.of(6), bob.get("exit_code"), bob.toString());
    assertEquals(AsUser.BOB, bob.stringOrNull("user"));
  }

  private long submitAs(String user, String shell) throws Exception {
    String params =
        "{\"command\":[\"sh\",\"-c\",\""
            + shell
            + "\"],\"cwd\":\"/tmp\",\"env\":{\"PATH\":\"/usr/bin:/bin\"},\"output\":\""
            + root
            + "/%j.out\"}";
    return AsUser.firstSubmittedId(AsUser.rpcAs(user, socket, "job.submit", params));
  }
}
