package io.gflow.daemon.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.exec.RunnerFixture.Ended;
import io.gflow.daemon.job.ExitStatus;
import io.gflow.daemon.job.Job;
import io.gflow.daemon.job.Owner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Launches real jobs through the real wrapper and checks what the job sees. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JobRunnerLaunchIT {
  @TempDir Path dir;
  private RunnerFixture fixture;

  @BeforeEach
  void setUp() throws Exception {
    fixture = new RunnerFixture(dir.resolve("state"));
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void launch_shellMetacharactersInArgv_passedLiterally() throws Exception {
    List<String> args = List.of("; id", "$(id)", "`id`", "a\nb", "two words", "'\"", "*", "");
    String[] argv = new String[args.size() + 2];
    argv[0] = "/usr/bin/printf";
    argv[1] = "[%s]\\n";
    for (int i = 0; i < args.size(); i++) {
      argv[i + 2] = args.get(i);
    }
    Job job = TestJobs.command(1, dir, argv);

    fixture.start(job, Map.of());

    assertEquals(new Ended(1, ExitStatus.exited(0), null), fixture.awaitEnd(1));
    String expected = args.stream().map(arg -> "[" + arg + "]\n").collect(Collectors.joining());
    assertEquals(expected, Files.readString(dir.resolve("out")));
  }

  @Test
  void launch_oddEnvironment_isExactlySpecPlusExtra() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("a.b", "dotted");
    env.put("100%", "percent");
    env.put("MULTI", "line one\nline two");
    env.put("EQ", "x=y=z");
    env.put("SPACES", "  padded  ");
    env.put("EMPTY", "");
    env.put("GFLOW_JOB_ID", "from the submitter, overridden");
    Map<String, String> extra = Map.of("GFLOW_JOB_ID", "2", "CUDA_VISIBLE_DEVICES", "");
    Job job =
        TestJobs.job(
            2,
            TestJobs.SELF,
            TestJobs.spec(
                List.of("/usr/bin/env", "-0"), null, dir, env, dir.resolve("out").toString()));

    fixture.start(job, extra);

    assertEquals(ExitStatus.exited(0), fixture.awaitEnd(2).status());
    Map<String, String> expected = new HashMap<>(env);
    expected.putAll(extra);
    assertEquals(expected, parseEnv(Files.readString(dir.resolve("out"))));
  }

  @Test
  void launch_script_runsFromSpoolWithCwd() throws Exception {
    Path work = Files.createDirectory(dir.resolve("work dir"));
    Job job =
        TestJobs.job(
            3,
            TestJobs.SELF,
            TestJobs.spec(
                null,
                "#!/bin/sh\necho \"in $(pwd) as $0\"\n",
                work,
                Map.of(),
                dir.resolve("out").toString()));

    fixture.start(job, Map.of());

    assertEquals(ExitStatus.exited(0), fixture.awaitEnd(3).status());
    Path script = fixture.runner().spoolDir(3).resolve("script");
    assertEquals("in " + work + " as " + script + "\n", Files.readString(dir.resolve("out")));
  }

  @Test
  void launch_missingCwd_exit127WithChdirError() throws Exception {
    Job job =
        TestJobs.job(
            4,
            TestJobs.SELF,
            TestJobs.spec(
                List.of("/bin/true"),
                null,
                "/nonexistent-gflow-cwd",
                Map.of(),
                dir.resolve("out").toString(),
                null,
                "job"));

    fixture.start(job, Map.of());

    assertEquals(
        new Ended(
            4, ExitStatus.exited(127), "chdir /nonexistent-gflow-cwd: No such file or directory"),
        fixture.awaitEnd(4));
  }

  @Test
  void launch_missingProgram_exit127WithExecError() throws Exception {
    fixture.start(TestJobs.command(5, dir, "/no/such/program"), Map.of());

    assertEquals(
        new Ended(5, ExitStatus.exited(127), "exec /no/such/program: No such file or directory"),
        fixture.awaitEnd(5));
  }

  @Test
  void launch_patterns_createOutputAndErrorFiles() throws Exception {
    Job job =
        new Job(
            41,
            40L,
            2,
            new Owner(TestJobs.SELF.uid(), 0, "alice"),
            TestJobs.spec(
                List.of("/bin/sh", "-c", "echo out; echo err >&2"),
                null,
                dir.toString(),
                Map.of(),
                "%x-%j.out",
                "logs/new/%u-%A_%a-100%%.err",
                "train"),
            io.gflow.protocol.job.JobState.PENDING,
            null,
            java.time.Instant.EPOCH,
            null,
            null,
            null,
            List.of(),
            0,
            0);

    fixture.start(job, Map.of());

    assertEquals(ExitStatus.exited(0), fixture.awaitEnd(41).status());
    assertEquals("out\n", Files.readString(dir.resolve("train-41.out")));
    assertEquals("err\n", Files.readString(dir.resolve("logs/new/alice-40_2-100%.err")));
  }

  @Test
  void launch_noOutputPattern_defaultUnderHome() throws Exception {
    Path home = Files.createDirectory(dir.resolve("home"));
    // A uid without a passwd entry: ~ comes from HOME in the job's environment.
    Owner stranger = new Owner(4_000_123, 4_000_123, "stranger");
    Job job =
        TestJobs.job(
            6,
            stranger,
            TestJobs.spec(
                List.of("/bin/echo", "hi"),
                null,
                dir.toString(),
                Map.of("HOME", home.toString()),
                null,
                null,
                "job"));

    fixture.start(job, Map.of());

    assertEquals(ExitStatus.exited(0), fixture.awaitEnd(6).status());
    assertEquals("hi\n", Files.readString(home.resolve(".local/share/gflow/logs/6.out")));
  }

  @Test
  void launch_symlinkAtOutputPath_refusedWithLaunchError() throws Exception {
    Path target = Files.writeString(dir.resolve("precious"), "keep");
    Files.createSymbolicLink(dir.resolve("out"), target);

    fixture.start(TestJobs.command(7, dir, "/bin/echo", "clobber"), Map.of());

    Ended end = fixture.awaitEnd(7);
    assertEquals(ExitStatus.exited(127), end.status());
    assertEquals(
        "open " + dir.resolve("out") + ": Too many levels of symbolic links", end.launchError());
    assertEquals("keep", Files.readString(target));
  }

  @Test
  void launch_runningJob_onlyStandardFdsOpenAndOwnSession() throws Exception {
    assertRunsIsolatedAndDiesBySignal(fixture, 8);
  }

  /**
   * The open fds of {@code pid} once it holds only 0-2, or after 5 s. The job's pid is recorded as
   * soon as it has exec'd, when its dynamic loader may still have a library open for a moment; an
   * inherited fd stays for good.
   */
  private static List<String> settledFds(long pid) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (true) {
      String[] fds = new java.io.File("/proc/" + pid + "/fd").list();
      Arrays.sort(fds);
      if (fds.length <= 3 || System.nanoTime() > deadline) {
        return List.of(fds);
      }
      Thread.sleep(10);
    }
  }

  /** Launches a sleeping job, checks its fds and its own session, and kills it with SIGKILL. */
  private void assertRunsIsolatedAndDiesBySignal(RunnerFixture runner, long id) throws Exception {
    Job job = TestJobs.command(id, dir, "/bin/sleep", "1000");

    RunnerFixture.Started started = runner.startAndAwaitJob(job);
    Launched launched = started.launched();

    long jobPid = started.jobPid();
    assertEquals(List.of("0", "1", "2"), settledFds(jobPid));
    assertEquals(
        "/dev/null", Files.readSymbolicLink(Path.of("/proc/" + jobPid + "/fd/0")).toString());
    ProcessStat stat = ProcessStat.read(jobPid).orElseThrow();
    ProcessStat self = ProcessStat.read(ProcessHandle.current().pid()).orElseThrow();
    assertEquals(jobPid, stat.session());
    assertEquals(jobPid, stat.pgrp());
    assertNotEquals(self.session(), stat.session());
    assertEquals(launched.wrapperPid(), stat.ppid());
    assertTrue(runner.runner().signal(TestJobs.running(job, launched), 9));
    assertEquals(ExitStatus.killed(9), runner.awaitEnd(id).status());
  }

  @Test
  void launch_wrapperStartedWithSignalsBlockedAndIgnored_jobHasThemReset() throws Exception {
    Path real = WrapperProgram.locate(dir.resolve("state"));
    Path shim =
        Files.writeString(
            dir.resolve("blocking-shim"),
            "#!/usr/bin/perl\n"
                + "use POSIX ();\n"
                + "POSIX::sigprocmask(POSIX::SIG_BLOCK(), POSIX::SigSet->new(POSIX::SIGUSR1(),"
                + " POSIX::SIGTERM(), POSIX::SIGCHLD())) or die;\n"
                + "$SIG{$_} = 'IGNORE' for qw(QUIT USR2 PIPE TERM);\n"
                + "exec { '"
                + real
                + "' } '"
                + real
                + "', @ARGV or die;\n");
    Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwx------"));
    try (RunnerFixture shimmed =
        new RunnerFixture(dir.resolve("state"), PrivilegeDrop.none(), shim)) {
      Job job = TestJobs.command(20, dir, "/bin/grep", "-E", "^Sig(Blk|Ign)", "/proc/self/status");

      shimmed.start(job, Map.of());

      assertEquals(new Ended(20, ExitStatus.exited(0), null), shimmed.awaitEnd(20));
    }
    List<String> lines = Files.readAllLines(dir.resolve("out"));
    assertEquals("SigBlk:\t0000000000000000", lines.get(0));
    // Signals 1..31; glibc keeps 32 and 33 for itself (the JVM leaves them ignored).
    assertEquals(0, Long.parseLong(lines.get(1).substring("SigIgn:\t".length()), 16) & 0x7fffffffL);
  }

  @Test
  void launch_exitCodeAndSignal_reported() throws Exception {
    fixture.start(TestJobs.command(9, dir, "/bin/sh", "-c", "exit 3"), Map.of());
    assertEquals(new Ended(9, ExitStatus.exited(3), null), fixture.awaitEnd(9));

    fixture.start(TestJobs.command(10, dir, "/bin/sh", "-c", "kill -9 $$"), Map.of());
    assertEquals(new Ended(10, ExitStatus.killed(9), null), fixture.awaitEnd(10));
  }

  @Test
  void launch_nulInEnvironment_throwsBeforeWritingSpool() {
    Job job =
        TestJobs.job(
            11,
            TestJobs.SELF,
            TestJobs.spec(List.of("/bin/true"), null, dir, Map.of("X", "a\0b"), null));

    assertThrows(LaunchException.class, () -> fixture.start(job, Map.of()));
    assertFalse(Files.exists(fixture.runner().spoolDir(11)));
  }

  @Test
  void launch_existingSpool_throwsLaunchException() throws Exception {
    Files.createDirectories(fixture.runner().spoolDir(12));

    LaunchException thrown =
        assertThrows(
            LaunchException.class,
            () -> fixture.start(TestJobs.command(12, dir, "/bin/true"), Map.of()));
    assertTrue(thrown.getMessage().startsWith("cannot write spool"), thrown.getMessage());
  }

  @Test
  void cleanup_endedJob_removesSpool() throws Exception {
    fixture.start(TestJobs.command(13, dir, "/bin/true"), Map.of());
    assertNull(fixture.awaitEnd(13).launchError());

    fixture.runner().cleanup(13);

    assertFalse(Files.exists(fixture.runner().spoolDir(13)));
  }

  private static Map<String, String> parseEnv(String envZeroOutput) {
    Map<String, String> env = new HashMap<>();
    for (String item : envZeroOutput.split("\0")) {
      int eq = item.indexOf('=');
      env.put(item.substring(0, eq), item.substring(eq + 1));
    }
    return env;
  }
}
