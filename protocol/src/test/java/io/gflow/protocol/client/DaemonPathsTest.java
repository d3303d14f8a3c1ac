package io.gflow.protocol.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DaemonPathsTest {
  @Test
  void systemModeIgnoresTheEnvironment() {
    Map<String, String> env = Map.of("XDG_STATE_HOME", "/s", "XDG_CONFIG_HOME", "/c");
    assertEquals(Path.of("/var/lib/gflow"), DaemonPaths.stateDir(true, env, "/home/u"));
    assertEquals(Path.of("/etc/gflow/gflowd.toml"), DaemonPaths.configFile(true, env, "/home/u"));
  }

  @Test
  void personalModeUsesAbsoluteXdgDirectories() {
    Map<String, String> env = Map.of("XDG_STATE_HOME", "/s", "XDG_CONFIG_HOME", "/c");
    assertEquals(Path.of("/s/gflow"), DaemonPaths.stateDir(false, env, "/home/u"));
    assertEquals(Path.of("/c/gflow/gflowd.toml"), DaemonPaths.configFile(false, env, "/home/u"));
  }

  @Test
  void personalModeFallsBackToHomeWhenXdgIsMissingOrRelative() {
    Map<String, String> relative = Map.of("XDG_STATE_HOME", "s", "XDG_CONFIG_HOME", "c");
    assertEquals(
        Path.of("/home/u/.local/state/gflow"), DaemonPaths.stateDir(false, relative, "/home/u"));
    assertEquals(
        Path.of("/home/u/.config/gflow/gflowd.toml"),
        DaemonPaths.configFile(false, Map.of(), "/home/u"));
  }
}
