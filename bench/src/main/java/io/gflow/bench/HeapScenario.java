package io.gflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The daemon's heap after a full GC with many queued jobs, compared with an empty daemon, read with
 * the JDK's {@code jcmd} and {@code jstat}.
 */
final class HeapScenario implements Scenario {
  @Override
  public String name() {
    return "heap";
  }

  @Override
  public void run(BenchContext context) throws IOException {
    int queued = context.sizes().heapQueuedJobs();
    Floor empty;
    try (DaemonProcess daemon =
        DaemonProcess.start(context.dist(), context.newDir("heap-empty"), context.slots())) {
      empty = new Floor("heap.empty_store", usedHeapMegabytes(daemon.pid()), "MB");
    }
    Path dir = context.newDir("heap");
    StoreFiller.fill(DaemonProcess.stateDir(dir), dir, 0, queued);
    try (DaemonProcess daemon = DaemonProcess.start(context.dist(), dir, context.slots())) {
      context.report(
          Figure.of(
              "heap." + ListingScenario.thousands(queued) + "_queued",
              usedHeapMegabytes(daemon.pid()),
              "MB",
              empty,
              Target.atMost(256)));
    }
  }

  /** Runs a full GC in {@code pid}, then sums the used sizes of its heap spaces. */
  static double usedHeapMegabytes(long pid) throws IOException {
    Path out = Files.createTempFile("jstat", ".txt");
    try {
      Processes.time(List.of(Processes.jdkTool("jcmd"), Long.toString(pid), "GC.run"), null);
      Processes.time(List.of(Processes.jdkTool("jstat"), "-gc", Long.toString(pid)), out);
      return JstatGc.usedKilobytes(Files.readString(out)) / 1024;
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
