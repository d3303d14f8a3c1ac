package io.gflow.daemon.exec;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-lived launcher, {@code gflow-job --serve}, running as the jobs' user: it forks a wrapper
 * per job (no program started per job but the job itself) and reports each wrapper's end on its
 * stdout, read here by one thread. Its reports are not trusted beyond the jobs it launched: a pid
 * it names is checked by the caller, and its exit notices only end jobs it started. Thread-safe.
 *
 * <p>Closing its stdin ({@link #retire}) makes it take no more jobs and exit once its wrappers have
 * ended; {@link #kill} ends it at once. Either way the wrappers live on: a wrapper the launcher has
 * not reported is handed to {@link WrapperExit#orphaned} when the launcher is gone.
 */
final class LaunchHelper {
  private static final Logger log = LoggerFactory.getLogger(LaunchHelper.class);
  private static final int MAX_LINE = 4096;
  private static final String GONE = "gone";

  /** What becomes of one wrapper the launcher started. Called on the launcher's reader thread. */
  interface WrapperExit {
    /** The wrapper has ended with this wait status ({@code waitpid}'s). */
    void exited(int waitStatus);

    /** The launcher is gone without reporting the wrapper's end; the wrapper may still run. */
    void orphaned();
  }

  private final Process process;
  private final long startedNanos;
  private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
  private final Map<Long, WrapperExit> wrappers = new ConcurrentHashMap<>();
  // Guarded by this: the request in flight, taken by the reader thread at its "started" reply.
  private volatile WrapperExit inFlight;
  private volatile boolean retired;
  private volatile boolean killed;
  private volatile boolean gone;

  private LaunchHelper(Process process) {
    this.process = process;
    this.startedNanos = System.nanoTime();
  }

  /**
   * Starts {@code command} ({@code [privilege drop..., gflow-job, --serve]}) with a fixed minimal
   * environment, cwd {@code /} and stderr discarded, and its reader thread named {@code name}.
   */
  static LaunchHelper start(List<String> command, String name) throws LaunchException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(new File("/"))
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/bin:/bin");
    builder.environment().put("LC_ALL", "C");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new LaunchException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
    LaunchHelper helper = new LaunchHelper(process);
    Thread reader = new Thread(helper::readReplies, name);
    reader.setDaemon(true);
    reader.start();
    return helper;
  }

  long pid() {
    return process.pid();
  }

  /** True while it takes jobs: neither retired nor gone, and younger than {@code maxAgeNanos}. */
  boolean usable(long maxAgeNanos) {
    return !retired && !gone && System.nanoTime() - startedNanos < maxAgeNanos;
  }

  /** True once the launcher has exited (or its reports can no longer be read). */
  boolean gone() {
    return gone;
  }

  /**
   * Has the launcher fork the wrapper of {@code spool} with the job's {@code inputs} ({@link
   * SpoolDir#encodeInputs}), and returns the wrapper's pid; the wrapper starts the job only after
   * the launcher has sent this reply and then recorded the wrapper in the spool. {@code onExit}
   * hears of the wrapper from then on, possibly before this returns.
   *
   * @return the wrapper's pid, or -1 if the launcher had stopped taking jobs (retired or gone)
   *     before the request: ask a fresh one
   * @throws LaunchException if the launcher cannot fork, dies, or does not answer within {@code
   *     timeoutMillis} (it is then killed)
   */
  synchronized long spawn(SpoolDir spool, byte[] inputs, WrapperExit onExit, long timeoutMillis)
      throws LaunchException {
    if (gone || retired) {
      return -1;
    }
    inFlight = onExit;
    String reply;
    try {
      OutputStream requests = process.getOutputStream();
      requests.write(request(spool, inputs)); // one write when small
      requests.flush();
      reply = replies.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (IOException e) {
      reply = GONE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
      throw new LaunchException("interrupted while starting the job's wrapper");
    } finally {
      inFlight = null;
    }
    if (reply == null) {
      kill();
      throw new LaunchException(
          "the job launcher " + process.pid() + " did not answer within " + timeoutMillis + " ms");
    }
    if (reply.startsWith("started ")) {
      return Long.parseLong(reply.substring("started ".length()));
    }
    if (reply.startsWith("failed ")) {
      throw new LaunchException("job launcher: " + reply.substring("failed ".length()));
    }
    throw exited();
  }

  /** The failure of a launcher that has ended (or is ending): its pid and exit status. */
  LaunchException exited() {
    return new LaunchException(
        "the job launcher " + process.pid() + " exited with status " + exitStatus());
  }

  /** One request to a launcher: "SPOOLDIR LENGTH\n" and LENGTH bytes of inputs. */
  static byte[] request(SpoolDir spool, byte[] inputs) {
    byte[] header = (spool.path() + " " + inputs.length + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] request = Arrays.copyOf(header, header.length + inputs.length);
    System.arraycopy(inputs, 0, request, header.length, inputs.length);
    return request;
  }

  /** Takes no more jobs; the launcher exits once the wrappers it started have ended. */
  synchronized void retire() {
    retired = true;
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      log.debug("job launcher {}: closing its input failed", process.pid(), e);
    }
  }

  /** Ends the launcher now (SIGKILL); its wrappers and jobs keep running. */
  void kill() {
    retired = true;
    killed = true;
    process.destroyForcibly();
  }

  private int exitStatus() {
    try {
      return process.waitFor(1, TimeUnit.SECONDS) ? process.exitValue() : -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The reader thread: routes replies until the launcher's stdout ends. */
  private void readReplies() {
    try (InputStream in = process.getInputStream()) {
      for (String line = readLine(in); line != null; line = readLine(in)) {
        handle(line);
      }
    } catch (IOException | RuntimeException e) {
      if (!killed) { // killing it closes the stream under this thread
        log.warn("job launcher {}: bad report, stopping it: {}", process.pid(), e.toString());
        process.destroyForcibly();
      }
    } finally {
      gone = true;
      replies.add(GONE);
      for (Long pid : List.copyOf(wrappers.keySet())) {
        WrapperExit orphan = wrappers.remove(pid);
        if (orphan != null) {
          orphan.orphaned();
        }
      }
    }
  }

  private void handle(String line) {
    String[] words = line.split(" ", 3);
    switch (words[0]) {
      case "started" -> {
        WrapperExit onExit = inFlight;
        if (onExit == null) {
          throw new IllegalStateException("unrequested reply: " + line);
        }
        wrappers.put(Long.parseLong(words[1]), onExit);
        replies.add(line);
      }
      case "failed" -> replies.add(line);
      case "exited" -> {
        WrapperExit onExit = wrappers.remove(Long.parseLong(words[1]));
        if (onExit != null) {
          onExit.exited(Integer.parseInt(words[2]));
        }
      }
      default -> throw new IllegalStateException("unknown report: " + line);
    }
  }

  /** One line without its newline, or null at the end; a line over 4 KiB is an error. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int next = in.read(); next != '\n'; next = in.read()) {
      if (next < 0) {
        return null;
      }
      if (line.size() >= MAX_LINE) {
        throw new IOException("report longer than " + MAX_LINE + " bytes");
      }
      line.write(next);
    }
    return line.toString(StandardCharsets.UTF_8);
  }
}
