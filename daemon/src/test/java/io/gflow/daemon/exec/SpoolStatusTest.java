package io.gflow.daemon.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gflow.daemon.job.ExitStatus;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SpoolStatusTest {
  @Test
  void parse_empty_nothing() {
    assertEquals(
        new SpoolStatus(Optional.empty(), OptionalLong.empty(), Optional.empty()),
        SpoolStatus.parse(""));
  }

  @Test
  void parse_wholeLines_eachKind() {
    SpoolStatus status = SpoolStatus.parse("wrapper 10 20\njobpid 11\nexit code 0\n");

    assertEquals(Optional.of(new WrapperId(10, 20)), status.wrapper());
    assertEquals(OptionalLong.of(11), status.jobPid());
    assertEquals(Optional.of(ExitStatus.exited(0)), status.exit());
  }

  @Test
  void parse_lastLineWithoutNewline_ignoredAsStillBeingWritten() {
    assertEquals(OptionalLong.empty(), SpoolStatus.parse("wrapper 10 20\njobpid 1").jobPid());
    assertEquals(Optional.empty(), SpoolStatus.parse("jobpid 11\nexit signal 1").exit());
    assertEquals(Optional.empty(), SpoolStatus.parse("wrapper 10 2").wrapper());
  }

  @Test
  void parse_firstWellFormedLineOfAKind_counts() {
    SpoolStatus status =
        SpoolStatus.parse("jobpid x\njobpid 12\njobpid 13\nexit code 1\nexit code 2\n");

    assertEquals(OptionalLong.of(12), status.jobPid());
    assertEquals(Optional.of(ExitStatus.exited(1)), status.exit());
  }

  @Test
  void parse_unknownAndMalformedLines_ignored() {
    SpoolStatus status =
        SpoolStatus.parse(
            "hello\n\nwrapper 1\nwrapper 1 2 3\njobpid 0\njobpid -5\nexit 3\nexit status 1\n"
                + "exitcode 0\n");

    assertEquals(new SpoolStatus(Optional.empty(), OptionalLong.empty(), Optional.empty()), status);
  }
}
