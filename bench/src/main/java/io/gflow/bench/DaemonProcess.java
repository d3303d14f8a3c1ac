package io.gflow.bench;

import io.gflow.protocol.Methods;
import io.gflow.protocol.client.ProcessIdentity;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.client.ServerTrust;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A personal {@code gflowd run} started through the distribution's launcher, on its own socket,
 * state dir and config under one directory. {@code GFLOW_BENCH_DAEMON_OPTS} (e.g. {@code
 * -XX:StartFlightRecording=filename=d.jfr}) is handed to the daemon's JVM. Not thread-safe; the
 * clients it hands out are independent.
 */
final class DaemonProcess implements AutoCloseable {
  private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);

  private final Path dir;
  private final Process process;
  private final long readyNanos;

  private DaemonProcess(Path dir, Process process, long readyNanos) {
    this.dir = dir;
    this.process = process;
    this.readyNanos = readyNanos;
  }

  /**
   * Starts a daemon on {@code dir} (its state dir may already hold a store) and returns once it
   * answers {@code daemon.ping}.
   *
   * @param slots CPU job slots
   */
  static DaemonProcess start(Dist dist, Path dir, int slots) throws IOException {
    Files.createDirectories(dir);
    Path config = dir.resolve("gflowd.toml");
    Files.writeString(
        config, "allow_root_jobs = true\n\n[scheduler]\nslots = " + slots + "\ngpus = \"none\"\n");
    ProcessBuilder builder =
        new ProcessBuilder(
                dist.bin("gflowd").toString(),
                "run",
                "--socket",
                socket(dir).toString(),
                "--state-dir",
                stateDir(dir).toString(),
                "--config",
                config.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("gflowd.log").toFile()));
    Map<String, String> env = builder.environment();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    String options = System.getenv("GFLOW_BENCH_DAEMON_OPTS");
    if (options != null) {
      env.put("GFLOWD_JAVA_OPTS", options);
    }
    long started = System.nanoTime();
    Process process = builder.start();
    try {
      awaitPing(dir, process, started);
    } catch (IOException | RuntimeException failed) {
      process.destroyForcibly();
      throw failed;
    }
    return new DaemonProcess(dir, process, System.nanoTime() - started);
  }

  static Path socket(Path dir) {
    return dir.resolve("gflowd.sock");
  }

  static Path stateDir(Path dir) {
    return dir.resolve("state");
  }

  private static void awaitPing(Path dir, Process process, long started) throws IOException {
    while (true) {
      try (RpcClient client = connect(socket(dir))) {
        client.call(Methods.DAEMON_PING, null);
        return;
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new IOException(
              "gflowd exited with " + process.exitValue() + "; see " + dir.resolve("gflowd.log"));
        }
        if (System.nanoTime() - started > START_TIMEOUT_NANOS) {
          throw new IOException("gflowd did not answer; see " + dir.resolve("gflowd.log"));
        }
        Pause.millis(1);
      }
    }
  }

  static RpcClient connect(Path socket) throws IOException {
    return RpcClient.connect(socket, ServerTrust.of(ProcessIdentity.uid(), null));
  }

  RpcClient connect() throws IOException {
    return connect(socket());
  }

  Path socket() {
    return socket(dir);
  }

  /** From starting the launcher to the first answered ping. */
  long readyNanos() {
    return readyNanos;
  }

  long pid() {
    return process.pid();
  }

  /** Arguments that point a client launcher at this daemon. */
  List<String> socketArgs() {
    return List.of("--socket", socket().toString());
  }

  /** SIGTERM, then waits for a clean stop (SIGKILL after a minute). */
  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException interrupted) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping gflowd", interrupted);
    }
  }
}
