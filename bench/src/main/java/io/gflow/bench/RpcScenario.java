package io.gflow.bench;

import io.gflow.protocol.Methods;
import io.gflow.protocol.client.RpcClient;
import java.io.IOException;

/** Round trips: ping on a persistent connection, a CLI-like connect/whoami/close, throughput. */
final class RpcScenario implements Scenario {
  @Override
  public String name() {
    return "rpc";
  }

  @Override
  public void run(BenchContext context) throws IOException {
    Sizes sizes = context.sizes();
    Floors floors = context.floors();
    try (DaemonProcess daemon =
        DaemonProcess.start(context.dist(), context.newDir("rpc"), context.slots())) {
      try (RpcClient client = daemon.connect()) {
        long[] pings =
            Measure.samples(
                sizes.rpcSamples() / 5,
                sizes.rpcSamples(),
                i -> client.call(Methods.DAEMON_PING, null));
        context.report(
            Figure.of(
                "daemon.ping.p50",
                Percentiles.of(pings).microsAt(50),
                "us",
                floors.echoRoundTrip(),
                Target.ratioAtMost(2)));
      }
      long[] whoamis =
          Measure.samples(
              sizes.connectSamples() / 5,
              sizes.connectSamples(),
              i -> {
                try (RpcClient client = daemon.connect()) {
                  client.call(Methods.AUTH_WHOAMI, null);
                }
              });
      context.report(
          Figure.of(
              "connect_whoami_close.p50",
              Percentiles.of(whoamis).microsAt(50),
              "us",
              floors.echoConnect(),
              Target.ratioAtMost(3)));
      double rate =
          Measure.throughput(
              FloorBench.CLIENTS,
              sizes.throughputNanos(),
              () -> JobCalls.repeating(daemon.connect(), Methods.DAEMON_PING, null));
      context.report(
          Figure.of(
              "daemon.ping.16_clients",
              rate,
              "req/s",
              floors.echoThroughput(),
              Target.atLeast(20_000)));
    }
  }
}
