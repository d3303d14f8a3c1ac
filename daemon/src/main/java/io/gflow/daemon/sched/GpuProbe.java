package io.gflow.daemon.sched;

import io.gflow.protocol.SafeText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Detects GPUs by running nvidia-smi (SPEC §5) with a fixed environment and a timeout. A missing
 * binary means a CPU-only host (empty lists); a failing or hanging one is an {@link IOException}.
 * Stateless between calls and thread-safe.
 */
public final class GpuProbe {
  /** How long nvidia-smi may take when no timeout is given. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private static final Map<String, String> ENVIRONMENT =
      Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL", "C");
  private static final int MAX_OUTPUT_BYTES = 1 << 20;

  private final String command;
  private final Duration timeout;

  /**
   * @param command the nvidia-smi binary: a path, or a name looked up on the daemon's PATH
   */
  public GpuProbe(String command, Duration timeout) {
    this.command = Objects.requireNonNull(command, "command");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  public GpuProbe(String command) {
    this(command, DEFAULT_TIMEOUT);
  }

  /** The GPUs present, in nvidia-smi's order; empty when nvidia-smi is not installed. */
  public List<Gpu> gpus() throws IOException {
    List<Gpu> gpus = new ArrayList<>();
    for (String[] fields :
        run("--query-gpu=index,uuid,name,memory.total", "--format=csv,noheader")) {
      if (fields.length < 4) {
        throw unexpected(fields);
      }
      String name = String.join(",", Arrays.copyOfRange(fields, 2, fields.length - 1)).trim();
      gpus.add(
          new Gpu(
              parseInt(fields[0], fields),
              fields[1].trim(),
              name,
              mebibytes(fields[fields.length - 1])));
    }
    return List.copyOf(gpus);
  }

  /** The compute processes on all GPUs; empty when nvidia-smi is not installed. */
  public List<GpuProcess> processes() throws IOException {
    List<GpuProcess> processes = new ArrayList<>();
    for (String[] fields :
        run("--query-compute-apps=gpu_uuid,pid,used_memory", "--format=csv,noheader")) {
      if (fields.length != 3) {
        throw unexpected(fields);
      }
      processes.add(
          new GpuProcess(fields[0].trim(), parseInt(fields[1], fields), mebibytes(fields[2])));
    }
    return List.copyOf(processes);
  }

  private List<String[]> run(String... arguments) throws IOException {
    List<String> argv = new ArrayList<>();
    argv.add(command);
    argv.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.PIPE);
    builder.environment().clear();
    builder.environment().putAll(ENVIRONMENT);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      // Not installed (or not executable): a CPU-only host.
      return List.of();
    }
    process.getOutputStream().close();
    AtomicBoolean timedOut = new AtomicBoolean();
    Thread watchdog = startWatchdog(process, timedOut);
    byte[] output = new byte[0];
    try (InputStream stdout = process.getInputStream();
        InputStream stderr = process.getErrorStream()) {
      output = stdout.readNBytes(MAX_OUTPUT_BYTES);
      byte[] errors = stderr.readNBytes(4096);
      int status = process.waitFor();
      if (status != 0 && !timedOut.get()) {
        throw new IOException(
            command
                + " failed (exit "
                + status
                + "): "
                + SafeText.escape(new String(errors, StandardCharsets.UTF_8).strip()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException(command + ": interrupted", e);
    } catch (IOException e) {
      // Killing the process closes its pipes under the reader.
      if (!timedOut.get()) {
        throw e;
      }
    } finally {
      watchdog.interrupt();
    }
    if (timedOut.get()) {
      throw new IOException(command + " did not answer within " + timeout.toMillis() + " ms");
    }
    List<String[]> rows = new ArrayList<>();
    for (String line : new String(output, StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        rows.add(line.split(","));
      }
    }
    return rows;
  }

  /** Kills nvidia-smi and anything it started once the timeout passes. */
  private Thread startWatchdog(Process process, AtomicBoolean timedOut) {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                  timedOut.set(true);
                  process.descendants().forEach(ProcessHandle::destroyForcibly);
                  process.destroyForcibly();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "gflowd-gpu-probe");
    watchdog.setDaemon(true);
    watchdog.start();
    return watchdog;
  }

  private IOException unexpected(String[] fields) {
    return new IOException(
        "unexpected " + command + " output line: " + SafeText.escape(String.join(",", fields)));
  }

  private int parseInt(String text, String[] fields) throws IOException {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw unexpected(fields);
    }
  }

  /** "40960 MiB" → 40960; "[N/A]" and the like → -1. */
  private static long mebibytes(String text) {
    String value = text.trim();
    if (value.endsWith("MiB")) {
      value = value.substring(0, value.length() - 3).trim();
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
