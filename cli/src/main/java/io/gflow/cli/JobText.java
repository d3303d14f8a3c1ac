package io.gflow.cli;

import io.gflow.protocol.job.JobInfo;
import io.gflow.protocol.job.JobState;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * How a job's outcome and times read for people: {@code exit 3}, {@code killed by signal 9 (KILL)},
 * local times, run times. Pure functions; stateless and thread-safe.
 */
public final class JobText {
  /**
   * Built on first use: a cold gqueue that shows no time of day does not load java.time's parser.
   */
  private static final class LocalTimes {
    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
  }

  private static final Map<Integer, String> SIGNAL_NAMES =
      Map.ofEntries(
          Map.entry(1, "HUP"),
          Map.entry(2, "INT"),
          Map.entry(3, "QUIT"),
          Map.entry(4, "ILL"),
          Map.entry(5, "TRAP"),
          Map.entry(6, "ABRT"),
          Map.entry(7, "BUS"),
          Map.entry(8, "FPE"),
          Map.entry(9, "KILL"),
          Map.entry(10, "USR1"),
          Map.entry(11, "SEGV"),
          Map.entry(12, "USR2"),
          Map.entry(13, "PIPE"),
          Map.entry(14, "ALRM"),
          Map.entry(15, "TERM"),
          Map.entry(17, "CHLD"),
          Map.entry(18, "CONT"),
          Map.entry(19, "STOP"),
          Map.entry(20, "TSTP"),
          Map.entry(24, "XCPU"),
          Map.entry(25, "XFSZ"));

  private JobText() {}

  /** The signal's name without "SIG" ("KILL"), or null when Linux has no classic name for it. */
  public static String signalName(int signal) {
    return SIGNAL_NAMES.get(signal);
  }

  /** {@code exit 3} or {@code killed by signal 9 (KILL)}; null when the job has not ended so. */
  public static String outcome(JobInfo job) {
    if (job.signal() != null) {
      String name = signalName(job.signal());
      return "killed by signal " + job.signal() + (name == null ? "" : " (" + name + ")");
    }
    return job.exitCode() == null ? null : "exit " + job.exitCode();
  }

  /** The EXIT column: {@code 0}, {@code 3}, {@code SIGKILL}, {@code SIG34}, or {@code -}. */
  public static String exitColumn(JobInfo job) {
    return exitColumn(job.exitCode(), job.signal());
  }

  /** As {@link #exitColumn(JobInfo)}, from the job's exit code and signal. */
  public static String exitColumn(Integer exitCode, Integer signal) {
    if (signal != null) {
      String name = signalName(signal);
      return "SIG" + (name == null ? signal.toString() : name);
    }
    return exitCode == null ? "-" : exitCode.toString();
  }

  /** A local time, second precision ({@code 2026-05-03T10:00:00}); {@code -} for null. */
  public static String time(Instant instant, ZoneId zone) {
    return instant == null ? "-" : LocalTimes.FORMAT.format(LocalDateTime.ofInstant(instant, zone));
  }

  /**
   * Seconds the job has run: start to end, start to {@code now} while running, null before it
   * started.
   */
  public static Long runSeconds(JobInfo job, Instant now) {
    return runSeconds(job.state(), job.startTime(), job.endTime(), now);
  }

  /** As {@link #runSeconds(JobInfo, Instant)}, from the job's state and times. */
  public static Long runSeconds(JobState state, Instant start, Instant end, Instant now) {
    if (start == null) {
      return null;
    }
    Instant until = end != null ? end : state == JobState.RUNNING ? now : null;
    return until == null ? null : Math.max(0, until.getEpochSecond() - start.getEpochSecond());
  }

  /** The state with what explains it: {@code FAILED (exit 3)}, {@code PENDING (Priority)}. */
  public static String stateLine(JobInfo job) {
    StringBuilder line = new StringBuilder(job.state().wireName());
    String outcome = outcome(job);
    String reason = job.reason() == null ? null : Texts.safe(job.reason());
    if (job.state().isTerminal() && outcome != null) {
      line.append(" (").append(outcome);
      if (reason != null) {
        line.append(", ").append(reason);
      }
      line.append(')');
    } else if (reason != null) {
      line.append(" (").append(reason).append(')');
    }
    return line.toString();
  }
}
