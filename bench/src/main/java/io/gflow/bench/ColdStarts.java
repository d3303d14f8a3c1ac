package io.gflow.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Times the distribution's client launchers from fork to exit, as a user's shell runs them. */
final class ColdStarts {
  private ColdStarts() {}

  /**
   * Runs {@code program} with {@code args} once untimed (page cache), then {@code count} times.
   *
   * @return the wall times in nanoseconds
   */
  static long[] time(Dist dist, String program, List<String> args, int count) throws IOException {
    return Measure.samples(1, count, i -> Processes.time(command(dist, program, args), null));
  }

  /**
   * Runs {@code program} {@code warmups} times untimed, then {@code count} times; a run that takes
   * longer than {@code capNanos} is killed and counts as the cap (a lower bound).
   */
  static long[] timeCapped(
      Dist dist, String program, List<String> args, int warmups, int count, long capNanos)
      throws IOException {
    return Measure.samples(
        warmups, count, i -> Processes.time(command(dist, program, args), null, capNanos));
  }

  /** Like {@link #time}, but the arguments of run {@code i} (warm-up included) are computed. */
  static long[] time(Dist dist, String program, ArgsForRun args, int count) throws IOException {
    return Measure.samples(
        1, count, i -> Processes.time(command(dist, program, args.forRun(i)), null));
  }

  /** The arguments of one run. */
  interface ArgsForRun {
    List<String> forRun(int index);
  }

  private static List<String> command(Dist dist, String program, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(dist.bin(program).toString());
    command.addAll(args);
    return command;
  }
}
