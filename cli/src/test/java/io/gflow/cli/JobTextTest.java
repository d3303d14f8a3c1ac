package io.gflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gflow.protocol.job.JobState;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class JobTextTest {
  @Test
  void outcome_exitCodeOrSignal() {
    assertEquals("exit 3", JobText.outcome(TestJobs.failed(1)));
    assertEquals("killed by signal 9 (KILL)", JobText.outcome(TestJobs.killed(2)));
    assertNull(JobText.outcome(TestJobs.pending(3)));
    assertEquals(
        "killed by signal 34",
        JobText.outcome(TestJobs.job(4, JobState.FAILED, null, null, null, null, 34)));
  }

  @Test
  void exitColumn_compact() {
    assertEquals("3", JobText.exitColumn(TestJobs.failed(1)));
    assertEquals("SIGKILL", JobText.exitColumn(TestJobs.killed(2)));
    assertEquals("-", JobText.exitColumn(TestJobs.pending(3)));
  }

  @Test
  void stateLine_explainsState() {
    assertEquals("FAILED (exit 3)", JobText.stateLine(TestJobs.failed(1)));
    assertEquals(
        "CANCELLED (killed by signal 9 (KILL), CancelledBy:bob)",
        JobText.stateLine(TestJobs.killed(2)));
    assertEquals("PENDING (Priority)", JobText.stateLine(TestJobs.pending(3)));
  }

  @Test
  void runSeconds_startToEndOrNow() {
    assertEquals(300L, JobText.runSeconds(TestJobs.failed(1), TestJobs.SUBMIT.plusSeconds(9999)));
    assertNull(JobText.runSeconds(TestJobs.pending(1), TestJobs.SUBMIT));
    assertEquals(
        40L,
        JobText.runSeconds(
            TestJobs.job(1, JobState.RUNNING, null, TestJobs.SUBMIT, null, null, null),
            TestJobs.SUBMIT.plusSeconds(40)));
  }

  @Test
  void time_localSeconds() {
    assertEquals("2026-05-03T10:00:00", JobText.time(TestJobs.SUBMIT, ZoneOffset.UTC));
    assertEquals("-", JobText.time(null, ZoneOffset.UTC));
  }
}
