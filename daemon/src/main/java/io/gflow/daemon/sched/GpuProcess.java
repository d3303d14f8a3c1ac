package io.gflow.daemon.sched;

import java.util.Objects;

/**
 * A compute process nvidia-smi saw on a GPU (used to show processes the queue did not start).
 * Immutable and thread-safe.
 *
 * @param usedMemoryMib memory it uses in MiB, -1 when nvidia-smi did not say
 */
public record GpuProcess(String gpuUuid, long pid, long usedMemoryMib) {
  public GpuProcess {
    Objects.requireNonNull(gpuUuid, "gpuUuid");
  }
}
