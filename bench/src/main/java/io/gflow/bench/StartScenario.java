package io.gflow.bench;

import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * From submit to start: latency of one trivial job on an idle daemon (until a client following
 * {@code job.events} sees it RUNNING), and the rate at which a burst of trivial jobs is run with
 * one slot per core (jobs ended over time taken; the wait is capped, so a slow daemon is rated on
 * the jobs it finished in time). The first burst after the daemon's start also pays for compiling
 * its job path (its JIT threads took a fifth of the machine's CPU in a profile of it): it is
 * reported apart, and the latencies and the rate are measured after it, on a running daemon, as the
 * submit figures are after their untimed rounds.
 */
final class StartScenario implements Scenario {
  @Override
  public String name() {
    return "start";
  }

  @Override
  public void run(BenchContext context) throws IOException {
    Sizes sizes = context.sizes();
    Floors floors = context.floors();
    Path dir = context.newDir("start");
    try (DaemonProcess daemon = DaemonProcess.start(context.dist(), dir, context.slots());
        RpcClient client = daemon.connect();
        EventWatch events = new EventWatch(daemon.connect())) {
      int jobs = sizes.dispatchJobs();
      Floor spawnRate =
          new Floor(
              context.slots() + "x 1/" + floors.spawnTrue().name(),
              context.slots() * 1000 / floors.spawnTrue().value(),
              "jobs/s");
      String rateName = "dispatch_rate." + context.slots() + "_slots";
      context.report(
          Figure.of(
              rateName + ".first_burst",
              dispatchRate(client, events, dir, jobs, sizes.dispatchNanos()),
              "jobs/s",
              spawnRate,
              Target.atLeast(200)));
      long[] latencies = startLatencies(client, events, dir, sizes.startSamples());
      Percentiles start = Percentiles.of(latencies);
      context.report(
          Figure.of(
              "submit_to_start.p50",
              start.millisAt(50),
              "ms",
              floors.spawnTrue(),
              Target.atMost(10)));
      context.report(
          Figure.of(
              "submit_to_start.p99",
              start.millisAt(99),
              "ms",
              floors.spawnTrue(),
              Target.atMost(50)));
      context.report(
          Figure.of(
              rateName,
              dispatchRate(client, events, dir, jobs, sizes.dispatchNanos()),
              "jobs/s",
              spawnRate,
              Target.atLeast(200)));
    }
  }

  /**
   * Runs an array of {@code jobs} trivial jobs: jobs ended per second, until the last has ended or
   * {@code cap} nanoseconds have passed.
   */
  private static double dispatchRate(
      RpcClient client, EventWatch events, Path dir, int jobs, long cap) throws IOException {
    long begin = System.nanoTime();
    List<Long> ids = JobCalls.submit(client, JobCalls.submitParams(dir, false, "1-" + jobs));
    int ended = events.awaitEnded(new HashSet<>(ids), begin + cap);
    return ended * 1e9 / (System.nanoTime() - begin);
  }

  /**
   * Submits one job at a time and times it until its start is seen; waits for it to end, untimed,
   * so that each sample starts on an idle daemon.
   */
  private static long[] startLatencies(RpcClient client, EventWatch events, Path dir, int count)
      throws IOException {
    JsonObject single = JobCalls.submitParams(dir, false, null);
    int warmup = 5;
    long[] latencies = new long[count];
    for (int i = 0; i < warmup + count; i++) {
      long begin = System.nanoTime();
      long id = JobCalls.submit(client, single).get(0);
      events.awaitStarted(id);
      long latency = System.nanoTime() - begin;
      events.awaitEnded(Set.of(id));
      if (i >= warmup) {
        latencies[i - warmup] = latency;
      }
    }
    return latencies;
  }
}
