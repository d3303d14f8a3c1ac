package io.gflow.cli.queue;

import io.gflow.protocol.job.JobInfo;
import io.gflow.protocol.job.JobState;
import java.time.Instant;
import java.util.List;

/**
 * What gqueue's cells read of a job ({@link QueueColumn#cell}): the members of a {@link JobInfo}
 * ({@link #of}), or of a row read straight from a reply frame ({@link PlainRows}). Members a
 * listing did not ask for are null (or 0, false, empty).
 */
interface QueuedJob {
  long id();

  Long arrayJobId();

  Long arrayTaskId();

  String user();

  String name();

  JobState state();

  String reason();

  int priority();

  int gpus();

  List<Integer> assignedGpus();

  Instant submitTime();

  Instant startTime();

  Instant endTime();

  Integer exitCode();

  Integer signal();

  Long timeLimitSeconds();

  boolean redacted();

  List<String> command();

  String script();

  /** {@code job} seen through this interface. */
  static QueuedJob of(JobInfo job) {
    return new Info(job);
  }

  /** A {@link JobInfo}'s members. */
  record Info(JobInfo job) implements QueuedJob {
    @Override
    public long id() {
      return job.id();
    }

    @Override
    public Long arrayJobId() {
      return job.arrayJobId();
    }

    @Override
    public Long arrayTaskId() {
      return job.arrayTaskId();
    }

    @Override
    public String user() {
      return job.user();
    }

    @Override
    public String name() {
      return job.name();
    }

    @Override
    public JobState state() {
      return job.state();
    }

    @Override
    public String reason() {
      return job.reason();
    }

    @Override
    public int priority() {
      return job.priority();
    }

    @Override
    public int gpus() {
      return job.gpus();
    }

    @Override
    public List<Integer> assignedGpus() {
      return job.assignedGpus();
    }

    @Override
    public Instant submitTime() {
      return job.submitTime();
    }

    @Override
    public Instant startTime() {
      return job.startTime();
    }

    @Override
    public Instant endTime() {
      return job.endTime();
    }

    @Override
    public Integer exitCode() {
      return job.exitCode();
    }

    @Override
    public Integer signal() {
      return job.signal();
    }

    @Override
    public Long timeLimitSeconds() {
      return job.timeLimitSeconds();
    }

    @Override
    public boolean redacted() {
      return job.redacted();
    }

    @Override
    public List<String> command() {
      return job.command();
    }

    @Override
    public String script() {
      return job.script();
    }
  }
}
