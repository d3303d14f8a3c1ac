package io.gflow.cli.doctor;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Finds and runs the external programs the doctor consults (gflowd, nvidia-smi). Stateless. */
final class Programs {
  private static final int MAX_OUTPUT_BYTES = 64 * 1024;

  private Programs() {}

  /** What a finished program printed (stdout and stderr together) and returned. */
  record Result(int exitCode, String output) {}

  /** {@code name} as given if it contains a slash, else the first executable on {@code PATH}. */
  static Optional<Path> find(String name, Map<String, String> env) {
    if (name.contains("/")) {
      Path path = Path.of(name);
      return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }
    String searchPath = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    for (String dir : searchPath.split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Runs {@code command} with stdin from /dev/null; empty if it did not finish within {@code
   * timeout} (it is killed then).
   */
  static Optional<Result> run(List<String> command, Duration timeout)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectErrorStream(true)
            .start();
    try (InputStream in = process.getInputStream()) {
      // Read on another thread so that a chatty program cannot block on a full pipe.
      FutureTask<String> output = new FutureTask<>(() -> readBounded(in));
      Thread reader = new Thread(output, "gctl-doctor-output");
      reader.setDaemon(true);
      reader.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      try {
        return Optional.of(
            new Result(process.exitValue(), output.get(timeout.toMillis(), TimeUnit.MILLISECONDS)));
      } catch (ExecutionException | TimeoutException unread) {
        return Optional.of(new Result(process.exitValue(), ""));
      }
    }
  }

  private static String readBounded(InputStream in) {
    try {
      byte[] bytes = in.readNBytes(MAX_OUTPUT_BYTES);
      in.transferTo(OutputStream.nullOutputStream());
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException failed) {
      return "";
    }
  }
}
