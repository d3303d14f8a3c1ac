package io.gflow.daemon.store;

import io.gflow.daemon.job.Job;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A stand-in daemon for {@link JobStoreCrashIT}, run as a child JVM until it is killed: opens the
 * store at {@code args[0]}, prints "ready", then {@code args[1]} threads insert jobs (single jobs
 * and 3-job batches) in a loop, each printing the ids of an insert only after its future completed.
 * Not thread-safe; single use.
 */
final class StoreCrashChild {
  private StoreCrashChild() {}

  public static void main(String[] args) throws Exception {
    JobStore store = JobStore.open(Path.of(args[0]), Clock.systemUTC());
    int threads = Integer.parseInt(args[1]);
    PrintStream out = System.out;
    out.println("ready");
    out.flush();
    for (int t = 0; t < threads; t++) {
      int count = t % 2 == 0 ? 1 : 3;
      long uid = 1000 + t;
      Thread submitter =
          new Thread(
              () -> {
                while (true) {
                  List<Job> jobs =
                      store
                          .insert(count, first -> StoreFixtures.pendingJobs(first, count, uid))
                          .join();
                  synchronized (out) {
                    for (Job job : jobs) {
                      out.println(job.id());
                    }
                    out.flush();
                  }
                }
              },
              "submitter-" + t);
      submitter.start();
    }
  }
}
