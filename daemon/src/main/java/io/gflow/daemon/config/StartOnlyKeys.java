package io.gflow.daemon.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The gflowd.toml keys that a reload cannot apply: the socket and state directory are bound at
 * start, the scheduler is built with its settings, and the audit log opened with its rotation.
 * Everything else (roles, {@code private_data}, {@code [limits]} …) takes effect at reload.
 */
public final class StartOnlyKeys {
  private record Key(String name, Function<DaemonConfig, Object> value) {}

  private static final List<Key> KEYS =
      List.of(
          new Key("socket", DaemonConfig::socket),
          new Key("state_dir", DaemonConfig::stateDir),
          new Key("scheduler.slots", config -> config.scheduler().slots()),
          new Key("scheduler.gpus", config -> config.scheduler().gpus()),
          new Key("scheduler.nvidia_smi", config -> config.scheduler().nvidiaSmi()),
          new Key("scheduler.kill_grace", config -> config.scheduler().killGrace()),
          new Key("scheduler.retention", config -> config.scheduler().retention()),
          new Key("scheduler.gpu_poll", config -> config.scheduler().gpuPoll()),
          new Key("audit.max_bytes", config -> config.audit().maxBytes()),
          new Key("audit.keep", config -> config.audit().keep()));

  private StartOnlyKeys() {}

  /**
   * The start-only keys whose value in {@code next} differs from the one the daemon started with
   * ({@code atStart}), in the order gflowd.toml documents them.
   */
  public static List<String> changed(DaemonConfig atStart, DaemonConfig next) {
    List<String> changed = new ArrayList<>();
    for (Key key : KEYS) {
      if (!Objects.equals(key.value().apply(atStart), key.value().apply(next))) {
        changed.add(key.name());
      }
    }
    return changed;
  }
}
