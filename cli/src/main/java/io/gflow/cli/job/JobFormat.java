package io.gflow.cli.job;

import io.gflow.cli.JobText;
import io.gflow.cli.Texts;
import io.gflow.cli.TimeLimits;
import io.gflow.protocol.ExitCodes;
import io.gflow.protocol.job.DependencyMode;
import io.gflow.protocol.job.JobInfo;
import io.gflow.protocol.job.JobState;
import io.gflow.protocol.job.WaitResult;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Formats jobs for gjob: every field of one job, and wait results. Pure; thread-safe. */
final class JobFormat {
  private static final int LABEL_WIDTH = 12;

  private JobFormat() {}

  /** Every field of {@code job}, one {@code Label: value} line each. */
  static String show(JobInfo job, Instant now, ZoneId zone) {
    List<String[]> fields = new ArrayList<>();
    fields.add(new String[] {"Job", Long.toString(job.id())});
    if (job.arrayJobId() != null) {
      fields.add(
          new String[] {
            "Array", "task " + job.arrayTaskId() + " of array job " + job.arrayJobId()
          });
    }
    fields.add(new String[] {"Name", Texts.safe(job.name())});
    fields.add(new String[] {"User", Texts.safe(job.user()) + " (uid " + job.uid() + ")"});
    fields.add(new String[] {"State", JobText.stateLine(job)});
    String outcome = JobText.outcome(job);
    if (outcome != null) {
      fields.add(new String[] {"Exit", outcome});
    }
    fields.add(new String[] {"Reason", job.reason() == null ? "-" : Texts.safe(job.reason())});
    fields.add(new String[] {"Priority", Integer.toString(job.priority())});
    fields.add(new String[] {"GPUs", gpus(job)});
    fields.add(
        new String[] {
          "Time limit",
          job.timeLimitSeconds() == null ? "none" : TimeLimits.format(job.timeLimitSeconds())
        });
    fields.add(new String[] {"Submitted", JobText.time(job.submitTime(), zone)});
    if (job.begin() != null) {
      fields.add(new String[] {"Begin", JobText.time(job.begin(), zone)});
    }
    fields.add(new String[] {"Started", JobText.time(job.startTime(), zone)});
    fields.add(new String[] {"Ended", JobText.time(job.endTime(), zone)});
    Long run = JobText.runSeconds(job, now);
    fields.add(new String[] {"Run time", run == null ? "-" : TimeLimits.format(run)});
    if (!job.dependsOn().isEmpty()) {
      fields.add(new String[] {"Depends on", dependencies(job)});
    }
    if (job.group() != null) {
      fields.add(new String[] {"Group", Texts.safe(job.group())});
    }
    if (job.project() != null) {
      fields.add(new String[] {"Project", Texts.safe(job.project())});
    }
    fields.add(new String[] {"Command", command(job)});
    if (!job.redacted()) {
      fields.add(new String[] {"Cwd", path(job.cwd())});
      fields.add(new String[] {"Output", path(job.stdoutPath())});
      fields.add(new String[] {"Error", path(job.stderrPath())});
    }
    StringBuilder text = new StringBuilder();
    for (String[] field : fields) {
      text.append(String.format("%-" + LABEL_WIDTH + "s%s%n", field[0] + ":", field[1]));
    }
    return text.toString();
  }

  private static String gpus(JobInfo job) {
    String count = Integer.toString(job.gpus());
    if (job.assignedGpus().isEmpty()) {
      return count;
    }
    return count
        + " (assigned "
        + job.assignedGpus().stream().map(String::valueOf).collect(Collectors.joining(","))
        + ")";
  }

  private static String dependencies(JobInfo job) {
    String ids = job.dependsOn().stream().map(String::valueOf).collect(Collectors.joining(","));
    return ids + (job.dependencyMode() == DependencyMode.ANY ? " (any one)" : " (all)");
  }

  private static String command(JobInfo job) {
    if (job.redacted()) {
      return "(hidden: the job belongs to " + Texts.safe(job.user()) + ")";
    }
    if (job.command() != null) {
      return Texts.argv(job.command());
    }
    if (job.script() != null) {
      long lines = job.script().lines().count();
      return "script (" + lines + (lines == 1 ? " line)" : " lines)");
    }
    return "-";
  }

  private static String path(String path) {
    return path == null ? "-" : Texts.safeLong(path);
  }

  /** One line per job: {@code job 42: FAILED (exit 3)}. */
  static String waitLines(WaitResult result) {
    StringBuilder text = new StringBuilder();
    for (JobInfo job : result.jobs()) {
      text.append("job ").append(job.id()).append(": ").append(JobText.stateLine(job)).append('\n');
    }
    return text.toString();
  }

  /** 75 when the wait timed out, 0 when every job COMPLETED, else 1. */
  static int waitExitCode(WaitResult result) {
    if (result.timedOut()) {
      return ExitCodes.TEMPORARY;
    }
    boolean allCompleted =
        result.jobs().stream().allMatch(job -> job.state() == JobState.COMPLETED);
    return allCompleted ? ExitCodes.OK : ExitCodes.ERROR;
  }
}
