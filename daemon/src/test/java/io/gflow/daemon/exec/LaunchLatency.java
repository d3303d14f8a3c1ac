package io.gflow.daemon.exec;

import io.gflow.daemon.job.Job;
import io.gflow.daemon.job.Owner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A manual measurement, not a test: launches {@code /bin/true} N times, one after the other,
 * through a real {@link JobRunner} and prints the start time (what the scheduler's thread waits)
 * and the launch-to-exit-report time, p50/p90/p99. Not thread-safe; single use. Run from the daemon
 * module after {@code test-compile}:
 *
 * <pre>
 * java -cp daemon/target/test-classes:daemon/target/classes:protocol/target/classes:SLF4J_API_JAR \
 *     io.gflow.daemon.exec.LaunchLatency STATE_DIR [N [UID [WRAPPER]]]
 * </pre>
 *
 * With a UID other than 0 (as root), jobs run as that user through {@code setpriv}; STATE_DIR must
 * then be reachable by that user. WRAPPER replaces the wrapper from the jar, to compare versions.
 */
final class LaunchLatency {
  private LaunchLatency() {}

  public static void main(String[] args) throws Exception {
    Path stateDir = Files.createDirectories(Path.of(args[0]));
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    long uid = args.length > 2 ? Long.parseLong(args[2]) : 0;
    Path wrapper = args.length > 3 ? Path.of(args[3]) : WrapperProgram.locate(stateDir);
    Path out = Files.createDirectories(stateDir.resolve("out"));
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    BlockingQueue<Long> ended = new LinkedBlockingQueue<>();
    PrivilegeDrop drop = uid == 0 ? PrivilegeDrop.none() : PrivilegeDrop.setpriv();
    Owner owner = uid == 0 ? TestJobs.SELF : new Owner(uid, uid, "uid" + uid);
    long[] launch = new long[count];
    long[] toExit = new long[count];
    try (JobRunner runner =
        new JobRunner(
            stateDir,
            wrapper,
            drop,
            (id, status, error) -> ended.add(System.nanoTime()),
            scheduler)) {
      long begin = System.nanoTime();
      for (int i = 0; i < count; i++) {
        String output = out.resolve((i + 1) + ".out").toString();
        Job job =
            TestJobs.job(
                i + 1,
                owner,
                TestJobs.spec(List.of("/bin/true"), null, "/", Map.of(), output, null, "true"));
        long start = System.nanoTime();
        runner.start(job, Map.of(), List.of());
        launch[i] = System.nanoTime() - start;
        Long end = ended.poll(30, TimeUnit.SECONDS);
        toExit[i] = end == null ? Long.MAX_VALUE : end - start;
        runner.cleanup(i + 1);
      }
      double seconds = (System.nanoTime() - begin) / 1e9;
      System.out.printf(
          "%d launches of /bin/true (uid %d, %s): launch %s, launch to exit report %s, %.0f jobs/s"
              + " one at a time%n",
          count, uid, wrapper, percentiles(launch), percentiles(toExit), count / seconds);
    } finally {
      scheduler.shutdownNow();
    }
  }

  private static String percentiles(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return String.format(
        "p50 %.2f ms p90 %.2f ms p99 %.2f ms",
        sorted[n / 2] / 1e6, sorted[n * 9 / 10] / 1e6, sorted[Math.min(n - 1, n * 99 / 100)] / 1e6);
  }
}
