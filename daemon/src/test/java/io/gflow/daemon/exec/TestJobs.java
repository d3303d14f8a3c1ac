package io.gflow.daemon.exec;

import io.gflow.daemon.job.Job;
import io.gflow.daemon.job.JobSpec;
import io.gflow.daemon.job.Owner;
import io.gflow.protocol.job.DependencyMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
}
