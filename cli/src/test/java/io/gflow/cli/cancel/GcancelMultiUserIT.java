package io.gflow.cli.cancel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.cli.CliRunner;
import io.gflow.cli.batch.GbatchCommand;
import io.gflow.cli.job.GjobCommand;
import io.gflow.cli.queue.GqueueCommand;
import io.gflow.daemon.AsUser;
import io.gflow.daemon.DaemonExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Job commands run as another real user (root + setpriv) against jobs the daemon's owner (root)
 * submitted: denials name the caller, others' jobs are shown redacted.
 */
@Timeout(120)
class GcancelMultiUserIT {
  @RegisterExtension
  final DaemonExtension daemon = DaemonExtension.withConfig("allow_root_jobs = true\n");

  @TempDir Path dir;
  private String job;

  @BeforeAll
  static void accounts() throws Exception {
    AsUser.ensureAccountsIfRoot();
  }

  @BeforeEach
  void rootsHeldJob() {
    AsUser.assumeRoot();
    CliRunner.Run run =
        new CliRunner(daemon.socket())
            .run(
                new GbatchCommand(),
                "--parsable",
                "--hold",
                "-J",
                "roots",
                "-o",
                dir.resolve("%j.out").toString(),
                "true");
    assertEquals(0, run.exitCode(), run.both());
    job = run.stdout().trim();
  }

  private AsUser.Result asBob(Class<?> command, String... args) throws Exception {
    return AsUser.asUser(AsUser.BOB, AsUser.java(command.getName(), List.of(args)));
  }

  @Test
  void cancel_othersJob_exit77NamesCaller() throws Exception {
    AsUser.Result result = asBob(GcancelCommand.class, "--socket", daemon.socket().toString(), job);
    assertEquals(77, result.exitCode(), result.stderr());
    assertEquals("", result.stdout());
    assertTrue(result.stderr().startsWith("gcancel: "), result.stderr());
    assertTrue(result.stderr().contains(job), result.stderr());
    assertTrue(
        result
            .stderr()
            .endsWith(" (you are " + AsUser.BOB + ", uid " + AsUser.uidOf(AsUser.BOB) + ")\n"),
        result.stderr());
    CliRunner.Run still =
        new CliRunner(daemon.socket())
            .run(new GqueueCommand(), "-j", job, "--format", "st", "--noheader");
    assertEquals("H\n", still.stdout(), still.both());
  }

  @Test
  void queueAll_showsOthersJobWithoutCommand() throws Exception {
    AsUser.Result result =
        asBob(
            GqueueCommand.class,
            "--socket",
            daemon.socket().toString(),
            "-a",
            "--format",
            "id,user,command",
            "--noheader");
    assertEquals(0, result.exitCode(), result.stderr());
    assertTrue(result.stdout().matches(job + " +root +\\(hidden\\)\n"), result.stdout());
  }

  @Test
  void redo_othersJob_exit77() throws Exception {
    AsUser.Result result =
        asBob(GjobCommand.class, "redo", "--socket", daemon.socket().toString(), job);
    assertEquals(77, result.exitCode(), result.stderr());
    assertTrue(
        result.stderr().startsWith("gjob: cannot redo job " + job + ": its command is hidden"),
        result.stderr());
  }
}
