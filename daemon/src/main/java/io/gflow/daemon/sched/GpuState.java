package io.gflow.daemon.sched;

/**
 * One GPU as the scheduler sees it: whether jobs may use it, and which job holds it. Immutable and
 * thread-safe.
 *
 * @param jobId the running job that holds it, null when free
 */
public record GpuState(int index, boolean allowed, boolean busy, Long jobId) {
  public GpuState {
    if (busy != (jobId != null)) {
      throw new IllegalArgumentException("a busy GPU names its job, a free one none");
    }
  }
}
