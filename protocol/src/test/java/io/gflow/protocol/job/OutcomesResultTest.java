package io.gflow.protocol.job;

import static io.gflow.protocol.job.Invalid.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.RpcException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomesResultTest {
  private static final JobOutcome OK = JobOutcome.applied(1, JobState.CANCELLED);

  private static JobOutcome failed(long id, ErrorCode code) {
    return JobOutcome.refused(id, null, new RpcException(code, code.name()));
  }

  @Test
  void worst_allOk_null() {
    assertNull(new OutcomesResult(List.of(OK, OK)).worst());
    assertNull(new OutcomesResult(List.of()).worst());
  }

  @Test
  void worst_notFoundAndConflict_conflict() {
    OutcomesResult result =
        new OutcomesResult(
            List.of(OK, failed(2, ErrorCode.NOT_FOUND), failed(3, ErrorCode.CONFLICT)));

    assertSame(ErrorCode.CONFLICT, result.worst());
  }

  @Test
  void worst_permissionBeatsTemporary_forbidden() {
    OutcomesResult result =
        new OutcomesResult(
            List.of(
                failed(2, ErrorCode.FORBIDDEN),
                failed(3, ErrorCode.UNAVAILABLE),
                failed(4, ErrorCode.NOT_FOUND)));

    assertSame(ErrorCode.FORBIDDEN, result.worst());
    assertEquals(77, result.worst().exitCode());
  }

  @Test
  void worst_temporaryBeatsConflict_temporary() {
    OutcomesResult result =
        new OutcomesResult(List.of(failed(2, ErrorCode.CONFLICT), failed(3, ErrorCode.TOO_MANY)));

    assertEquals(75, result.worst().exitCode());
  }

  @Test
  void jobOutcome_okWithErrorCode_rejected() {
    assertEquals(
        "outcome of job 1 is ok but has error_code -32004",
        message(() -> new JobOutcome(1, true, null, -32004, null)));
  }

  @Test
  void jobOutcome_failedWithoutErrorCode_rejected() {
    assertEquals(
        "outcome of job 1 failed without an error_code",
        message(() -> new JobOutcome(1, false, null, null, "no")));
  }

  @Test
  void jobOutcome_unknownCode_readsAsInternalError() {
    assertSame(ErrorCode.INTERNAL_ERROR, new JobOutcome(1, false, null, -1, "odd").error());
  }
}
