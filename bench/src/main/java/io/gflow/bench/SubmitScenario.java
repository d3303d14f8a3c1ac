package io.gflow.bench;

import io.gflow.protocol.Methods;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Durable submits (each acknowledged after its commit): one client in sequence, 32 at once (timed
 * after an untimed round of the same size), and 10,000-task arrays. Jobs are submitted held so that
 * the figures measure the submit path, not job runs; a held submit commits exactly like any other.
 */
final class SubmitScenario implements Scenario {
  private static final int CLIENTS = 32;
  private static final int ARRAY_TASKS = 10_000;

  @Override
  public String name() {
    return "submit";
  }

  @Override
  public void run(BenchContext context) throws IOException {
    Sizes sizes = context.sizes();
    Path dir = context.newDir("submit");
    JsonObject params = JobCalls.submitParams(dir, true, null);
    Floor fsync = context.floors().fsync();
    Floor syncRate = new Floor("1/" + fsync.name(), 1000 / fsync.value(), "jobs/s");
    try (DaemonProcess daemon = DaemonProcess.start(context.dist(), dir, context.slots())) {
      long sequential;
      try (RpcClient client = daemon.connect()) {
        Measure.samples(50, 0, i -> JobCalls.submit(client, params));
        sequential =
            Measure.fixedWork(
                1,
                sizes.sequentialSubmits(),
                () -> JobCalls.repeating(daemon.connect(), Methods.JOB_SUBMIT, params));
      }
      context.report(
          Figure.of(
              "submit.sequential",
              sizes.sequentialSubmits() * 1e9 / sequential,
              "jobs/s",
              syncRate,
              Target.atLeast(300)));
      // The first burst after start also pays for compiling the concurrent path (about half the
      // daemon's CPU then goes to the JIT); an untimed round first measures a running daemon, as
      // the untimed calls before the sequential figure do.
      long concurrent = 0;
      for (int round = 0; round < 2; round++) {
        concurrent =
            Measure.fixedWork(
                CLIENTS,
                sizes.submitsPerClient(),
                () -> JobCalls.repeating(daemon.connect(), Methods.JOB_SUBMIT, params));
      }
      context.report(
          Figure.of(
              "submit.32_clients",
              CLIENTS * sizes.submitsPerClient() * 1e9 / concurrent,
              "jobs/s",
              syncRate,
              Target.atLeast(5_000)));
      JsonObject array = JobCalls.submitParams(dir, true, "0-" + (ARRAY_TASKS - 1));
      try (RpcClient client = daemon.connect()) {
        long[] arrays =
            Measure.samples(0, sizes.arrayRepeats(), i -> JobCalls.submit(client, array));
        context.report(
            Figure.of(
                "submit.array_10000.p50",
                Percentiles.of(arrays).millisAt(50),
                "ms",
                fsync,
                Target.atMost(1_000)));
      }
    }
  }
}
