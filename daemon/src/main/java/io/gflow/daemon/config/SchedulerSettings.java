package io.gflow.daemon.config;

import static io.gflow.daemon.config.DurationParser.checkRange;

import java.time.Duration;
import java.util.Objects;

/**
 * Scheduler settings ({@code [scheduler]} in gflowd.toml): CPU job slots (0 = number of cores),
 * GPUs, the nvidia-smi command, the grace period between SIGTERM and SIGKILL and how long finished
 * jobs are kept. Immutable and thread-safe.
 */
public record SchedulerSettings(
    int slots, GpuSetting gpus, String nvidiaSmi, Duration killGrace, Duration retention) {

  static final int MAX_SLOTS = 65_536;
  static final Duration KILL_GRACE_MAX = Duration.ofHours(1);
  static final Duration RETENTION_MIN = Duration.ofMinutes(1);
  static final Duration RETENTION_MAX = Duration.ofDays(3650);
  static final int MAX_COMMAND_CHARS = 4096;

  public SchedulerSettings {
    Objects.requireNonNull(gpus, "gpus");
    Objects.requireNonNull(nvidiaSmi, "nvidia_smi");
    Objects.requireNonNull(killGrace, "kill_grace");
    Objects.requireNonNull(retention, "retention");
    checkRange("slots", slots, 0, MAX_SLOTS);
    if (nvidiaSmi.isEmpty()
        || nvidiaSmi.length() > MAX_COMMAND_CHARS
        || nvidiaSmi.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "nvidia_smi must be a command name or path without control characters");
    }
    checkRange("kill_grace", killGrace, Duration.ZERO, KILL_GRACE_MAX);
    checkRange("retention", retention, RETENTION_MIN, RETENTION_MAX);
  }

  /** 0 slots (= cores), GPUs "auto", "nvidia-smi", 10 s kill grace, 30 days retention. */
  public static SchedulerSettings defaults() {
    return new SchedulerSettings(
        0, GpuSetting.auto(), "nvidia-smi", Duration.ofSeconds(10), Duration.ofDays(30));
  }
}
