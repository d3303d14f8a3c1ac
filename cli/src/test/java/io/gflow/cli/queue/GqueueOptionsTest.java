package io.gflow.cli.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gflow.cli.CommandSpecs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** gqueue's options, built in code, land in its fields as the annotations made them do. */
class GqueueOptionsTest {
  @Test
  void everyOption_landsInItsField() {
    GqueueCommand command = new GqueueCommand();
    CommandSpecs.commandLine(command)
        .parseArgs(
            "-u",
            "ann,bob",
            "-s",
            "R,PD",
            "-j",
            "42",
            "-j",
            "43-45",
            "-n",
            "a",
            "-c",
            "-a",
            "--format",
            "id,name",
            "-l",
            "--noheader",
            "--socket",
            "/x.sock",
            "--json",
            "--debug");
    assertEquals(
        "[ann, bob] [R, PD] [42, 43-45] [a] true true id,name true true /x.sock true true",
        fields(command));
  }

  @Test
  void noOptions_keepTheDefaults() {
    GqueueCommand command = new GqueueCommand();
    CommandSpecs.commandLine(command).parseArgs();
    assertEquals("[] [] [] [] false false null false false null false false", fields(command));
  }

  private static String fields(GqueueCommand command) {
    return String.join(
        " ",
        List.of(
            String.valueOf(command.users),
            String.valueOf(command.states),
            String.valueOf(command.jobs),
            String.valueOf(command.names),
            String.valueOf(command.completed),
            String.valueOf(command.all),
            String.valueOf(command.format),
            String.valueOf(command.longFormat),
            String.valueOf(command.noHeader),
            String.valueOf(command.options.socket()),
            String.valueOf(command.options.json()),
            String.valueOf(command.options.debug())));
  }
}
