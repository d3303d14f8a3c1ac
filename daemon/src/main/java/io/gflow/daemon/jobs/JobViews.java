package io.gflow.daemon.jobs;

import io.gflow.daemon.job.Job;
import io.gflow.daemon.job.JobSpec;
import io.gflow.daemon.rpc.CallContext;
import io.gflow.protocol.job.JobInfo;
import io.gflow.protocol.job.LogResult;

/** Turns a daemon {@link Job} into the {@link JobInfo} a given caller may see. Thread-safe. */
final class JobViews {
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

  private JobInfo full(Job job, boolean withEnv, boolean withPaths) {
    JobSpec spec = job.spec();
    LogResult paths = withPaths ? outputs.paths(job) : null;
    return new JobInfo(
        job.id(),
        job.arrayJobId(),
        job.arrayTaskId() == null ? null : job.arrayTaskId().longValue(),
        job.owner().user(),
        job.owner().uid(),
        spec.name(),
        job.state(),
        job.reason(),
        spec.priority(),
        spec.gpus(),
        job.assignedGpus(),
        job.submitTime(),
        job.startTime(),
        job.endTime(),
        job.exit() == null ? null : job.exit().code(),
        job.exit() == null ? null : job.exit().signal(),
        spec.timeLimit() == null ? null : spec.timeLimit().toSeconds(),
        spec.begin(),
        spec.dependsOn(),
        spec.dependencyMode(),
        spec.group(),
        spec.project(),
        false,
        spec.command(),
        spec.script(),
        spec.cwd(),
        withEnv ? spec.env() : null,
        paths == null ? null : paths.stdoutPath(),
        paths == null ? null : paths.stderrPath());
  }
}
