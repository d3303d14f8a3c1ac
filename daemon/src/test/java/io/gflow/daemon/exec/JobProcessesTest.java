package io.gflow.daemon.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gflow.daemon.job.Job;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Which running job, if any, started a process: real processes standing in for wrappers. */
@Timeout(30)
class JobProcessesTest {
  @TempDir Path dir;
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (Process process : started) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    for (String name : List.of("child", "orphan")) {
      if (Files.exists(dir.resolve(name))) {
        ProcessHandle.of(pidIn(name)).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  /** A stand-in wrapper: a shell that runs {@code script} in the background and waits. */
  private Process wrapper(String script) throws Exception {
    Process process =
        new ProcessBuilder("sh", "-c", script + " & wait").directory(dir.toFile()).start();
    started.add(process);
    return process;
  }

  private long pidIn(String name) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    Path file = dir.resolve(name);
    while (System.nanoTime() < deadline) {
      if (Files.exists(file) && Files.readString(file).endsWith("\n")) {
        return Long.parseLong(Files.readString(file).trim());
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no pid in " + name);
  }

  private static Job runningAs(long id, long wrapperPid, long startTicks) {
    return TestJobs.running(
        TestJobs.command(id, Path.of("/tmp"), "true"), new Launched(wrapperPid, startTicks));
  }

  private static long ticks(long pid) {
    return ProcessStat.read(pid).orElseThrow().startTicks();
  }

  @Test
  void owner_childOfWrapper_isTheJobs() throws Exception {
    Process wrapper = wrapper("sleep 30 & echo $! > child");
    long child = pidIn("child");

    JobProcesses.Owner owner =
        JobProcesses.owner(child, List.of(runningAs(7, wrapper.pid(), ticks(wrapper.pid()))));

    assertEquals(7L, owner.jobId());
    assertEquals(TestJobs.SELF.uid(), owner.uid());
  }

  @Test
  void owner_orphanInJobSession_isTheJobs() throws Exception {
    // The job is a session leader (child of the wrapper); its grandchild is orphaned.
    Process wrapper = wrapper("setsid sh -c '(sleep 30 & echo $! > orphan); sleep 30'");
    long orphan = pidIn("orphan");

    JobProcesses.Owner owner =
        JobProcesses.owner(orphan, List.of(runningAs(8, wrapper.pid(), ticks(wrapper.pid()))));

    assertEquals(8L, owner.jobId());
  }

  @Test
  void owner_unrelatedProcess_none() throws Exception {
    Process wrapper = wrapper("sleep 30");
    Process stranger = new ProcessBuilder("sleep", "30").start();
    started.add(stranger);

    JobProcesses.Owner owner =
        JobProcesses.owner(
            stranger.pid(), List.of(runningAs(9, wrapper.pid(), ticks(wrapper.pid()))));

    assertNull(owner.jobId());
    assertEquals(TestJobs.SELF.uid(), owner.uid());
  }

  @Test
  void owner_wrapperStartTimeDiffers_none() throws Exception {
    Process wrapper = wrapper("sleep 30 & echo $! > child");
    long child = pidIn("child");

    JobProcesses.Owner owner =
        JobProcesses.owner(child, List.of(runningAs(7, wrapper.pid(), ticks(wrapper.pid()) + 1)));

    assertNull(owner.jobId(), "a reused pid is not the job's wrapper");
  }

  @Test
  void owner_noSuchProcess_unknownUid() {
    JobProcesses.Owner owner = JobProcesses.owner(Integer.MAX_VALUE, List.of());

    assertNull(owner.jobId());
    assertEquals(-1, owner.uid());
  }
}
