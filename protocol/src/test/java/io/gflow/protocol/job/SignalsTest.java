package io.gflow.protocol.job;

import static io.gflow.protocol.job.Invalid.message;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignalsTest {

  @ParameterizedTest
  @CsvSource({
    "HUP, 1",
    "INT, 2",
    "QUIT, 3",
    "KILL, 9",
    "USR1, 10",
    "USR2, 12",
    "ALRM, 14",
    "TERM, 15",
    "CONT, 18",
    "STOP, 19",
    "TSTP, 20",
    "SIGTERM, 15",
    "sigusr1, 10",
    "term, 15",
    "9, 9",
    "1, 1",
    "64, 64",
    "09, 9"
  })
  void parse_nameOrNumber_linuxNumber(String text, int number) {
    assertEquals(number, Signals.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "65", "-9", "100", "FOO", "SIG", "", "SIGSIGTERM", "TERM ", "١٥"})
  void parse_unknown_rejectedNamingText(String text) {
    assertEquals(
        "signal '"
            + text
            + "' is neither a number in 1..64 nor one of HUP INT QUIT KILL USR1 USR2 ALRM TERM"
            + " CONT STOP TSTP",
        message(() -> Signals.parse(text)));
  }
}
