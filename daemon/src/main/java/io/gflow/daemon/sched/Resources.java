package io.gflow.daemon.sched;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the scheduler may hand out: CPU job slots (each running job takes one), the GPUs present on
 * the host and the subset of them jobs may use. Limits an admin sets are {@link QueueLimits}.
 * Immutable and thread-safe.
 *
 * @param slots how many jobs may run at once (0 = none may start)
 * @param gpus indices of the GPUs present, in order (shown by {@link Scheduler#gpus()})
 * @param allowedGpus indices jobs may be given; may name GPUs not in {@code gpus} (from config)
 */
public record Resources(int slots, List<Integer> gpus, Set<Integer> allowedGpus) {

  public Resources {
    if (slots < 0) {
      throw new IllegalArgumentException("slots (" + slots + ") must be >= 0");
    }
    gpus = List.copyOf(new TreeSet<>(gpus));
    allowedGpus = Set.copyOf(allowedGpus);
    for (int index : gpus) {
      checkIndex(index);
    }
    for (int index : allowedGpus) {
      checkIndex(index);
    }
  }

  /** {@code slots} CPU slots and no GPUs. */
  public static Resources cpuOnly(int slots) {
    return new Resources(slots, List.of(), Set.of());
  }

  /** {@code slots} CPU slots and these GPUs, all allowed. */
  public static Resources of(int slots, List<Integer> gpus) {
    return new Resources(slots, gpus, Set.copyOf(gpus));
  }

  public Resources withAllowedGpus(Set<Integer> allowed) {
    return new Resources(slots, gpus, allowed);
  }

  private static void checkIndex(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("GPU index (" + index + ") must be >= 0");
    }
  }
}
