package io.gflow.daemon.config;

import static io.gflow.daemon.config.DurationParser.checkRange;

import java.time.Duration;
import java.util.Objects;

/**
 * Scheduler settings ({@code [scheduler]} in gflowd.toml): CPU job slots (0 = number of cores),
 * GPUs, the nvidia-smi command, the grace period between SIGTERM and SIGKILL, how long finished
 * jobs are kept and how often GPUs are probed for processes the queue did not start ({@code
 * gpu_poll}). Immutable and thread-safe.
 */
public record SchedulerSettings(
    int slots,
    GpuSetting gpus,
    String nvidiaSmi,
    Duration killGrace,
    Duration retention,
    Duration gpuPoll) {

  static final int MAX_SLOTS = 65_536;
  static final Duration KILL_GRACE_MAX = Duration.ofHours(1);
  static final Duration RETENTION_MIN = Duration.ofMinutes(1);
  static final Duration RETENTION_MAX = Duration.ofDays(3650);
  static final int MAX_COMMAND_CHARS = 4096;
  static final Duration GPU_POLL_DEFAULT = Duration.ofSeconds(30);
  static final Duration GPU_POLL_MIN = Duration.ofMillis(100);
  static final Duration GPU_POLL_MAX = Duration.ofHours(1);

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
    Objects.requireNonNull(gpuPoll, "gpu_poll");
    checkRange("gpu_poll", gpuPoll, GPU_POLL_MIN, GPU_POLL_MAX);
  }

  /** These settings with the default GPU poll interval (30 s). */
  public SchedulerSettings(
      int slots, GpuSetting gpus, String nvidiaSmi, Duration killGrace, Duration retention) {
    this(slots, gpus, nvidiaSmi, killGrace, retention, GPU_POLL_DEFAULT);
  }

  /**
   * 0 slots (= cores), GPUs "auto", "nvidia-smi", 10 s kill grace, 30 days retention, GPUs probed
   * for foreign processes every 30 s.
   */
  public static SchedulerSettings defaults() {
    return new SchedulerSettings(
        0, GpuSetting.auto(), "nvidia-smi", Duration.ofSeconds(10), Duration.ofDays(30));
  }
}
