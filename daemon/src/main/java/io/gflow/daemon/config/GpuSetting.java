package io.gflow.daemon.config;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which GPUs the scheduler may hand out: detected with nvidia-smi ({@code "auto"}), none at all
 * ({@code "none"}), or an explicit list of device indices ({@code [0, 1, 3]}). Immutable and
 * thread-safe.
 */
public record GpuSetting(Mode mode, List<Integer> indices) {
  /** Largest device index accepted in an explicit list. */
  public static final int MAX_INDEX = 1023;

  /** How the GPU set is determined. Thread-safe enum. */
  public enum Mode {
    AUTO,
    NONE,
    LIST
  }

  public GpuSetting {
    Objects.requireNonNull(mode, "mode");
    indices = List.copyOf(indices);
    if (mode == Mode.LIST ? indices.isEmpty() : !indices.isEmpty()) {
      throw new IllegalArgumentException("gpus: mode " + mode + " does not fit indices " + indices);
    }
    Set<Integer> seen = new HashSet<>();
    for (int index : indices) {
      if (index < 0 || index > MAX_INDEX) {
        throw new IllegalArgumentException(
            "gpus: index (" + index + ") must be in 0.." + MAX_INDEX);
      }
      if (!seen.add(index)) {
        throw new IllegalArgumentException("gpus: index " + index + " is listed twice");
      }
    }
  }

  public static GpuSetting auto() {
    return new GpuSetting(Mode.AUTO, List.of());
  }

  public static GpuSetting none() {
    return new GpuSetting(Mode.NONE, List.of());
  }

  /** An explicit list; an empty list means no GPUs. */
  public static GpuSetting of(List<Integer> indices) {
    return indices.isEmpty() ? none() : new GpuSetting(Mode.LIST, indices);
  }

  /** The config spelling: {@code auto}, {@code none} or {@code [0, 1, 3]}. */
  @Override
  public String toString() {
    return switch (mode) {
      case AUTO -> "auto";
      case NONE -> "none";
      case LIST -> indices.toString();
    };
  }
}
