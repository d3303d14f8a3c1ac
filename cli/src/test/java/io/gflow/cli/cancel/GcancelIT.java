package io.gflow.cli.cancel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.cli.CliRunner;
import io.gflow.cli.job.GjobCommand;
import io.gflow.cli.queue.GqueueCommand;
import io.gflow.daemon.DaemonExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** gcancel against a real daemon: per-id lines, worst exit code, running jobs, --json. */
@Timeout(60)
class GcancelIT {
  @RegisterExtension
  final DaemonExtension daemon =
      DaemonExtension.withConfig("allow_root_jobs = true\n[scheduler]\nkill_grace = \"2s\"\n");

  @TempDir Path dir;
  private CliRunner cli;

  @BeforeEach
  void runner() {
    cli = new CliRunner(daemon.socket());
  }

  private String submit(String... args) {
    return cli.submit(dir, args);
  }

  @Test
  void cancel_heldJobs_rangeAndList() {
    long first = Long.parseLong(submit("--hold", "true"));
    submit("--hold", "true");
    submit("--hold", "true");
    CliRunner.Run run =
        cli.run(new GcancelCommand(), first + "-" + (first + 1), String.valueOf(first + 2));
    assertEquals(0, run.exitCode(), run.both());
    assertEquals(
        "gcancel: cancelled job "
            + first
            + "\ngcancel: cancelled job "
            + (first + 1)
            + "\ngcancel: cancelled job "
            + (first + 2)
            + "\n",
        run.stdout());
    assertEquals("", run.stderr());
  }

  @Test
  void cancel_runningJob_endsCancelledWithReason() {
    String id = submit("sleep", "30");
    CliRunner.Run run = cli.run(new GcancelCommand(), id);
    assertEquals(0, run.exitCode(), run.both());
    CliRunner.Run done = cli.runSub(new GjobCommand(), "wait", id, "--timeout", "20");
    assertEquals(1, done.exitCode(), done.both());
    assertTrue(done.stdout().startsWith("job " + id + ": CANCELLED"), done.stdout());
    CliRunner.Run queue =
        cli.run(new GqueueCommand(), "-c", "-j", id, "--format", "st,reason", "--noheader");
    assertTrue(queue.stdout().startsWith("CA  (CancelledBy:"), queue.both());
  }

  @Test
  void cancel_missingJob_exit4AndOthersStillCancelled() {
    String id = submit("--hold", "true");
    CliRunner.Run run = cli.run(new GcancelCommand(), id + ",999999");
    assertEquals(4, run.exitCode(), run.both());
    assertEquals("gcancel: cancelled job " + id + "\n", run.stdout());
    assertTrue(run.stderr().startsWith("gcancel: "), run.stderr());
    assertTrue(run.stderr().contains("999999"), run.stderr());
  }

  @Test
  void cancel_finishedJob_conflictExit5() {
    String id = submit("true");
    cli.runSub(new GjobCommand(), "wait", id, "--timeout", "30");
    CliRunner.Run run = cli.run(new GcancelCommand(), id);
    assertEquals(5, run.exitCode(), run.both());
    assertTrue(run.stderr().startsWith("gcancel: "), run.stderr());
  }

  @Test
  void json_printsOutcomes() {
    String id = submit("--hold", "true");
    CliRunner.Run run = cli.run(new GcancelCommand(), "--json", id);
    assertEquals(0, run.exitCode(), run.both());
    assertTrue(
        run.stdout().startsWith("{\"outcomes\":[{\"id\":" + id + ",\"ok\":true"), run.stdout());
  }

  @Test
  void usage_noIdsOrBadSignal_exit2() {
    CliRunner.Run none = cli.run(new GcancelCommand());
    assertEquals(2, none.exitCode());
    assertTrue(none.stderr().startsWith("gcancel: "), none.stderr());
    CliRunner.Run signal = cli.run(new GcancelCommand(), "--signal", "BOGUS", "5");
    assertEquals(2, signal.exitCode());
    assertTrue(signal.stderr().contains("signal 'BOGUS'"), signal.stderr());
    CliRunner.Run ids = cli.run(new GcancelCommand(), "4x");
    assertEquals(2, ids.exitCode());
  }
}
