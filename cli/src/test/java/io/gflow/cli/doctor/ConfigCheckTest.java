package io.gflow.cli.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCheckTest {
  private static final Path FILE = Path.of("/etc/gflow/gflowd.toml");

  @Test
  void configFile_flagThenEnvThenModeDefault() {
    assertEquals(
        Path.of("/x.toml"),
        ConfigCheck.configFile(Path.of("/x.toml"), Map.of("GFLOW_CONFIG", "/y"), true, "/h"));
    assertEquals(
        Path.of("/y.toml"),
        ConfigCheck.configFile(null, Map.of("GFLOW_CONFIG", "/y.toml"), true, "/h"));
    assertEquals(FILE, ConfigCheck.configFile(null, Map.of(), true, "/h"));
    assertEquals(
        Path.of("/xdg/gflow/gflowd.toml"),
        ConfigCheck.configFile(null, Map.of("XDG_CONFIG_HOME", "/xdg"), false, "/h"));
    assertEquals(
        Path.of("/h/.config/gflow/gflowd.toml"),
        ConfigCheck.configFile(null, Map.of(), false, "/h"));
  }

  @Test
  void findGflowd_flagThenInstallationThenPath(@TempDir Path dir) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("home/bin"));
    Path installed = Files.createFile(bin.resolve("gflowd"));
    Files.setPosixFilePermissions(installed, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> noPath = Map.of("PATH", "/nonexistent");
    assertEquals(
        Optional.of(installed),
        ConfigCheck.findGflowd(null, Optional.of(dir.resolve("home")), noPath));
    assertEquals(Optional.empty(), ConfigCheck.findGflowd(null, Optional.of(dir), noPath));
    assertEquals(
        Optional.of(installed),
        ConfigCheck.findGflowd(null, Optional.empty(), Map.of("PATH", "/nonexistent:" + bin)));
    assertEquals(
        Optional.empty(),
        ConfigCheck.findGflowd(dir.resolve("nope"), Optional.of(dir.resolve("home")), noPath));
  }

  @Test
  void verdict_exit0IsOk() {
    assertEquals(
        Status.OK,
        ConfigCheck.verdict(FILE, new Programs.Result(0, "gflowd: config OK: " + FILE)).status());
  }

  @Test
  void verdict_refusalQuotesGflowdsMessage() {
    Finding finding =
        ConfigCheck.verdict(
            FILE,
            new Programs.Result(
                2, "gflowd: " + FILE + ":3: unknown key 'bogus' (known: socket, state_dir)\n"));
    assertEquals(Status.FAIL, finding.status());
    assertEquals(FILE + ":3: unknown key 'bogus' (known: socket, state_dir)", finding.message());
  }

  @Test
  void check_absentOptionalFile_okAbsentExplicitFileFails() {
    Path absent = Path.of("/nonexistent/gflowd.toml");
    Duration second = Duration.ofSeconds(1);
    assertEquals(Status.OK, ConfigCheck.check(absent, false, Optional.empty(), second).status());
    assertEquals(Status.FAIL, ConfigCheck.check(absent, true, Optional.empty(), second).status());
  }
}
