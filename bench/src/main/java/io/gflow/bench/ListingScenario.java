package io.gflow.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gqueue} against a big store (finished jobs plus queued ones) compared with an empty store,
 * and the full listing {@code gqueue -a -c --json} of every job. Runs on the big store are capped
 * ({@link Sizes#listingCapNanos}): a value equal to the cap is a lower bound.
 */
final class ListingScenario implements Scenario {
  @Override
  public String name() {
    return "listing";
  }

  @Override
  public void run(BenchContext context) throws IOException {
    Sizes sizes = context.sizes();
    Floor empty;
    try (DaemonProcess daemon =
        DaemonProcess.start(context.dist(), context.newDir("listing-empty"), context.slots())) {
      long[] gqueue =
          ColdStarts.time(context.dist(), "gqueue", daemon.socketArgs(), sizes.coldStarts());
      empty = new Floor("gqueue.empty_store.p50", Percentiles.of(gqueue).millisAt(50), "ms");
    }
    Path dir = context.newDir("listing");
    StoreFiller.fill(DaemonProcess.stateDir(dir), dir, sizes.finishedJobs(), sizes.queuedJobs());
    String store =
        thousands(sizes.finishedJobs()) + "_finished_" + thousands(sizes.queuedJobs()) + "_queued";
    try (DaemonProcess daemon = DaemonProcess.start(context.dist(), dir, context.slots())) {
      // One untimed run, as for the floor: the figure is gqueue's cost on a big store, not that
      // of a daemon's first listing ever, whose code is still interpreted (350-450 ms for 10k).
      long[] gqueue =
          ColdStarts.timeCapped(
              context.dist(),
              "gqueue",
              daemon.socketArgs(),
              1,
              sizes.coldStarts(),
              sizes.listingCapNanos());
      context.report(
          Figure.of(
              "gqueue." + store + ".p50",
              Percentiles.of(gqueue).millisAt(50),
              "ms",
              empty,
              Target.ratioAtMost(1.5)));
      List<String> all = new ArrayList<>(daemon.socketArgs());
      all.addAll(List.of("-a", "-c", "--json"));
      long[] listing =
          ColdStarts.timeCapped(
              context.dist(), "gqueue", all, 0, sizes.listingRuns(), sizes.listingCapNanos());
      context.report(
          Figure.of(
              "gqueue_a_c_json."
                  + thousands(sizes.finishedJobs() + sizes.queuedJobs())
                  + "_jobs.p50",
              Percentiles.of(listing).millisAt(50),
              "ms",
              empty,
              Target.atMost(2_000)));
    }
  }

  /** 100000 → "100k", 1000000 → "1000k"; sizes are whole thousands. */
  static String thousands(int count) {
    return count % 1000 == 0 ? count / 1000 + "k" : Integer.toString(count);
  }
}
