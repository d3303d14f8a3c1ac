package io.gflow.cli.doctor;

import io.gflow.protocol.SafeText;
import io.gflow.protocol.client.DaemonPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates the config file with the daemon's own rules by running {@code gflowd run --check-config
 * --config FILE}: the CLI never loads daemon code (nor the TOML parser, which would slow every
 * command's start), and a second copy of the rules would drift from the daemon's. Stateless.
 */
final class ConfigCheck {
  private ConfigCheck() {}

  /** Which file the daemon would read: --config, $GFLOW_CONFIG, else the mode's default. */
  static Path configFile(Path flag, Map<String, String> env, boolean system, String home) {
    if (flag != null) {
      return flag.toAbsolutePath().normalize();
    }
    String fromEnv = env.get("GFLOW_CONFIG");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return Path.of(fromEnv).toAbsolutePath().normalize();
    }
    return DaemonPaths.configFile(system, env, home);
  }

  /**
   * {@code --gflowd}, else {@code bin/gflowd} of the installation this class was loaded from
   * ({@code lib/gflow-cli.jar} sits next to {@code bin/}), else {@code gflowd} on PATH.
   */
  static Optional<Path> findGflowd(
      Path flag, Optional<Path> installation, Map<String, String> env) {
    if (flag != null) {
      return Programs.find(flag.toString(), env);
    }
    if (installation.isPresent()) {
      Optional<Path> installed =
          Programs.find(installation.get().resolve("bin").resolve("gflowd").toString(), env);
      if (installed.isPresent()) {
        return installed;
      }
    }
    return Programs.find("gflowd", env);
  }

  /** The installation directory when this code runs from {@code <dir>/lib/*.jar}. */
  static Optional<Path> installation() {
    try {
      java.security.CodeSource source = ConfigCheck.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      Path jar = Path.of(source.getLocation().toURI());
      Path lib = jar.getParent();
      if (!jar.toString().endsWith(".jar")
          || lib == null
          || lib.getParent() == null
          || !lib.getFileName().toString().equals("lib")) {
        return Optional.empty();
      }
      return Optional.of(lib.getParent());
    } catch (java.net.URISyntaxException | RuntimeException unknown) {
      return Optional.empty();
    }
  }

  static Finding check(Path config, boolean explicit, Optional<Path> gflowd, Duration timeout) {
    if (!Files.exists(config, LinkOption.NOFOLLOW_LINKS)) {
      return explicit
          ? Finding.fail("config", config, "does not exist", "check the path you gave")
          : Finding.ok("config", config, "no config file; the defaults apply");
    }
    if (!Files.isReadable(config)) {
      return Finding.warn(
          "config",
          config,
          "not validated: you may not read it (the daemon's config is often root-only)",
          "run gctl doctor as root or as the daemon's user");
    }
    if (gflowd.isEmpty()) {
      return Finding.warn(
          "config",
          config,
          "not validated: no gflowd found (next to gctl or on PATH)",
          "pass --gflowd PATH, or run: gflowd run --check-config --config " + config);
    }
    List<String> command =
        List.of(gflowd.get().toString(), "run", "--check-config", "--config", config.toString());
    Optional<Programs.Result> result;
    try {
      result = Programs.run(command, timeout);
    } catch (IOException failed) {
      return Finding.warn(
          "config",
          config,
          "not validated: cannot run " + gflowd.get() + ": " + failed.getMessage(),
          "run: gflowd run --check-config --config " + config);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Finding.warn("config", config, "not validated: interrupted", "run gctl doctor again");
    }
    if (result.isEmpty()) {
      return Finding.warn(
          "config",
          config,
          "not validated: gflowd --check-config took more than " + timeout.toSeconds() + " s",
          "try a longer --timeout");
    }
    return verdict(config, result.get());
  }

  /** Exit 0 is valid; otherwise gflowd's own message names the file, line and key. */
  static Finding verdict(Path config, Programs.Result result) {
    if (result.exitCode() == 0) {
      return Finding.ok("config", config, "valid (gflowd run --check-config)");
    }
    String reason =
        result
            .output()
            .lines()
            .filter(line -> line.startsWith("gflowd: "))
            .map(line -> line.substring("gflowd: ".length()))
            .findFirst()
            .orElse("gflowd --check-config exited " + result.exitCode());
    return Finding.fail(
        "config",
        config,
        SafeText.escape(reason, 1000),
        "edit "
            + config
            + " (keys: README, Configuration), then: gflowd run --check-config"
            + " --config "
            + config
            + "; and gctl reload for a running daemon");
  }
}
