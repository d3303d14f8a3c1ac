package io.gflow.daemon.launch;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The path flags every gflowd subcommand shares. Mutable picocli mixin; one per parse. */
final class PathOptions {
  @Option(
      names = "--socket",
      paramLabel = "PATH",
      description = "Socket path (default: personal or system path, SPEC §2).")
  Path socket;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "State directory (default: ~/.local/state/gflow or /var/lib/gflow).")
  Path stateDir;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Config file (default: $GFLOW_CONFIG, then the mode's gflowd.toml).")
  Path config;

  @Option(
      names = "--system",
      description = "Shared-host mode: run as root, system paths, jobs run as their submitters.")
  boolean system;
}
