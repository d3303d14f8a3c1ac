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
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
class CrashRecoveryIT {
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
  void kill9WhileClientsSubmit_everyAcknowledgedJobSurvivesAndIdsAreNotReused() throws Exception {
    startDaemon();
    List<Long> acknowledged = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> submitters = new ArrayList<>();
    for (int thread = 0; thread < 8; thread++) {
      Thread submitter =
          new Thread(
              () -> {
                try (RpcClient client = client()) {
                  while (!stop.get()) {
                    JsonValue result =
                        client.call(
                            "job.submit",
                            (JsonObject) Json.parse(submitParams("[\"true\"]", ",\"hold\":true")));
                    acknowledged.add(firstId(result));
                  }
                } catch (Exception daemonGone) {
                  // Expected once the daemon is killed.
                }
              });
      submitter.start();
      submitters.add(submitter);
    }
    Thread.sleep(1500);
    killDaemon();
    stop.set(true);
    for (Thread submitter : submitters) {
      submitter.join(10_000);
    }
    assertTrue(acknowledged.size() > 10, "submissions were acknowledged: " + acknowledged.size());
    startDaemon();
    long highest = 0;
    for (long id : List.copyOf(acknowledged)) {
      assertEquals("HELD", job(id).stringOrNull("state"), "job " + id);
      highest = Math.max(highest, id);
    }
    long fresh = firstId(call("job.submit", submitParams("[\"true\"]", ",\"hold\":true")));
    assertTrue(fresh > highest, "new id " + fresh + " after " + highest);
  }

  @Test
  void kill9WhileJobRuns_jobEndsWithItsRealExitCodeAfterRestart() throws Exception {
    startDaemon();
    long stillRunning =
        firstId(call("job.submit", submitParams("[\"sh\",\"-c\",\"sleep 4; exit 7\"]", "")));
    long endsWhileDown =
        firstId(call("job.submit", submitParams("[\"sh\",\"-c\",\"sleep 1; exit 5\"]", "")));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!"RUNNING".equals(job(stillRunning).stringOrNull("state"))
        || !"RUNNING".equals(job(endsWhileDown).stringOrNull("state"))) {
      assertTrue(System.nanoTime() < deadline, "jobs did not start");
      Thread.sleep(20);
    }
    String started = job(stillRunning).stringOrNull("start_time");
    killDaemon();
    Thread.sleep(2000);
    startDaemon();
    JsonObject waited =
        (JsonObject)
            call(
                "job.wait",
                "{\"ids\":[" + stillRunning + "," + endsWhileDown + "],\"timeout_ms\":30000}");
    JsonArray jobs = (JsonArray) waited.get("jobs");
    JsonObject first = (JsonObject) jobs.elements().get(0);
    JsonObject second = (JsonObject) jobs.elements().get(1);
    assertEquals("FAILED", first.stringOrNull("state"), first.toString());
    assertEquals(JsonNumber.of(7), first.get("exit_code"), first.toString());
    assertEquals(started, first.stringOrNull("start_time"));
    assertEquals("FAILED", second.stringOrNull("state"), second.toString());
    assertEquals(JsonNumber.of(5), second.get("exit_code"), second.toString());
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
