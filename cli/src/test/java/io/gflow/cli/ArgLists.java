package io.gflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Differential check of {@link DirectArgs} against picocli: random argument lists built from a
 * command's option names, the shared ones, and tricky values (valid and not). Where the direct
 * parse takes a list, picocli must take it too and set the same values; where picocli refuses or
 * asks for help, the direct parse must have given up.
 */
public final class ArgLists {
  /** Tokens every command gets: shared options, help, malformed forms and awkward values. */
  private static final List<String> COMMON =
      List.of(
          "--socket",
          "--socket=/tmp/s.sock",
          "--socket=",
          "--json",
          "--json=true",
          "--debug",
          "-h",
          "--help",
          "-V",
          "--version",
          "--",
          "-",
          "",
          "--bogus",
          "-x",
          "--=x",
          "/tmp/g.sock",
          "root",
          "alice,bob",
          "a,,b",
          ",a",
          "a,",
          "\"a,b\"",
          "PD,R",
          "42",
          "42-45",
          "42,43",
          "-1",
          "id,name",
          "x=y",
          "a b",
          "nul\0path",
          "@file",
          "-9",
          "TERM");

  private ArgLists() {}

  /**
   * Runs {@code count} random lists of up to 7 tokens ({@code own} and {@link #COMMON}) through
   * both parsers; {@code values} renders a parsed command. Returns how many the direct parse took.
   */
  public static <C extends Cli.Direct & CommandSpecs.Specified> int compare(
      long seed, int count, List<String> own, Supplier<C> fresh, Function<C, String> values) {
    List<String> pool = new ArrayList<>(own);
    pool.addAll(COMMON);
    Random random = new Random(seed);
    int taken = 0;
    for (int i = 0; i < count; i++) {
      String[] args = new String[random.nextInt(8)];
      for (int k = 0; k < args.length; k++) {
        args[k] = pool.get(random.nextInt(pool.size()));
      }
      if (compare(args, fresh, values)) {
        taken++;
      }
    }
    return taken;
  }

  /** Compares the two parsers on {@code args}; true if the direct parse took them. */
  public static <C extends Cli.Direct & CommandSpecs.Specified> boolean compare(
      String[] args, Supplier<C> fresh, Function<C, String> values) {
    C direct = fresh.get();
    boolean taken = direct.parseDirect(args.clone());
    C picocli = fresh.get();
    CommandLine line = CommandSpecs.commandLine(picocli);
    line.setExpandAtFiles(false);
    String list = Arrays.toString(args);
    try {
      line.parseArgs(args.clone());
    } catch (CommandLine.ParameterException refused) {
      assertFalse(taken, () -> "direct parse took what picocli refused: " + list + " " + refused);
      return false;
    }
    if (line.isUsageHelpRequested() || line.isVersionHelpRequested()) {
      assertFalse(taken, () -> "direct parse took a help request: " + list);
      return false;
    }
    if (taken) {
      assertEquals(values.apply(picocli), values.apply(direct), list);
    }
    return taken;
  }

  /** Asserts the direct parse takes {@code args} with picocli's values. */
  public static <C extends Cli.Direct & CommandSpecs.Specified> void assertTaken(
      Supplier<C> fresh, Function<C, String> values, String... args) {
    assertTrue(compare(args, fresh, values), () -> "not taken: " + Arrays.toString(args));
  }

  /** Asserts the direct parse leaves {@code args} to picocli. */
  public static <C extends Cli.Direct & CommandSpecs.Specified> void assertLeft(
      Supplier<C> fresh, Function<C, String> values, String... args) {
    if (compare(args, fresh, values)) {
      fail("taken: " + Arrays.toString(args));
    }
  }
}
