package io.gflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.Role;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.control.WhoamiResult;
import io.gflow.protocol.job.JobOutcome;
import io.gflow.protocol.job.JobState;
import io.gflow.protocol.job.OutcomesResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomesTest {
  private static final WhoamiResult BOB =
      new WhoamiResult(1001, 1001, "bob", List.of(1001L), Role.USER, 42);

  private static final OutcomesResult MIXED =
      new OutcomesResult(
          List.of(
              JobOutcome.applied(42, JobState.CANCELLED),
              JobOutcome.refused(
                  43,
                  JobState.RUNNING,
                  new RpcException(
                      ErrorCode.FORBIDDEN,
                      "permission denied: job 43 belongs to alice; only its owner or a gflow admin"
                          + " may cancel it")),
              JobOutcome.refused(7, null, new RpcException(ErrorCode.NOT_FOUND, "no such job"))));

  @Test
  void lines_appliedToOutRefusedToErrWithCaller() {
    Outcomes.Lines lines = Outcomes.lines("gcancel", "cancelled", MIXED, BOB);
    assertEquals(List.of("gcancel: cancelled job 42"), lines.out());
    assertEquals(
        List.of(
            "gcancel: permission denied: job 43 belongs to alice; only its owner or a gflow admin"
                + " may cancel it (you are bob, uid 1001)",
            "gcancel: job 7: no such job"),
        lines.err());
  }

  @Test
  void exitCode_worstOrZero() {
    assertEquals(77, Outcomes.exitCode(MIXED));
    assertEquals(
        0,
        Outcomes.exitCode(new OutcomesResult(List.of(JobOutcome.applied(1, JobState.CANCELLED)))));
  }
}
