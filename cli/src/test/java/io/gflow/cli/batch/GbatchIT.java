package io.gflow.cli.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.cli.CliRunner;
import io.gflow.cli.job.GjobCommand;
import io.gflow.daemon.DaemonExtension;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** gbatch against a real daemon: argv, scripts with directives, --wrap, arrays, errors. */
@Timeout(60)
class GbatchIT {
  @RegisterExtension
  final DaemonExtension daemon = DaemonExtension.withConfig("allow_root_jobs = true\n");

  @TempDir Path dir;
  private CliRunner cli;

  @BeforeEach
  void runner() {
    cli = new CliRunner(daemon.socket());
  }

  private String out(String name) {
    return dir.resolve(name).toString();
  }

  private String submit(String... args) {
    CliRunner.Run run = cli.run(new GbatchCommand(), args);
    assertEquals(0, run.exitCode(), run.both());
    return run.stdout().trim();
  }

  private CliRunner.Run waitFor(String id) {
    return cli.runSub(new GjobCommand(), "wait", id, "--timeout", "30");
  }

  @Test
  void command_argvReachesJobUntouched() throws Exception {
    String id =
        submit(
            "--parsable",
            "-o",
            out("argv.out"),
            "--",
            "sh",
            "-c",
            "printf '%s|' \"$@\"",
            "x",
            "a  b",
            "*",
            "$(id)",
            "--lr");
    CliRunner.Run done = waitFor(id);
    assertEquals(0, done.exitCode(), done.both());
    assertEquals("job " + id + ": COMPLETED (exit 0)\n", done.stdout());
    assertEquals("a  b|*|$(id)|--lr|", Files.readString(dir.resolve("argv.out")));
  }

  @Test
  void submit_humanOutput_namesJob() {
    CliRunner.Run run = cli.run(new GbatchCommand(), "-o", out("x.out"), "true");
    assertEquals(0, run.exitCode(), run.both());
    assertTrue(run.stdout().matches("Submitted job \\d+\n"), run.stdout());
    assertEquals("", run.stderr());
  }

  @Test
  void script_textReadAtSubmitAndDirectivesApply() throws Exception {
    Path script =
        Files.writeString(
            dir.resolve("job.sh"),
            "#!/bin/sh\n#SBATCH -J scripted --mem=1G\n# GFLOW --hold\necho original\n");
    CliRunner.Run run =
        cli.run(new GbatchCommand(), "--parsable", "-o", out("s.out"), script.toString());
    assertEquals(0, run.exitCode(), run.both());
    assertTrue(
        run.stderr().contains("gbatch: warning: line 2: ignoring #SBATCH --mem=1G"), run.both());
    String id = run.stdout().trim();
    Files.writeString(script, "#!/bin/sh\necho edited\n");
    CliRunner.Run show = cli.runSub(new GjobCommand(), "show", id);
    assertTrue(show.stdout().contains("Name:       scripted"), show.both());
    assertTrue(show.stdout().contains("State:      HELD"), show.both());
    assertTrue(show.stdout().contains("Command:    script (4 lines)"), show.both());
    assertEquals(0, cli.runSub(new GjobCommand(), "release", id).exitCode());
    assertEquals(0, waitFor(id).exitCode());
    assertEquals("original\n", Files.readString(dir.resolve("s.out")));
  }

  @Test
  void script_commandLineWinsOverDirective() throws Exception {
    Path script =
        Files.writeString(dir.resolve("n.sh"), "#!/bin/sh\n#SBATCH -J fromscript\ntrue\n");
    String id =
        submit("--parsable", "--hold", "-J", "fromcli", "-o", out("n.out"), script.toString());
    assertTrue(cli.runSub(new GjobCommand(), "show", id).stdout().contains("Name:       fromcli"));
  }

  @Test
  void wrap_runsShellTextAndFailureIsReported() throws Exception {
    String id = submit("--parsable", "-o", out("w.out"), "--wrap", "echo wrapped; exit 3");
    CliRunner.Run done = waitFor(id);
    assertEquals(1, done.exitCode(), done.both());
    assertEquals("job " + id + ": FAILED (exit 3)\n", done.stdout());
    assertEquals("wrapped\n", Files.readString(dir.resolve("w.out")));
  }

  @Test
  void array_submitsTasks() {
    CliRunner.Run run =
        cli.run(new GbatchCommand(), "-a", "0-2", "--hold", "-o", out("a-%a.out"), "true");
    assertEquals(0, run.exitCode(), run.both());
    assertTrue(
        run.stdout().matches("Submitted array job (\\d+) \\(tasks \\1-\\d+\\)\n"), run.stdout());
  }

  @Test
  void json_printsSubmitResult() throws Exception {
    CliRunner.Run run =
        cli.run(new GbatchCommand(), "--json", "--hold", "-o", out("j.out"), "true");
    JsonObject result = (JsonObject) Json.parse(run.stdout().trim());
    assertEquals(1, ((JsonArray) result.get("ids")).size());
  }

  @Test
  void badTimeLimit_exit2BeforeContactingDaemon() {
    CliRunner.Run run = cli.run(new GbatchCommand(), "-t", "soon", "true");
    assertEquals(2, run.exitCode());
    assertTrue(run.stderr().startsWith("gbatch: time limit 'soon' is not one of"), run.stderr());
    assertEquals("", run.stdout());
  }

  @Test
  void priorityOutOfRange_exit2() {
    CliRunner.Run run = cli.run(new GbatchCommand(), "-p", "120", "true");
    assertEquals(2, run.exitCode(), run.both());
    assertTrue(run.stderr().contains("priority (120) must be in 0..100"), run.stderr());
  }

  @Test
  void noDaemon_exit3() throws Exception {
    daemon.stop();
    CliRunner.Run run = cli.run(new GbatchCommand(), "true");
    assertEquals(3, run.exitCode());
    assertTrue(run.stderr().startsWith("gbatch: cannot reach gflowd at "), run.stderr());
    daemon.start();
  }
}
