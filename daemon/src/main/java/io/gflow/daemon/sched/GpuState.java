package io.gflow.daemon.sched;

import io.gflow.daemon.job.Job;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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

  /** The GPUs present, allowed or held by one of the running jobs, in index order. */
  static List<GpuState> of(Resources resources, Collection<Job> running) {
    Map<Integer, Long> holders = new TreeMap<>();
    for (Job job : running) {
      job.assignedGpus().forEach(index -> holders.putIfAbsent(index, job.id()));
    }
    Set<Integer> indices = new TreeSet<>(resources.gpus());
    indices.addAll(resources.allowedGpus());
    indices.addAll(holders.keySet());
    List<GpuState> states = new ArrayList<>();
    for (int index : indices) {
      Long holder = holders.get(index);
      states.add(
          new GpuState(index, resources.allowedGpus().contains(index), holder != null, holder));
    }
    return List.copyOf(states);
  }
}
