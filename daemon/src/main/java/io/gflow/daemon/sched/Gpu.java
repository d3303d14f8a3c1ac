package io.gflow.daemon.sched;

import java.util.Objects;

/**
 * One GPU reported by nvidia-smi. Immutable and thread-safe.
 *
 * @param memoryMib total memory in MiB, -1 when nvidia-smi did not say
 */
public record Gpu(int index, String uuid, String name, long memoryMib) {
  public Gpu {
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(name, "name");
  }
}
