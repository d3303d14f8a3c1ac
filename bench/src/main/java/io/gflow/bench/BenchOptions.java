package io.gflow.bench;

import java.nio.file.Path;
import java.util.Set;

/**
 * The command line of {@code gflow-bench}. Immutable and thread-safe.
 *
 * @param quick smaller sizes and fewer samples, to finish in under two minutes
 * @param dist the built distribution whose launchers are measured, null for the default
 * @param keep keep the temp dir (daemon logs, stores) for a look afterwards
 * @param only the one scenario to run, null for all
 */
record BenchOptions(boolean quick, Path dist, boolean keep, String only) {
  static final String USAGE =
      "usage: gflow-bench [--quick] [--dist DIR] [--keep] [--only SCENARIO]\n"
          + "  scenarios: "
          + String.join(", ", Scenarios.NAMES)
          + "\n";

  /**
   * @throws IllegalArgumentException naming the bad argument
   */
  static BenchOptions parse(String[] args) {
    boolean quick = false;
    boolean keep = false;
    Path dist = null;
    String only = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--keep" -> keep = true;
        case "--dist" -> dist = Path.of(value(args, ++i, "--dist"));
        case "--only" -> only = scenario(value(args, ++i, "--only"));
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    return new BenchOptions(quick, dist, keep, only);
  }

  /** Whether the scenario of this name is to run. */
  boolean runs(String scenario) {
    return only == null || only.equals(scenario);
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static String scenario(String name) {
    if (!Set.copyOf(Scenarios.NAMES).contains(name)) {
      throw new IllegalArgumentException(
          "no scenario " + name + "; choose one of " + String.join(", ", Scenarios.NAMES));
    }
    return name;
  }
}
