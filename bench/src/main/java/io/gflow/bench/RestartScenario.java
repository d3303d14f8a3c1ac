package io.gflow.bench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Restart with a big store: from starting {@code gflowd} (launcher included) until it answers a
 * ping, compared with the same for an empty store. One percent of the jobs are queued, the rest
 * finished.
 */
final class RestartScenario implements Scenario {
  @Override
  public String name() {
    return "restart";
  }

  @Override
  public void run(BenchContext context) throws IOException {
    Sizes sizes = context.sizes();
    long[] emptyStarts = startTimes(context, context.newDir("restart-empty"), sizes.restartRuns());
    Floor empty =
        new Floor("gflowd.empty_store.ready.p50", Percentiles.of(emptyStarts).millisAt(50), "ms");
    Path dir = context.newDir("restart");
    int queued = sizes.restartJobs() / 100;
    StoreFiller.fill(DaemonProcess.stateDir(dir), dir, sizes.restartJobs() - queued, queued);
    long[] starts = startTimes(context, dir, sizes.restartRuns());
    context.report(
        Figure.of(
            "restart." + ListingScenario.thousands(sizes.restartJobs()) + "_jobs.ready.p50",
            Percentiles.of(starts).millisAt(50),
            "ms",
            empty,
            Target.atMost(3_000)));
  }

  /** Starts and stops a daemon on {@code dir} {@code runs} times; the first start is not timed. */
  private static long[] startTimes(BenchContext context, Path dir, int runs) throws IOException {
    long[] nanos = new long[runs];
    for (int i = -1; i < runs; i++) {
      try (DaemonProcess daemon = DaemonProcess.start(context.dist(), dir, context.slots())) {
        if (i >= 0) {
          nanos[i] = daemon.readyNanos();
        }
      }
    }
    return nanos;
  }
}
