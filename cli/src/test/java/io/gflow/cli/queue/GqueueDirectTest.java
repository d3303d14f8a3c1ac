package io.gflow.cli.queue;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.cli.ArgLists;
import java.util.List;
import org.junit.jupiter.api.Test;

/** gqueue's direct parse agrees with picocli, or leaves the arguments to it. */
class GqueueDirectTest {
  private static final List<String> OWN =
      List.of(
          "-u",
          "--user",
          "--user=ann",
          "-s",
          "--states",
          "--states=R,PD",
          "-j",
          "--jobs",
          "--jobs=42",
          "-n",
          "--name",
          "-c",
          "--completed",
          "-a",
          "--all",
          "--format",
          "--format=id",
          "-l",
          "--long",
          "--noheader",
          "-ca",
          "-uroot",
          "-u=root",
          "-jj");

  @Test
  void randomLists_agreeWithPicocli() {
    int taken = ArgLists.compare(8L, 15_000, OWN, GqueueCommand::new, GqueueDirectTest::values);
    assertTrue(taken > 500, "only " + taken + " lists taken directly");
  }

  @Test
  void usualForms_areTaken() {
    ArgLists.assertTaken(GqueueCommand::new, GqueueDirectTest::values);
    ArgLists.assertTaken(
        GqueueCommand::new,
        GqueueDirectTest::values,
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
    ArgLists.assertTaken(
        GqueueCommand::new, GqueueDirectTest::values, "--user=ann", "--format=id", "--all");
  }

  @Test
  void helpVersionAndOddForms_goToPicocli() {
    for (String odd : List.of("-h", "--help", "-V", "--version", "-ca", "-uroot", "--", "x")) {
      ArgLists.assertLeft(GqueueCommand::new, GqueueDirectTest::values, odd);
    }
    ArgLists.assertLeft(GqueueCommand::new, GqueueDirectTest::values, "-c", "-c");
    ArgLists.assertLeft(GqueueCommand::new, GqueueDirectTest::values, "-u", "a,,b");
    ArgLists.assertLeft(GqueueCommand::new, GqueueDirectTest::values, "--format", "-x");
  }

  static String values(GqueueCommand command) {
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
