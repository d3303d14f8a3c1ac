package io.gflow.cli.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.cli.TestJobs;
import io.gflow.protocol.job.JobState;
import io.gflow.protocol.job.ListRequest;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueViewTest {
  @Test
  void request_default_ownUnfinishedJobs() {
    ListRequest request =
        QueueView.request(List.of(), List.of(), List.of(), List.of(), false, false, "me");
    assertEquals(List.of("me"), request.users());
    assertEquals(QueueView.UNFINISHED, request.states());
    assertEquals(QueueView.FIRST_PAGE, request.limit());
  }

  @Test
  void request_allAndCompleted_noFilters() {
    ListRequest request =
        QueueView.request(List.of(), List.of(), List.of(), List.of(), true, true, "me");
    assertEquals(List.of(), request.users());
    assertEquals(List.of(), request.states());
  }

  @Test
  void request_usersStatesIdsNames_passedOn() {
    ListRequest request =
        QueueView.request(
            List.of("bob"),
            List.of(JobState.FAILED),
            List.of(4L),
            List.of("x"),
            false,
            false,
            "me");
    assertEquals(List.of("bob"), request.users());
    assertEquals(List.of(JobState.FAILED), request.states());
    assertEquals(List.of(4L), request.ids());
    assertEquals(List.of("x"), request.names());
  }

  @Test
  void request_byId_anyUserAnyState() {
    ListRequest request =
        QueueView.request(List.of(), List.of(), List.of(9L), List.of(), false, false, "me");
    assertEquals(List.of(), request.users());
    assertEquals(List.of(), request.states());
  }

  @Test
  void table_completed_showsExitSignalEndAndReason() {
    String table =
        RecordTable.of(
            QueueView.columns(null, false, true),
            List.of(TestJobs.failed(41), TestJobs.killed(42), TestJobs.pending(43)),
            TestJobs.SUBMIT.plusSeconds(1000),
            ZoneOffset.UTC,
            false);
    assertEquals(
        "JOBID  NAME   USER   ST  TIME  GPUS  EXIT     END                  REASON\n"
            + "41     train  alice  F   5:00  1     3        2026-05-03T10:06:00  -\n"
            + "42     train  alice  CA  1:00  1     SIGKILL  2026-05-03T10:02:00  (CancelledBy:bob)\n"
            + "43     train  alice  PD  0:00  1     -        -                    (Priority)\n",
        table);
  }

  @Test
  void table_default_runningShowsGpusAndElapsed() {
    String table =
        RecordTable.of(
            QueueView.columns(null, false, false),
            List.of(TestJobs.job(5, JobState.RUNNING, null, TestJobs.SUBMIT, null, null, null)),
            TestJobs.SUBMIT.plusSeconds(3723),
            ZoneOffset.UTC,
            true);
    assertEquals("5  train  alice  R  1:02:03  1  gpu:0\n", table);
  }

  @Test
  void columns_format_pickedInOrder() {
    assertEquals(
        List.of(QueueColumn.ID, QueueColumn.EXIT, QueueColumn.COMMAND),
        QueueView.columns("id, EXIT,command", true, true));
    IllegalArgumentException bad =
        assertThrows(
            IllegalArgumentException.class, () -> QueueView.columns("id,bogus", false, false));
    assertTrue(bad.getMessage().contains("'bogus'"), bad.getMessage());
    assertTrue(bad.getMessage().contains("priority"), bad.getMessage());
  }

  @Test
  void cell_userText_escaped() {
    assertEquals(
        "python train.py --lr 0.1",
        QueueColumn.COMMAND.cell(
            QueuedJob.of(TestJobs.pending(1)), TestJobs.SUBMIT, ZoneOffset.UTC));
    assertEquals(
        "(evil\\x{1b}[2J)",
        QueueColumn.REASON.cell(
            QueuedJob.of(
                TestJobs.job(1, JobState.PENDING, "evil\u001b[2J", null, null, null, null)),
            TestJobs.SUBMIT,
            ZoneOffset.UTC));
  }
}
