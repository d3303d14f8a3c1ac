package io.gflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short-lived processes and times them from fork to exit. Stateless. */
final class Processes {
  private Processes() {}

  /**
   * Runs {@code command} with stdin and stdout discarded ({@code stdout} given: written there) and
   * returns its wall time in nanoseconds.
   *
   * @param stdout where stdout goes, null to discard it
   * @throws IOException if it cannot start or exits with anything but 0
   */
  static long time(List<String> command, Path stdout) throws IOException {
    return time(command, stdout, Long.MAX_VALUE);
  }

  /**
   * Like {@link #time(List, Path)}, but a process still running after {@code capNanos} is killed
   * and the cap is returned: a lower bound, which keeps a pathologically slow run finite.
   */
  static long time(List<String> command, Path stdout, long capNanos) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(
                stdout == null
                    ? ProcessBuilder.Redirect.DISCARD
                    : ProcessBuilder.Redirect.to(stdout.toFile()));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.redirectError(ProcessBuilder.Redirect.PIPE);
    long start = System.nanoTime();
    Process process = builder.start();
    if (!waitFor(process, capNanos)) {
      process.destroyForcibly();
      waitFor(process, Long.MAX_VALUE);
      return capNanos;
    }
    long elapsed = System.nanoTime() - start;
    int status = process.exitValue();
    if (status != 0) {
      String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      throw new IOException(String.join(" ", command) + " exited with " + status + ": " + errors);
    }
    return elapsed;
  }

  /** Whether it ended within {@code nanos}. */
  private static boolean waitFor(Process process, long nanos) throws IOException {
    try {
      return process.waitFor(nanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException interrupted) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", interrupted);
    }
  }

  /** The {@code java} of the JDK running the benchmark, which the launchers are told to use. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A tool of the same JDK ({@code jcmd}, {@code jstat}). */
  static String jdkTool(String name) {
    return Path.of(System.getProperty("java.home"), "bin", name).toString();
  }
}
