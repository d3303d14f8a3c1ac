package io.gflow.cli.cancel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.cli.ArgLists;
import java.util.List;
import org.junit.jupiter.api.Test;

/** gcancel's direct parse agrees with picocli, or leaves the arguments to it. */
class GcancelDirectTest {
  private static final List<String> OWN =
      List.of("--signal", "--signal=INT", "--signal=", "-s", "7", "12-14", "3,4");

  @Test
  void randomLists_agreeWithPicocli() {
    int taken = ArgLists.compare(25L, 15_000, OWN, GcancelCommand::new, GcancelDirectTest::values);
    assertTrue(taken > 500, "only " + taken + " lists taken directly");
  }

  @Test
  void usualForms_areTaken() {
    ArgLists.assertTaken(GcancelCommand::new, GcancelDirectTest::values, "42");
    ArgLists.assertTaken(
        GcancelCommand::new, GcancelDirectTest::values, "42", "--signal", "INT", "43-45,47");
    ArgLists.assertTaken(
        GcancelCommand::new, GcancelDirectTest::values, "--json", "--signal=9", "--debug", "1");
  }

  @Test
  void missingIdsHelpAndOddForms_goToPicocli() {
    ArgLists.assertLeft(GcancelCommand::new, GcancelDirectTest::values);
    ArgLists.assertLeft(GcancelCommand::new, GcancelDirectTest::values, "--json");
    ArgLists.assertLeft(GcancelCommand::new, GcancelDirectTest::values, "42", "--help");
    ArgLists.assertLeft(GcancelCommand::new, GcancelDirectTest::values, "--signal", "-9", "42");
    ArgLists.assertLeft(GcancelCommand::new, GcancelDirectTest::values, "--", "42");
  }

  static String values(GcancelCommand command) {
    return command.ids
        + " "
        + command.signal
        + " "
        + command.options.socket()
        + " "
        + command.options.json()
        + " "
        + command.options.debug();
  }
}
