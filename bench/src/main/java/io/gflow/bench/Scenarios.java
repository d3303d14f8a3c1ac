package io.gflow.bench;

import java.util.List;

/** Every scenario, in the order they run. */
final class Scenarios {
  static final List<Scenario> ALL =
      List.of(
          new RpcScenario(),
          new SubmitScenario(),
          new StartScenario(),
          new CliScenario(),
          new ListingScenario(),
          new HeapScenario(),
          new RestartScenario());

  static final List<String> NAMES = ALL.stream().map(Scenario::name).toList();

  private Scenarios() {}
}
