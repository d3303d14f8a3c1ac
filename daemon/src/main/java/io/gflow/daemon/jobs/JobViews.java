package io.gflow.daemon.jobs;

import io.gflow.daemon.job.Job;
import io.gflow.daemon.job.JobSpec;
import io.gflow.daemon.rpc.CallContext;
import io.gflow.daemon.store.JobSummary;
import io.gflow.protocol.job.DependencyMode;
import io.gflow.protocol.job.JobField;
import io.gflow.protocol.job.JobInfo;
import io.gflow.protocol.job.LogResult;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Turns a daemon {@link Job} into the {@link JobInfo} a given caller may see. Thread-safe. */
final class JobViews {
  /**
   * The members {@link #view(CallContext, JobSummary, JobPolicy)} fills in as {@link
   * #view(CallContext, Job, JobPolicy, boolean)} does: those the store keeps in their own columns,
   * and whether the job is redacted. The spec's other members are left empty.
   */
  static final Set<JobField> SUMMARY_FIELDS = summaryFields();

  private final OutputLocator outputs;

  JobViews(OutputLocator outputs) {
    this.outputs = outputs;
  }

  /**
   * The job as {@code context} may see it; the environment only when {@code withEnv} (job.get) and
   * the caller sees the job in full.
   */
  JobInfo view(CallContext context, Job job, JobPolicy policy, boolean withEnv) {
    return view(context, job, policy, withEnv, true);
  }

  /**
   * As {@link #view(CallContext, Job, JobPolicy, boolean)}, with null output paths unless {@code
   * withPaths}: a listing that does not show them need not resolve them.
   */
  JobInfo view(CallContext context, Job job, JobPolicy policy, boolean withEnv, boolean withPaths) {
    JobInfo full = full(job, withEnv, withPaths);
    return JobAccess.seesInFull(context, job, policy) ? full : full.redact();
  }

  /**
   * The summary as {@code context} may see it: equal to the view of the whole job in the members of
   * {@link #SUMMARY_FIELDS}; the spec's other members are empty (null, or none).
   */
  JobInfo view(CallContext context, JobSummary job, JobPolicy policy) {
    JobInfo info = info(job, null, false, null);
    return JobAccess.seesInFull(context, job.owner().uid(), policy) ? info : info.redact();
  }

  private static Set<JobField> summaryFields() {
    Set<JobField> fields = EnumSet.range(JobField.ID, JobField.SIGNAL);
    fields.add(JobField.REDACTED);
    return fields;
  }

  private JobInfo full(Job job, boolean withEnv, boolean withPaths) {
    return info(JobSummary.of(job), job.spec(), withEnv, withPaths ? outputs.paths(job) : null);
  }

  /** The job's members; those only in its spec are empty (null, or none) without {@code spec}. */
  private static JobInfo info(JobSummary job, JobSpec spec, boolean withEnv, LogResult paths) {
    return new JobInfo(
        job.id(),
        job.arrayJobId(),
        job.arrayTaskId() == null ? null : job.arrayTaskId().longValue(),
        job.owner().user(),
        job.owner().uid(),
        job.name(),
        job.state(),
        job.reason(),
        job.priority(),
        job.gpus(),
        job.assignedGpus(),
        job.submitTime(),
        job.startTime(),
        job.endTime(),
        job.exit() == null ? null : job.exit().code(),
        job.exit() == null ? null : job.exit().signal(),
        spec == null || spec.timeLimit() == null ? null : spec.timeLimit().toSeconds(),
        spec == null ? null : spec.begin(),
        spec == null ? List.of() : spec.dependsOn(),
        spec == null ? DependencyMode.ALL : spec.dependencyMode(),
        spec == null ? null : spec.group(),
        spec == null ? null : spec.project(),
        false,
        spec == null ? null : spec.command(),
        spec == null ? null : spec.script(),
        spec == null ? null : spec.cwd(),
        spec != null && withEnv ? spec.env() : null,
        paths == null ? null : paths.stdoutPath(),
        paths == null ? null : paths.stderrPath());
  }
}
