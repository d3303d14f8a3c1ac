package io.gflow.daemon.sched;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the scheduler may hand out: CPU job slots (each running job takes one), the GPUs present on
 * the host, the subset of them jobs may use, and per-group limits on running jobs. Immutable and
 * thread-safe.
 *
 * @param slots how many jobs may run at once (0 = none may start)
 * @param gpus indices of the GPUs present, in order (shown by {@link Scheduler#gpus()})
 * @param allowedGpus indices jobs may be given; may name GPUs not in {@code gpus} (from config)
 * @param groupLimits group name → most jobs of that group running at once
 */
public record Resources(
    int slots, List<Integer> gpus, Set<Integer> allowedGpus, Map<String, Integer> groupLimits) {

  public Resources {
    if (slots < 0) {
      throw new IllegalArgumentException("slots (" + slots + ") must be >= 0");
    }
    gpus = List.copyOf(new TreeSet<>(gpus));
    allowedGpus = Set.copyOf(allowedGpus);
    groupLimits = Map.copyOf(groupLimits);
    for (int index : gpus) {
      checkIndex(index);
    }
    for (int index : allowedGpus) {
      checkIndex(index);
    }
    groupLimits.forEach(
        (group, limit) -> {
          Objects.requireNonNull(group, "group");
          if (limit < 0) {
            throw new IllegalArgumentException(
                "limit of group " + group + " (" + limit + ") must be >= 0");
          }
        });
  }

  /** {@code slots} CPU slots and no GPUs. */
  public static Resources cpuOnly(int slots) {
    return new Resources(slots, List.of(), Set.of(), Map.of());
  }

  /** {@code slots} CPU slots and these GPUs, all allowed; no group limits. */
  public static Resources of(int slots, List<Integer> gpus) {
    return new Resources(slots, gpus, Set.copyOf(gpus), Map.of());
  }

  public Resources withAllowedGpus(Set<Integer> allowed) {
    return new Resources(slots, gpus, allowed, groupLimits);
  }

  public Resources withGroupLimits(Map<String, Integer> limits) {
    return new Resources(slots, gpus, allowedGpus, limits);
  }

  private static void checkIndex(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("GPU index (" + index + ") must be >= 0");
    }
  }
}
