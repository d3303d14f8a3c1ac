package io.gflow.bench;

import io.gflow.protocol.client.RpcClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Cold start of {@code gqueue} and {@code gcancel} through the shipped launchers. */
final class CliScenario implements Scenario {
  @Override
  public String name() {
    return "cli";
  }

  @Override
  public void run(BenchContext context) throws IOException {
    Sizes sizes = context.sizes();
    Floor hello = context.floors().javaHello();
    Path dir = context.newDir("cli");
    try (DaemonProcess daemon = DaemonProcess.start(context.dist(), dir, context.slots())) {
      long[] gqueue =
          ColdStarts.time(context.dist(), "gqueue", daemon.socketArgs(), sizes.coldStarts());
      context.report(
          Figure.of(
              "gqueue.cold_start.p50",
              Percentiles.of(gqueue).millisAt(50),
              "ms",
              hello,
              Target.ratioAtMost(2.5)));
      List<Long> ids = new ArrayList<>();
      try (RpcClient client = daemon.connect()) {
        for (int i = 0; i <= sizes.coldStarts(); i++) {
          ids.addAll(JobCalls.submit(client, JobCalls.submitParams(dir, true, null)));
        }
      }
      long[] gcancel =
          ColdStarts.time(
              context.dist(),
              "gcancel",
              i -> with(daemon.socketArgs(), Long.toString(ids.get(i))),
              sizes.coldStarts());
      context.report(
          Figure.of(
              "gcancel.cold_start.p50",
              Percentiles.of(gcancel).millisAt(50),
              "ms",
              hello,
              Target.ratioAtMost(2.5)));
    }
  }

  private static List<String> with(List<String> args, String last) {
    List<String> all = new ArrayList<>(args);
    all.add(last);
    return all;
  }
}
