package io.gflow.daemon.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.job.ExitStatus;
import io.gflow.daemon.job.Job;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The launcher process itself: its replies, its end of input, and its death. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LaunchHelperIT {
  @TempDir Path dir;
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  private final Map<SpoolDir, byte[]> inputs = new HashMap<>();

  private final LaunchHelper.WrapperExit recorder =
      new LaunchHelper.WrapperExit() {
        @Override
        public void exited(int waitStatus) {
          events.add("exited " + waitStatus);
        }

        @Override
        public void orphaned() {
          events.add("orphaned");
        }
      };

  @Test
  void spawn_wrapperEnds_reportedWithItsWaitStatus() throws Exception {
    LaunchHelper helper = start();
    try {
      SpoolDir spool = spool(1, "/bin/true");
      long pid = spawn(helper, spool);

      assertTrue(pid > 0);
      assertEquals("exited 0", events.poll(30, TimeUnit.SECONDS));
      assertEquals(Optional.of(ExitStatus.exited(0)), spool.exitStatus());
      long jobPid = spool.jobPid().orElseThrow();
      assertEquals(
          "wrapper "
              + pid
              + " "
              + spool.wrapperRecord().orElseThrow().startTicks()
              + "\n"
              + "jobpid "
              + jobPid
              + "\n"
              + "exit code 0\n",
          Files.readString(spool.path().resolve(SpoolDir.STATUS)),
          "one file, a whole line per record");
      try (Stream<Path> files = Files.list(spool.path())) {
        assertEquals(
            List.of(SpoolDir.STATUS),
            files.map(file -> file.getFileName().toString()).sorted().toList());
      }
    } finally {
      helper.kill();
    }
  }

  @Test
  void retire_takesNoMoreJobs_exitsOnceItsWrappersHaveEnded() throws Exception {
    LaunchHelper helper = start();
    long pid = spawn(helper, spool(2, "/bin/sleep", "1"));
    assertTrue(pid > 0);

    helper.retire();

    assertEquals(-1, spawn(helper, spool(3, "/bin/true")));
    assertEquals("exited 0", events.poll(30, TimeUnit.SECONDS));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!helper.gone() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(helper.gone(), "a retired launcher without wrappers exits");
    assertTrue(Files.notExists(dir.resolve("3").resolve(SpoolDir.STATUS)));
  }

  @Test
  void kill_wrapperRunning_orphanedAndStillRecordsTheJobsEnd() throws Exception {
    LaunchHelper helper = start();
    SpoolDir spool = spool(4, "/bin/sh", "-c", "sleep 1; exit 4");
    spawn(helper, spool);
    assertTrue(JobPidWait.await(spool, () -> true, 10_000).isPresent(), "job started");

    helper.kill();

    assertEquals("orphaned", events.poll(30, TimeUnit.SECONDS));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (spool.exitStatus().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(Optional.of(ExitStatus.exited(4)), spool.exitStatus());
  }

  @Test
  void spawn_inputsLongerThanAPipeBuffer_reachTheJobWhole() throws Exception {
    LaunchHelper helper = start();
    try {
      String big =
          "x".repeat(100_000) + "é"; // over 64 KiB, under the kernel's 128 KiB per variable
      SpoolDir spool =
          spool(
              8,
              Map.of("PATH", "/usr/bin:/bin", "BIG", big, "LC_ALL", "C"),
              "/bin/sh",
              "-c",
              "test \"$BIG\" = \"$(cat big)\"");
      Files.writeString(dir.resolve("big"), big);

      assertTrue(spawn(helper, spool) > 0);

      assertEquals("exited 0", events.poll(30, TimeUnit.SECONDS));
      assertEquals(Optional.of(ExitStatus.exited(0)), spool.exitStatus());
      // The next request is read from where this one ended.
      assertTrue(spawn(helper, spool(9, "/bin/sh", "-c", "exit 3")) > 0);
      assertEquals("exited 0", events.poll(30, TimeUnit.SECONDS));
      assertEquals(Optional.of(ExitStatus.exited(3)), new SpoolDir(dir.resolve("9")).exitStatus());
    } finally {
      helper.kill();
    }
  }

  @Test
  void spawn_wrapperRecorded_asTheProcessItIs() throws Exception {
    LaunchHelper helper = start();
    try {
      SpoolDir spool = spool(5, "/bin/sleep", "1");

      long pid = spawn(helper, spool);

      // Written just after the reply, before the wrapper may start the job.
      assertTrue(JobPidWait.await(spool, () -> true, 10_000).isPresent(), "job started");
      WrapperId recorded = spool.wrapperRecord().orElseThrow();
      assertEquals(pid, recorded.pid());
      assertEquals(ProcessStat.read(pid).orElseThrow().startTicks(), recorded.startTicks());
      assertEquals("exited 0", events.poll(30, TimeUnit.SECONDS));
    } finally {
      helper.kill();
    }
  }

  @Test
  void spawn_statusCannotBeCreated_wrapperEndsWithoutStartingTheJob() throws Exception {
    LaunchHelper helper = start();
    try {
      SpoolDir spool = spool(6, "/bin/sh", "-c", "echo ran > ran");
      Files.writeString(spool.path().resolve(SpoolDir.STATUS), "planted\n");

      assertTrue(spawn(helper, spool) > 0);

      assertEquals("exited " + (127 << 8), events.poll(30, TimeUnit.SECONDS));
      // The launcher still takes jobs, and the unrecorded wrapper did nothing.
      assertTrue(spawn(helper, spool(7, "/bin/true")) > 0);
      assertEquals("exited 0", events.poll(30, TimeUnit.SECONDS));
      assertEquals("planted\n", Files.readString(spool.path().resolve(SpoolDir.STATUS)));
      assertTrue(Files.notExists(dir.resolve("ran")));
    } finally {
      helper.kill();
    }
  }

  private LaunchHelper start() throws Exception {
    Path program = WrapperProgram.extract(dir.resolve("libexec"));
    return LaunchHelper.start(List.of(program.toString(), "--serve"), "gflowd-launcher-test");
  }

  private SpoolDir spool(long id, String... argv) throws Exception {
    return spool(id, Map.of("PATH", "/usr/bin:/bin"), argv);
  }

  private SpoolDir spool(long id, Map<String, String> env, String... argv) throws Exception {
    SpoolDir spool = new SpoolDir(dir.resolve(Long.toString(id)));
    spool.create();
    Job job = TestJobs.command(id, dir, argv);
    inputs.put(
        spool,
        SpoolDir.encodeInputs(
            List.of(argv), env, dir.toString(), OutputPaths.resolve(job, Optional::empty)));
    return spool;
  }

  private long spawn(LaunchHelper helper, SpoolDir spool) throws LaunchException {
    return helper.spawn(spool, inputs.get(spool), recorder, 10_000);
  }
}
