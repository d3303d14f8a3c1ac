package io.gflow.daemon;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a daemon lives, after command line, config file and mode defaults have been combined.
 * {@code configFile} may be null (no config: defaults apply); {@code configRequired} says whether a
 * missing file is an error (it was named explicitly). Immutable and thread-safe.
 */
public record DaemonSettings(
    Mode mode, Path socket, Path stateDir, Path configFile, boolean configRequired, long ownUid) {
  public DaemonSettings {
    Objects.requireNonNull(mode, "mode");
    socket = Objects.requireNonNull(socket, "socket").toAbsolutePath().normalize();
    stateDir = Objects.requireNonNull(stateDir, "stateDir").toAbsolutePath().normalize();
  }
}
