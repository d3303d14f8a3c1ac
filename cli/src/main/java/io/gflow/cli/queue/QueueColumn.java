package io.gflow.cli.queue;

import io.gflow.cli.JobText;
import io.gflow.cli.Texts;
import io.gflow.cli.TimeLimits;
import io.gflow.protocol.job.JobField;
import io.gflow.protocol.job.JobState;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns gqueue can show ({@code --format id,name,...}), each with its header and how it reads
 * one job; user-controlled text is escaped. Thread-safe enum.
 */
enum QueueColumn {
  ID("JOBID"),
  NAME("NAME"),
  USER("USER"),
  STATE("STATE"),
  ST("ST"),
  TIME("TIME"),
  LIMIT("TIME_LIMIT"),
  GPUS("GPUS"),
  PRIORITY("PRIORITY"),
  EXIT("EXIT"),
  SUBMIT("SUBMIT"),
  START("START"),
  END("END"),
  REASON("REASON"),
  COMMAND("COMMAND");

  private static final int NAME_WIDTH = 24;

  private final String header;

  QueueColumn(String header) {
    this.header = header;
  }

  String header() {
    return header;
  }

  /**
   * The zone {@code columns} show times of day in: the system default, or null when none of them
   * shows one (finding the default zone reads the time-zone database: ~10 ms of a cold start).
   */
  static ZoneId zoneFor(List<QueueColumn> columns) {
    for (QueueColumn column : columns) {
      if (column == SUBMIT || column == START || column == END) {
        return ZoneId.systemDefault();
      }
    }
    return null;
  }

  /** The job members {@link #cell} reads (besides those every job carries). */
  Set<JobField> fields() {
    return switch (this) {
      case ID -> EnumSet.of(JobField.ID, JobField.ARRAY_JOB_ID, JobField.ARRAY_TASK_ID);
      case NAME -> EnumSet.of(JobField.NAME);
      case USER -> EnumSet.of(JobField.USER);
      case STATE, ST -> EnumSet.of(JobField.STATE);
      case TIME -> EnumSet.of(JobField.STATE, JobField.START_TIME, JobField.END_TIME);
      case LIMIT -> EnumSet.of(JobField.TIME_LIMIT);
      case GPUS -> EnumSet.of(JobField.GPUS);
      case PRIORITY -> EnumSet.of(JobField.PRIORITY);
      case EXIT -> EnumSet.of(JobField.EXIT_CODE, JobField.SIGNAL);
      case SUBMIT -> EnumSet.of(JobField.SUBMIT_TIME);
      case START -> EnumSet.of(JobField.START_TIME);
      case END -> EnumSet.of(JobField.END_TIME);
      case REASON -> EnumSet.of(JobField.STATE, JobField.ASSIGNED_GPUS, JobField.REASON);
      case COMMAND -> EnumSet.of(JobField.COMMAND, JobField.SCRIPT, JobField.REDACTED);
    };
  }

  /**
   * The job members a table of {@code columns} needs: those the cells read, and those every job
   * read back must carry ({@link JobField#REQUIRED}).
   */
  static Set<JobField> fieldsFor(List<QueueColumn> columns) {
    Set<JobField> fields = EnumSet.copyOf(JobField.REQUIRED);
    for (QueueColumn column : columns) {
      fields.addAll(column.fields());
    }
    return fields;
  }

  /** The TIME of a job that has not run: that of every waiting job in a big queue. */
  private static final String NO_RUN_TIME = TimeLimits.format(0);

  /** The cell for {@code job}, seen at {@code now} in {@code zone} (see {@link #zoneFor}). */
  String cell(QueuedJob job, Instant now, ZoneId zone) {
    return switch (this) {
      case ID -> id(job);
      case NAME -> Texts.safe(shorten(job.name()));
      case USER -> Texts.safe(job.user());
      case STATE -> job.state().wireName();
      case ST -> job.state().shortName();
      case TIME -> {
        Long seconds = JobText.runSeconds(job.state(), job.startTime(), job.endTime(), now);
        yield seconds == null ? NO_RUN_TIME : TimeLimits.format(seconds);
      }
      case LIMIT ->
          job.timeLimitSeconds() == null ? "UNLIMITED" : TimeLimits.format(job.timeLimitSeconds());
      case GPUS -> Integer.toString(job.gpus());
      case PRIORITY -> Integer.toString(job.priority());
      case EXIT -> JobText.exitColumn(job.exitCode(), job.signal());
      case SUBMIT -> JobText.time(job.submitTime(), zone);
      case START -> JobText.time(job.startTime(), zone);
      case END -> JobText.time(job.endTime(), zone);
      case REASON -> reason(job);
      case COMMAND -> command(job);
    };
  }

  /**
   * The one text {@code job}'s cell is made of, or null when the cell is made of more: two jobs
   * whose texts are the same string object have the same cell ({@link TableListing} reuses it).
   */
  String source(QueuedJob job) {
    return switch (this) {
      case NAME -> job.name();
      case USER -> job.user();
      case REASON -> job.state() == JobState.RUNNING ? null : job.reason();
      default -> null;
    };
  }

  private static String id(QueuedJob job) {
    if (job.arrayJobId() != null && job.arrayTaskId() != null) {
      return job.id() + " (" + job.arrayJobId() + "_" + job.arrayTaskId() + ")";
    }
    return Long.toString(job.id());
  }

  private static String shorten(String name) {
    return name.length() <= NAME_WIDTH ? name : name.substring(0, NAME_WIDTH - 1) + "…";
  }

  /** Slurm's NODELIST(REASON): where a running job runs, else why it waits or how it ended. */
  private static String reason(QueuedJob job) {
    if (job.state() == JobState.RUNNING) {
      return job.assignedGpus().isEmpty()
          ? "cpu"
          : "gpu:"
              + job.assignedGpus().stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    return job.reason() == null ? "-" : "(" + Texts.safe(job.reason()) + ")";
  }

  private static String command(QueuedJob job) {
    if (job.command() != null) {
      return Texts.argv(job.command());
    }
    if (job.script() != null) {
      return "script (" + job.script().lines().count() + " lines)";
    }
    return job.redacted() ? "(hidden)" : "-";
  }

  /**
   * Parses a {@code --format} list such as {@code id,name,state,exit}.
   *
   * @throws IllegalArgumentException naming the unknown column and listing the known ones
   */
  static List<QueueColumn> parseList(String text) {
    List<QueueColumn> columns = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String name = part.trim().toUpperCase(Locale.ROOT);
      QueueColumn column = null;
      for (QueueColumn candidate : values()) {
        if (candidate.name().equals(name)
            || candidate.header.equals(name)
            || (candidate == ID && name.equals("JOBID"))) {
          column = candidate;
        }
      }
      if (column == null) {
        throw new IllegalArgumentException(
            "unknown column '"
                + Texts.safe(part.trim())
                + "' (known: "
                + Arrays.stream(values())
                    .map(known -> known.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(","))
                + ")");
      }
      columns.add(column);
    }
    return List.copyOf(columns);
  }
}
