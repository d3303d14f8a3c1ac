package io.gflow.cli.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.cli.CliRunner;
import io.gflow.daemon.DaemonExtension;
import io.gflow.protocol.job.JobInfo;
import io.gflow.protocol.job.JobState;
import io.gflow.protocol.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** gjob against a real daemon: show, log, hold/release, update, wait, redo. */
@Timeout(60)
class GjobIT {
  @RegisterExtension
  final DaemonExtension daemon = DaemonExtension.withConfig("allow_root_jobs = true\n");

  @TempDir Path dir;
  private CliRunner cli;

  @BeforeEach
  void runner() {
    cli = new CliRunner(daemon.socket());
  }

  private String submit(String... args) {
    return cli.submit(dir, args);
  }

  private CliRunner.Run gjob(String sub, String... args) {
    return cli.runSub(new GjobCommand(), sub, args);
  }

  @Test
  void show_finishedJob_exitTimesCommandPaths() {
    String id = submit("-J", "shown", "sh", "-c", "exit 3");
    gjob("wait", id, "--timeout", "30");
    CliRunner.Run run = gjob("show", id);
    assertEquals(0, run.exitCode(), run.both());
    String text = run.stdout();
    assertTrue(text.startsWith("Job:        " + id + "\n"), text);
    assertTrue(text.contains("State:      FAILED (exit 3"), text);
    assertTrue(text.contains("Exit:       exit 3\n"), text);
    assertTrue(
        text.matches("(?s).*Started:    \\d{4}-.*Ended:      \\d{4}-.*Run time:   \\d+:\\d\\d\n.*"),
        text);
    assertTrue(text.contains("Command:    sh -c 'exit 3'\n"), text);
    assertTrue(text.contains("Output:     " + dir.resolve(id + ".out")), text);
  }

  @Test
  void show_json_isJobInfo() throws Exception {
    String id = submit("--hold", "true");
    CliRunner.Run run = gjob("show", id, "--json");
    JobInfo job = JobInfo.fromJson(Json.parse(run.stdout().trim()));
    assertEquals(Long.parseLong(id), job.id());
    assertEquals(JobState.HELD, job.state());
  }

  @Test
  void show_unknownJob_exit4() {
    CliRunner.Run run = gjob("show", "999999");
    assertEquals(4, run.exitCode(), run.both());
    assertTrue(run.stderr().startsWith("gjob: "), run.stderr());
  }

  @Test
  void log_printsOutputAndStderr() {
    String id =
        submit("-e", dir.resolve("%j.err").toString(), "--wrap", "echo to-out; echo to-err >&2");
    gjob("wait", id, "--timeout", "30");
    assertEquals("to-out\n", gjob("log", id).stdout());
    assertEquals("to-err\n", gjob("log", id, "--stderr").stdout());
  }

  @Test
  void log_follow_printsUntilJobEnds() {
    String id = submit("--wrap", "echo one; sleep 1; echo two");
    CliRunner.Run run = gjob("log", id, "--follow");
    assertEquals(0, run.exitCode(), run.both());
    assertEquals("one\ntwo\n", run.stdout());
  }

  @Test
  void log_notStarted_exit1WithReason() {
    String id = submit("--hold", "true");
    CliRunner.Run run = gjob("log", id);
    assertEquals(1, run.exitCode(), run.both());
    assertTrue(run.stderr().startsWith("gjob: job " + id + "'s stdout file "), run.stderr());
    assertTrue(run.stderr().contains("has not started yet (HELD)"), run.stderr());
  }

  @Test
  void holdUpdateRelease_changesApply() throws Exception {
    String id = submit("--hold", "-J", "before", "--wrap", "echo ran");
    CliRunner.Run update = gjob("update", id, "-p", "20", "-n", "after", "-t", "10:00");
    assertEquals(0, update.exitCode(), update.both());
    assertEquals("gjob: updated job " + id + "\n", update.stdout());
    String shown = gjob("show", id).stdout();
    assertTrue(shown.contains("Name:       after"), shown);
    assertTrue(shown.contains("Priority:   20"), shown);
    assertTrue(shown.contains("Time limit: 10:00"), shown);
    CliRunner.Run release = gjob("release", id);
    assertEquals("gjob: released job " + id + "\n", release.stdout(), release.both());
    assertEquals(0, gjob("wait", id, "--timeout", "30").exitCode());
    assertEquals("ran\n", Files.readString(dir.resolve(id + ".out")));
  }

  @Test
  void hold_pendingJob_thenReleaseFinishedConflicts() {
    String id = submit("--begin", "now+1h", "true");
    CliRunner.Run hold = gjob("hold", id);
    assertEquals(0, hold.exitCode(), hold.both());
    assertEquals("gjob: held job " + id + "\n", hold.stdout());
    assertEquals(0, gjob("update", id, "--begin", "now").exitCode());
    assertEquals(0, gjob("release", id).exitCode());
    assertEquals(0, gjob("wait", id, "--timeout", "30").exitCode());
    CliRunner.Run again = gjob("release", id);
    assertEquals(5, again.exitCode(), again.both());
    assertTrue(again.stderr().startsWith("gjob: "), again.stderr());
    assertEquals("", again.stdout());
  }

  @Test
  void wait_timeout_exit75() {
    String id = submit("--hold", "true");
    CliRunner.Run run = gjob("wait", id, "--timeout", "1");
    assertEquals(75, run.exitCode(), run.both());
    assertTrue(run.stdout().startsWith("job " + id + ": HELD"), run.stdout());
    assertTrue(
        run.stderr().startsWith("gjob: timed out after 1 s; 1 job(s) not finished"), run.stderr());
  }

  @Test
  void redo_submitsCopyThatRunsAgain() throws Exception {
    String id = submit("--wrap", "echo again");
    gjob("wait", id, "--timeout", "30");
    CliRunner.Run run = gjob("redo", id);
    assertEquals(0, run.exitCode(), run.both());
    assertTrue(
        run.stdout().matches("Submitted job \\d+ \\(redo of job " + id + "\\)\n"), run.stdout());
    String copy = run.stdout().split(" ")[2];
    assertNotEquals(id, copy);
    assertEquals(0, gjob("wait", copy, "--timeout", "30").exitCode());
  }

  @Test
  void usage_noSubcommand_exit2() {
    CliRunner.Run run = CliRunner.exec(new GjobCommand(), java.util.List.of());
    assertEquals(2, run.exitCode());
    assertTrue(run.stderr().startsWith("gjob: a subcommand is required"), run.stderr());
  }
}
