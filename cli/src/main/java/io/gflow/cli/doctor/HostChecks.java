package io.gflow.cli.doctor;

import io.gflow.protocol.SafeText;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks of the host rather than the daemon: the JDK and the GPU probe. Stateless. */
final class HostChecks {
  static final int MIN_JAVA = 17;
  static final String GPU_QUERY = "--query-gpu=index,uuid,name,memory.total";

  private HostChecks() {}

  /** The JVM running this command (the launchers pick the same one for gflowd). */
  static Finding jdk(int feature, String version, String javaHome) {
    if (feature < MIN_JAVA) {
      return Finding.fail(
          "jdk",
          javaHome,
          "Java " + version + " is too old; gflow needs " + MIN_JAVA + " or newer",
          "install Java " + MIN_JAVA + " or newer and set JAVA_HOME to it");
    }
    return Finding.ok("jdk", javaHome, "Java " + version + " (needs " + MIN_JAVA + " or newer)");
  }

  /**
   * Runs nvidia-smi as the scheduler does (SPEC §5). No nvidia-smi is a warning: a CPU-only host is
   * fine.
   */
  static Finding gpus(String nvidiaSmi, Map<String, String> env, Duration timeout) {
    Optional<Path> program = Programs.find(nvidiaSmi, env);
    if (program.isEmpty()) {
      return Finding.warn(
          "gpus",
          nvidiaSmi,
          "not found, so gflowd sees no GPUs and runs a CPU-only queue",
          "fine on a host without GPUs; else install the NVIDIA driver, or set nvidia_smi in"
              + " [scheduler] of gflowd.toml (here: --nvidia-smi PATH)");
    }
    Optional<Programs.Result> result;
    try {
      result =
          Programs.run(
              List.of(program.get().toString(), GPU_QUERY, "--format=csv,noheader"), timeout);
    } catch (IOException failed) {
      return Finding.warn(
          "gpus",
          program.get(),
          "cannot run: " + failed.getMessage(),
          "check that it is executable: ls -l " + program.get());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Finding.warn("gpus", program.get(), "interrupted", "run gctl doctor again");
    }
    if (result.isEmpty()) {
      return Finding.warn(
          "gpus",
          program.get(),
          "did not answer within " + timeout.toSeconds() + " s",
          "check the driver: nvidia-smi (a hung GPU or driver needs a reboot)");
    }
    return gpuVerdict(program.get(), result.get());
  }

  /** Reads nvidia-smi's CSV: one line per GPU, else the first line says what is wrong. */
  static Finding gpuVerdict(Path program, Programs.Result result) {
    List<String> lines =
        result.output().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    String first = lines.isEmpty() ? "no output" : SafeText.escape(lines.get(0), 300);
    if (result.exitCode() != 0) {
      return Finding.warn(
          "gpus",
          program,
          "exited " + result.exitCode() + ": " + first,
          "check the driver: nvidia-smi; gflowd runs a CPU-only queue meanwhile");
    }
    List<String> gpus =
        lines.stream()
            .filter(line -> line.split(",").length >= 3)
            .map(HostChecks::describeGpu)
            .toList();
    if (gpus.isEmpty()) {
      return Finding.warn(
          "gpus",
          program,
          "found no GPUs: " + first,
          "check the driver: nvidia-smi; gflowd runs a CPU-only queue meanwhile");
    }
    return Finding.ok("gpus", program, gpus.size() + " GPU(s): " + String.join("; ", gpus));
  }

  private static String describeGpu(String line) {
    String[] fields = line.split(",");
    return SafeText.escape(fields[0].strip(), 10) + " " + SafeText.escape(fields[2].strip(), 100);
  }
}
