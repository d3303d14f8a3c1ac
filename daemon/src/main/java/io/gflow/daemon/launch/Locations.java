package io.gflow.daemon.launch;

import io.gflow.daemon.DaemonSettings;
import io.gflow.daemon.Mode;
import io.gflow.daemon.config.ConfigException;
import io.gflow.daemon.config.ConfigLoader;
import io.gflow.daemon.config.DaemonConfig;
import io.gflow.protocol.client.DaemonPaths;
import io.gflow.protocol.client.SocketPaths;
import java.nio.file.Path;
import java.util.Map;

/**
 * Combines command-line paths, the config file and the mode's defaults (SPEC §2) into {@link
 * DaemonSettings}: flag, then config, then default. Stateless.
 */
final class Locations {
  /** The settings and the config they were read with. */
  record Resolved(DaemonSettings settings, DaemonConfig config) {}

  private Locations() {}

  static Resolved resolve(PathOptions options, Map<String, String> env, long ownUid)
      throws ConfigException {
    Mode mode = options.system ? Mode.SYSTEM : Mode.PERSONAL;
    Path configFile = options.config;
    boolean required = configFile != null;
    if (configFile == null && env.get("GFLOW_CONFIG") != null) {
      configFile = Path.of(env.get("GFLOW_CONFIG"));
      required = true;
    }
    String home = System.getProperty("user.home");
    if (configFile == null) {
      configFile = DaemonPaths.configFile(mode == Mode.SYSTEM, env, home);
    }
    configFile = configFile.toAbsolutePath().normalize();
    DaemonConfig config =
        required ? ConfigLoader.load(configFile) : ConfigLoader.loadOptional(configFile);
    Path socket = first(options.socket, config.socket(), defaultSocket(mode, env, ownUid));
    Path stateDir =
        first(
            options.stateDir,
            config.stateDir(),
            DaemonPaths.stateDir(mode == Mode.SYSTEM, env, home));
    return new Resolved(
        new DaemonSettings(mode, socket, stateDir, configFile, required, ownUid), config);
  }

  static Path defaultSocket(Mode mode, Map<String, String> env, long ownUid) {
    return mode == Mode.SYSTEM
        ? SocketPaths.SYSTEM_SOCKET
        : SocketPaths.personalSocket(env, ownUid);
  }

  private static Path first(Path flag, Path fromConfig, Path fallback) {
    if (flag != null) {
      return flag;
    }
    return fromConfig != null ? fromConfig : fallback;
  }
}
