package io.gflow.daemon.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.job.Job;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The launcher process itself: its replies, its end of input, and its death. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LaunchHelperIT {
  @TempDir Path dir;
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

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
      long pid = helper.spawn(spool(1, "/bin/true"), recorder, 10_000);

      assertTrue(pid > 0);
      assertEquals("exited 0", events.poll(30, TimeUnit.SECONDS));
      assertEquals("code 0\n", Files.readString(dir.resolve("1/exit")));
    } finally {
      helper.kill();
    }
  }

  @Test
  void retire_takesNoMoreJobs_exitsOnceItsWrappersHaveEnded() throws Exception {
    LaunchHelper helper = start();
    long pid = helper.spawn(spool(2, "/bin/sleep", "1"), recorder, 10_000);
    assertTrue(pid > 0);

    helper.retire();

    assertEquals(-1, helper.spawn(spool(3, "/bin/true"), recorder, 10_000));
    assertEquals("exited 0", events.poll(30, TimeUnit.SECONDS));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!helper.gone() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(helper.gone(), "a retired launcher without wrappers exits");
    assertTrue(Files.notExists(dir.resolve("3/jobpid")));
  }

  @Test
  void kill_wrapperRunning_orphanedAndStillRecordsTheJobsEnd() throws Exception {
    LaunchHelper helper = start();
    SpoolDir spool = spool(4, "/bin/sh", "-c", "sleep 1; exit 4");
    helper.spawn(spool, recorder, 10_000);
    assertTrue(JobPidWait.await(spool, () -> true, 10_000).isPresent(), "job started");

    helper.kill();

    assertEquals("orphaned", events.poll(30, TimeUnit.SECONDS));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (Files.notExists(dir.resolve("4/exit")) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals("code 4\n", Files.readString(dir.resolve("4/exit")));
  }

  private LaunchHelper start() throws Exception {
    Path program = WrapperProgram.extract(dir.resolve("libexec"));
    return LaunchHelper.start(List.of(program.toString(), "--serve"), "gflowd-launcher-test");
  }

  private SpoolDir spool(long id, String... argv) throws Exception {
    SpoolDir spool = new SpoolDir(dir.resolve(Long.toString(id)));
    spool.create();
    Job job = TestJobs.command(id, dir, argv);
    spool.writeInputs(
        List.of(argv),
        Map.of("PATH", "/usr/bin:/bin"),
        dir.toString(),
        OutputPaths.resolve(job, java.util.Optional::empty));
    return spool;
  }
}
