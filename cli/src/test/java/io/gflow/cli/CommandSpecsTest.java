package io.gflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.cli.cancel.GcancelCommand;
import io.gflow.cli.queue.GqueueCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The models built in code come out as the annotations made them: the help texts are those the
 * annotated commands printed (golden files), and the shared options match their annotations.
 */
class CommandSpecsTest {
  @Test
  void gqueueHelp_isTheAnnotatedCommandsHelp() throws IOException {
    assertEquals(golden("gqueue.help"), help(new GqueueCommand()));
  }

  @Test
  void gcancelHelp_isTheAnnotatedCommandsHelp() throws IOException {
    assertEquals(golden("gcancel.help"), help(new GcancelCommand()));
  }

  @Test
  void clientOptionsMixin_matchesItsAnnotations() {
    CommandSpec annotated = CommandSpec.forAnnotatedObject(new ClientOptions());
    CommandSpec built = new ClientOptions().mixin();
    assertEquals(describe(annotated.options()), describe(built.options()));
  }

  @Test
  void standardHelpOptions_areFiledAsPicocliFilesThem() {
    CommandSpec spec = CommandSpecs.commandLine(new GqueueCommand()).getCommandSpec();
    assertTrue(spec.mixinStandardHelpOptions());
    assertTrue(spec.findOption("--help").usageHelp());
    assertTrue(spec.findOption("-V").versionHelp());
  }

  @Test
  void gcancel_withoutIds_isAUsageError() {
    StringWriter err = new StringWriter();
    int code =
        Cli.run(
            new GcancelCommand(),
            new String[0],
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(2, code);
    assertTrue(
        err.toString().startsWith("gcancel: Missing required parameter: 'IDS'"), err.toString());
  }

  private static String describe(List<OptionSpec> options) {
    return options.stream()
        .map(
            option ->
                String.join(",", option.names())
                    + " "
                    + option.type().getSimpleName()
                    + " "
                    + option.arity()
                    + " "
                    // a flag's label is never shown (annotations name it after the field)
                    + (option.arity().max() == 0 ? "" : option.paramLabel())
                    + " "
                    + String.join("|", option.description()))
        .collect(Collectors.joining("\n"));
  }

  private static String help(Object command) {
    return CommandSpecs.commandLine(command).getUsageMessage(CommandLine.Help.Ansi.OFF);
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = CommandSpecsTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
