package io.gflow.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code gflow-bench}: starts its own daemons from a built distribution in a temp dir, measures the
 * floors and every scenario, prints one JSON line per figure and then a table.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) {
    // Interrupted runs must not leave daemons behind: stop every process the bench started.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy),
                "gflow-bench-cleanup"));
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException bad) {
      err.print("gflow-bench: " + bad.getMessage() + "\n" + BenchOptions.USAGE);
      return 2;
    }
    Path workDir = null;
    try {
      Dist dist = Dist.locate(options.dist());
      workDir = Files.createTempDirectory("gflow-bench");
      System.setProperty("org.sqlite.tmpdir", workDir.toString());
      BenchContext context =
          new BenchContext(options.quick() ? Sizes.quick() : Sizes.full(), dist, workDir, out);
      err.println("gflow-bench: work dir " + workDir + ", load average " + LoadAverage.read());
      context.setFloors(FloorBench.measure(context));
      int failed = 0;
      for (Scenario scenario : Scenarios.ALL) {
        if (options.runs(scenario.name()) && !runScenario(scenario, context, err)) {
          failed++;
        }
      }
      err.println("gflow-bench: load average " + LoadAverage.read());
      out.println();
      out.print(ResultTable.format(context.figures()));
      return failed == 0 ? 0 : 1;
    } catch (IOException failed) {
      err.println("gflow-bench: " + failed.getMessage());
      return 1;
    } catch (RuntimeException bug) {
      bug.printStackTrace(err);
      return 1;
    } finally {
      if (workDir != null && !options.keep()) {
        deleteQuietly(workDir, err);
      } else if (workDir != null) {
        err.println("gflow-bench: kept " + workDir);
      }
    }
  }

  /** Runs one scenario; a failure is reported and the next scenario still runs. */
  private static boolean runScenario(Scenario scenario, BenchContext context, PrintStream err) {
    err.println("gflow-bench: " + scenario.name() + ", load average " + LoadAverage.read());
    try {
      scenario.run(context);
      return true;
    } catch (IOException failed) {
      err.println("gflow-bench: scenario " + scenario.name() + " failed: " + failed.getMessage());
      return false;
    }
  }

  private static void deleteQuietly(Path dir, PrintStream err) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException failed) {
      err.println("gflow-bench: could not remove " + dir + ": " + failed.getMessage());
    }
  }
}
