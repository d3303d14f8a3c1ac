package io.gflow.cli.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.cli.CliRunner;
import io.gflow.cli.ctl.GctlCommand;
import io.gflow.daemon.DaemonExtension;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** gctl doctor against a real personal daemon: a good setup passes, each breakage is named. */
@Timeout(120)
class DoctorIT {
  static final String FAKE_SMI =
      "#!/bin/sh\necho '0, GPU-aaaa, NVIDIA A100-SXM4-80GB, 81920 MiB'\n"
          + "echo '1, GPU-bbbb, NVIDIA A100-SXM4-80GB, 81920 MiB'\n";

  @RegisterExtension
  final DaemonExtension daemon = DaemonExtension.withConfig("private_data = true\n");

  @TempDir Path tools;

  /** The config file the next {@link #doctor} validates; null: the fixture's. */
  Path config;

  /** The nvidia-smi the next {@link #doctor} runs; null: a fake printing two GPUs. */
  Path nvidiaSmi;

  /**
   * Runs {@code gctl doctor} with the fixture's socket, state dir and config, a fake nvidia-smi and
   * a gflowd for the config check, then {@code args}.
   */
  CliRunner.Run doctor(String... args) throws Exception {
    List<String> all =
        new ArrayList<>(
            List.of(
                "doctor",
                "--socket",
                daemon.socket().toString(),
                "--state-dir",
                daemon.stateDir().toString(),
                "--config",
                (config != null ? config : daemon.configFile()).toString(),
                "--nvidia-smi",
                (nvidiaSmi != null ? nvidiaSmi : script("nvidia-smi", FAKE_SMI)).toString(),
                "--gflowd",
                DoctorFixtures.gflowdScript(tools).toString(),
                "--timeout",
                "60"));
    all.addAll(List.of(args));
    return CliRunner.exec(new GctlCommand(), all);
  }

  Path script(String name, String text) throws Exception {
    Path script = tools.resolve(name);
    Files.writeString(script, text);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  @Test
  void doctor_goodPersonalSetup_exit0AllOk() throws Exception {
    CliRunner.Run run = doctor();
    assertEquals(0, run.exitCode(), run.both());
    assertTrue(run.stdout().contains("OK   daemon " + daemon.socket() + ": answers"), run.both());
    assertTrue(run.stdout().contains("OK   server uid "), run.both());
    assertTrue(run.stdout().contains("OK   config " + daemon.configFile() + ": valid"), run.both());
    assertTrue(run.stdout().contains("OK   gpus "), run.both());
    assertTrue(run.stdout().contains("2 GPU(s): 0 NVIDIA A100-SXM4-80GB"), run.both());
    assertTrue(run.stdout().contains("OK   role "), run.both());
    assertTrue(run.stdout().contains("role admin"), run.both());
    assertTrue(run.stdout().contains("OK   lock file " + daemon.socket() + ".lock"), run.both());
    assertTrue(run.stdout().contains("OK   state dir " + daemon.stateDir()), run.both());
    assertTrue(run.stdout().endsWith("checks passed\n"), run.both());
    assertEquals("", run.stderr());
    System.out.println(run.stdout()); // the whole report, for whoever reads the test log
  }

  @Test
  void doctor_json_isArrayOfFiveMemberObjects() throws Exception {
    CliRunner.Run run = doctor("--json");
    assertEquals(0, run.exitCode(), run.both());
    JsonArray findings = (JsonArray) Json.parse(run.stdout().trim());
    assertTrue(findings.elements().size() >= 8, run.stdout());
    for (JsonValue element : findings.elements()) {
      JsonObject finding = (JsonObject) element;
      assertEquals(5, finding.members().size(), finding.toString());
      assertTrue(List.of("ok", "warn", "fail").contains(finding.stringOrNull("status")));
    }
  }

  @Test
  void doctor_worldWritableSocketDir_failsWithChmod() throws Exception {
    Path dir = daemon.socket().getParent();
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    CliRunner.Run run = doctor();
    assertEquals(1, run.exitCode(), run.both());
    assertTrue(
        run.stdout()
            .contains(
                "FAIL socket dir "
                    + dir
                    + ": is mode 0777, writable by group and others without the sticky bit,"
                    + " so others can replace the socket\n     fix: chmod go-w "
                    + dir
                    + "\n"),
        run.both());
  }

  @Test
  void doctor_stateDirGroupWritable_failsWithChmod() throws Exception {
    Files.setPosixFilePermissions(daemon.stateDir(), PosixFilePermissions.fromString("rwxrwx---"));
    CliRunner.Run run = doctor();
    assertEquals(1, run.exitCode(), run.both());
    assertTrue(
        run.stdout()
            .contains(
                "FAIL state dir "
                    + daemon.stateDir()
                    + ": is mode 0770, writable by group, who could change the job database\n"
                    + "     fix: chmod g-w "
                    + daemon.stateDir()),
        run.both());
  }

  @Test
  void doctor_unknownConfigKey_failsNamingKeyAndLine() throws Exception {
    Path bad = tools.resolve("bad.toml");
    Files.writeString(bad, "private_data = true\nbogus_key = 1\n");
    Files.setPosixFilePermissions(bad, PosixFilePermissions.fromString("rw-r--r--"));
    config = bad;
    CliRunner.Run run = doctor();
    assertEquals(1, run.exitCode(), run.both());
    assertTrue(
        run.stdout().contains("FAIL config " + bad + ": " + bad + ":2: unknown key 'bogus_key'"),
        run.both());
    assertTrue(
        run.stdout().contains("     fix: edit " + bad + " (keys: README, Configuration)"),
        run.both());
  }

  @Test
  void doctor_daemonStopped_failsNotRunningWithStartFix() throws Exception {
    daemon.stop();
    CliRunner.Run run = doctor();
    assertEquals(1, run.exitCode(), run.both());
    assertTrue(
        run.stdout()
            .contains(
                "FAIL daemon "
                    + daemon.socket()
                    + ": not running: no socket at this path\n     fix: gflowd start"),
        run.both());
  }

  @Test
  void doctor_adminWithoutStateDirFlag_checksTheStateDirTheDaemonNames() throws Exception {
    CliRunner.Run run =
        CliRunner.exec(
            new GctlCommand(),
            List.of(
                "doctor",
                "--socket",
                daemon.socket().toString(),
                "--config",
                daemon.configFile().toString(),
                "--gflowd",
                "/nonexistent/gflowd",
                "--nvidia-smi",
                "/nonexistent/nvidia-smi"));
    assertEquals(0, run.exitCode(), run.both());
    assertTrue(
        run.stdout().contains("OK   state dir " + daemon.stateDir() + ": mode 0700"), run.both());
    assertTrue(run.stdout().contains("WARN config " + daemon.configFile() + ": not validated"));
  }

  @Test
  void doctor_noNvidiaSmi_warnsButExit0() throws Exception {
    nvidiaSmi = tools.resolve("absent");
    CliRunner.Run run = doctor();
    assertEquals(0, run.exitCode(), run.both());
    assertTrue(
        run.stdout().contains("WARN gpus " + tools.resolve("absent") + ": not found"), run.both());
  }

  @Test
  void doctor_badTimeout_usageExit2() throws Exception {
    CliRunner.Run run = CliRunner.exec(new GctlCommand(), List.of("doctor", "--timeout", "0"));
    assertEquals(2, run.exitCode(), run.both());
    assertTrue(
        run.stderr().startsWith("gctl doctor: --timeout (0) must be in 1..3600"), run.both());
  }
}
