package io.gflow.daemon;

import io.gflow.protocol.Methods;
import io.gflow.protocol.client.ProcessIdentity;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.client.ServerTrust;
import io.gflow.protocol.job.JobInfo;
import io.gflow.protocol.job.SubmitResult;
import io.gflow.protocol.job.WaitResult;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A personal {@code gflowd run} as a real child process on a socket and state dir under a short
 * temp dir in {@code /tmp}, which can be started again on the same paths after a {@code kill -9}.
 * Each start logs to its own file. Not thread-safe: one test thread drives it (clients it hands out
 * may be used from other threads, one each).
 */
final class GflowdChild implements AutoCloseable {
  private final Path root;
  private final Path socket;
  private final Path stateDir;
  private final Path config;
  private Process process;
  private int starts;

  GflowdChild(String configText) throws IOException {
    root = Files.createTempDirectory(Path.of("/tmp"), "gfc");
    socket = root.resolve("gflowd.sock");
    stateDir = root.resolve("state");
    config = root.resolve("gflowd.toml");
    Files.writeString(config, configText);
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
  }

  Path root() {
    return root;
  }

  Path stateDir() {
    return stateDir;
  }

  Path spool(long jobId) {
    return stateDir.resolve("spool").resolve(Long.toString(jobId));
  }

  Process process() {
    return process;
  }

  Path socket() {
    return socket;
  }

  /** Starts {@code gflowd run} and returns once it answers {@code daemon.ping}. */
  void start() throws Exception {
    start(List.of(), Map.of());
  }

  /**
   * Starts {@code gflowd run} through {@code launcher} (e.g. {@code systemd-socket-activate -l
   * SOCKET}; empty: none) with {@code env} added to the environment, and returns once it answers
   * {@code daemon.ping}.
   */
  void start(List<String> launcher, Map<String, String> env) throws Exception {
    start(launcher, env, socket);
  }

  /** As {@link #start(List, Map)}, waiting for an answer on {@code readySocket}. */
  void start(List<String> launcher, Map<String, String> env, Path readySocket) throws Exception {
    spawn(launcher, env);
    awaitReady(readySocket);
  }

  /** Starts {@code gflowd run} as {@link #start(List, Map)} does, without waiting for it. */
  void spawn(List<String> launcher, Map<String, String> env) throws IOException {
    Path log = root.resolve("daemon-" + ++starts + ".log");
    List<String> args =
        List.of(
            "run",
            "--socket",
            socket.toString(),
            "--state-dir",
            stateDir.toString(),
            "--config",
            config.toString());
    List<String> command = new ArrayList<>(launcher);
    command.addAll(AsUser.java(DaemonMain.class.getName(), args));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    process = builder.start();
  }

  /** Returns once the spawned daemon answers {@code daemon.ping} on {@code readySocket}. */
  void awaitReady(Path readySocket) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try (RpcClient client =
          RpcClient.connect(readySocket, ServerTrust.of(ProcessIdentity.uid(), null))) {
        client.call(Methods.DAEMON_PING, null);
        return;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline || !process.isAlive()) {
          process.destroyForcibly();
          throw new AssertionError("daemon did not start: " + logs(), notYet);
        }
        Thread.sleep(50);
      }
    }
  }

  /** {@code SIGTERM}, as systemd stops a service; returns the exit code. */
  int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("daemon did not stop on SIGTERM");
    }
    return process.exitValue();
  }

  /** {@code kill -9}: no shutdown hook, no clean close; the socket file stays behind. */
  void kill() throws InterruptedException {
    process.toHandle().destroyForcibly();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      throw new AssertionError("daemon survived SIGKILL");
    }
  }

  RpcClient connect() throws IOException {
    return RpcClient.connect(socket, ServerTrust.of(ProcessIdentity.uid(), null));
  }

  /** One call on a fresh connection. */
  JsonValue call(String method, JsonObject params) throws IOException {
    try (RpcClient client = connect()) {
      return client.call(method, params);
    }
  }

  /** Submit params for {@code argv} in the root dir, stdout to {@code <root>/%j.out}. */
  JsonObject.Builder submitParams(List<String> argv) {
    return JsonObject.builder()
        .put("command", JsonArray.ofStrings(argv))
        .put("cwd", root.toString())
        .put("env", JsonObject.builder().put("PATH", "/usr/bin:/bin").build())
        .put("output", root.resolve("%j.out").toString());
  }

  long submit(RpcClient client, JsonObject params) throws IOException {
    return SubmitResult.fromJson(client.call("job.submit", params)).ids().get(0);
  }

  long submit(JsonObject params) throws IOException {
    try (RpcClient client = connect()) {
      return submit(client, params);
    }
  }

  JobInfo get(long id) throws IOException {
    return JobInfo.fromJson(call("job.get", JsonObject.builder().put("id", id).build()));
  }

  /** Waits (at most {@code timeoutMs}) until all {@code ids} are terminal. */
  WaitResult await(List<Long> ids, long timeoutMs) throws IOException {
    return WaitResult.fromJson(
        call(
            "job.wait",
            JsonObject.builder()
                .put("ids", JsonArray.ofLongs(ids))
                .put("timeout_ms", timeoutMs)
                .build()));
  }

  String logs() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int start = 1; start <= starts; start++) {
      Path log = root.resolve("daemon-" + start + ".log");
      if (Files.exists(log)) {
        text.append("--- start ").append(start).append(":\n").append(Files.readString(log));
      }
    }
    return text.toString();
  }

  /** Kills a still running daemon and deletes the temp dir. */
  @Override
  public void close() throws IOException {
    if (process != null && process.isAlive()) {
      process.toHandle().destroyForcibly();
      try {
        process.waitFor(20, TimeUnit.SECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
    }
    for (Path path : paths) {
      Files.deleteIfExists(path);
    }
  }
}
