package io.gflow.protocol.client;

import java.nio.file.Path;
import java.util.Map;

/**
 * The default state directory and config file of SPEC §2 for each mode, shared by gflowd (which
 * uses them) and {@code gctl doctor} (which checks them), so the two cannot drift. Computed from an
 * environment map and a home directory so that tests can pass their own. Stateless.
 */
public final class DaemonPaths {
  /** The system daemon's state directory. */
  public static final Path SYSTEM_STATE_DIR = Path.of("/var/lib/gflow");

  /** The system daemon's config file. */
  public static final Path SYSTEM_CONFIG = Path.of("/etc/gflow/gflowd.toml");

  private DaemonPaths() {}

  /** {@code $XDG_STATE_HOME/gflow}, else {@code ~/.local/state/gflow}; the system dir as root. */
  public static Path stateDir(boolean system, Map<String, String> env, String home) {
    return system ? SYSTEM_STATE_DIR : xdg(env, "XDG_STATE_HOME", home, ".local/state");
  }

  /** {@code $XDG_CONFIG_HOME/gflow/gflowd.toml}, else {@code ~/.config/gflow/gflowd.toml}. */
  public static Path configFile(boolean system, Map<String, String> env, String home) {
    return system
        ? SYSTEM_CONFIG
        : xdg(env, "XDG_CONFIG_HOME", home, ".config").resolve("gflowd.toml");
  }

  /** {@code $VAR/gflow} when it is absolute, else {@code ~/<fallback>/gflow}. */
  private static Path xdg(Map<String, String> env, String variable, String home, String fallback) {
    String base = env.get(variable);
    if (base != null && base.startsWith("/")) {
      return Path.of(base, "gflow");
    }
    return Path.of(home, fallback, "gflow");
  }
}
