package io.gflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.cli.cancel.GcancelCommand;
import io.gflow.cli.queue.GqueueCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A run read by {@link DirectArgs} prints and exits as the same run through picocli: each case runs
 * once as given (direct) and once with a {@code --} added where it changes nothing but sends the
 * arguments to picocli.
 */
class DirectRunTest {
  private static final String NO_DAEMON = "/nonexistent/gflow-direct-run.sock";

  @Test
  void gqueue_errorsMatchPicocli() {
    Supplier<Object> gqueue = GqueueCommand::new;
    same(gqueue, List.of("--socket", NO_DAEMON), List.of("--"));
    same(gqueue, List.of("--socket", NO_DAEMON, "--json", "-a"), List.of("--"));
    same(gqueue, List.of("--socket", NO_DAEMON, "-s", "XX"), List.of("--"));
    same(gqueue, List.of("--socket", NO_DAEMON, "--format", "id,bogus"), List.of("--"));
    same(gqueue, List.of("--socket", NO_DAEMON, "-j", "0"), List.of("--"));
    same(gqueue, List.of("--socket", NO_DAEMON, "-j", "4-2", "-c", "-l"), List.of("--"));
  }

  @Test
  void gcancel_errorsMatchPicocli() {
    Supplier<Object> gcancel = GcancelCommand::new;
    same(gcancel, List.of("--socket", NO_DAEMON), List.of("--", "42"));
    same(gcancel, List.of("--socket", NO_DAEMON, "--json"), List.of("--", "42"));
    same(gcancel, List.of("--socket", NO_DAEMON, "--signal", "BOGUS"), List.of("--", "42"));
    same(gcancel, List.of("--socket", NO_DAEMON), List.of("--", "x"));
    same(gcancel, List.of("--socket", NO_DAEMON), List.of("--", "0"));
  }

  /** Runs {@code args + tail} as given and with {@code --} removed from tail (direct). */
  private static void same(Supplier<Object> command, List<String> args, List<String> tail) {
    List<String> viaPicocli = new ArrayList<>(args);
    viaPicocli.addAll(tail);
    List<String> direct = new ArrayList<>(args);
    direct.addAll(tail.subList(1, tail.size()));
    CliRunner.Run expected = CliRunner.exec(command.get(), viaPicocli);
    CliRunner.Run actual = CliRunner.exec(command.get(), direct);
    assertEquals(expected, actual, () -> direct.toString());
    assertTrue(taken(command, direct), () -> "not direct: " + direct);
    assertFalse(taken(command, viaPicocli), () -> "direct: " + viaPicocli);
  }

  private static boolean taken(Supplier<Object> command, List<String> args) {
    return ((Cli.Direct) command.get()).parseDirect(args.toArray(String[]::new));
  }
}
