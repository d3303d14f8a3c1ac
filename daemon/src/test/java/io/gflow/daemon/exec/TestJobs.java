package io.gflow.daemon.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gflow.daemon.job.Job;
import io.gflow.daemon.job.JobSpec;
import io.gflow.daemon.job.Owner;
import io.gflow.protocol.job.DependencyMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Builds jobs for the exec tests. Stateless and thread-safe. */
final class TestJobs {
  static final Owner SELF =
      new Owner(
          ProcessStat.realUid(ProcessHandle.current().pid()).orElseThrow(),
          0,
          System.getProperty("user.name"));

  private TestJobs() {}

  static Job command(long id, Path dir, String... argv) {
    return job(id, SELF, spec(List.of(argv), null, dir, Map.of(), dir.resolve("out").toString()));
  }

  static Job script(long id, Path dir, String text) {
    return job(id, SELF, spec(null, text, dir, Map.of(), dir.resolve("out").toString()));
  }

  static JobSpec spec(
      List<String> command, String script, Path cwd, Map<String, String> env, String output) {
    return spec(command, script, cwd.toString(), env, output, null, "job");
  }

  static JobSpec spec(
      List<String> command,
      String script,
      String cwd,
      Map<String, String> env,
      String output,
      String error,
      String name) {
    return new JobSpec(
        command,
        script,
        name,
        cwd,
        env,
        0,
        50,
        null,
        null,
        List.of(),
        DependencyMode.ALL,
        true,
        null,
        null,
        output,
        error,
        null);
  }

  static Job job(long id, Owner owner, JobSpec spec) {
    return Job.submitted(id, null, null, owner, spec, false, Instant.EPOCH);
  }

  /** The job as the daemon records it once launched: RUNNING with its wrapper's pid. */
  static Job running(Job job, Launched launched) {
    return job.started(
        Instant.EPOCH, launched.wrapperPid(), launched.wrapperStartTicks(), List.of());
  }

  /**
   * The argv of a shell that copies {@code /bin/sleep} into {@code dir} under a name the kernel
   * cuts inside a UTF-8 character (it keeps 15 bytes of a program's name: "a", four three-byte
   * characters and two bytes of a fifth) and execs it for {@code seconds}; a user may name a job's
   * program so. {@link #awaitCutName} tells when the exec has happened.
   */
  static String[] sleepWithCutName(Path dir, String seconds) {
    String name = "a\\350\\256\\255\\347\\273\\203\\346\\250\\241\\345\\236\\213\\350\\204\\232";
    return new String[] {
      "/bin/sh",
      "-c",
      "n=$(printf '" + name + "'); cp /bin/sleep \"$1/$n\" && exec \"$1/$n\" " + seconds,
      "sh",
      dir.toString()
    };
  }

  /** Waits up to 10 s for process {@code pid} to run the program of {@link #sleepWithCutName}. */
  static void awaitCutName(long pid) throws IOException, InterruptedException {
    Path comm = Path.of("/proc", Long.toString(pid), "comm");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (Files.readAllBytes(comm)[0] != 'a' && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(16, Files.readAllBytes(comm).length, "15 bytes of the name and a newline");
  }
}
