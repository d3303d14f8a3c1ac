package io.gflow.cli.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.cli.TestJobs;
import io.gflow.protocol.job.JobState;
import io.gflow.protocol.job.WaitResult;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobFormatTest {
  @Test
  void show_failedJob_everyField() {
    String text = JobFormat.show(TestJobs.failed(41), TestJobs.SUBMIT, ZoneOffset.UTC);
    assertEquals(
        String.join(
            System.lineSeparator(),
            "Job:        41",
            "Name:       train",
            "User:       alice (uid 1000)",
            "State:      FAILED (exit 3)",
            "Exit:       exit 3",
            "Reason:     -",
            "Priority:   50",
            "GPUs:       1",
            "Time limit: 1:00:00",
            "Submitted:  2026-05-03T10:00:00",
            "Started:    2026-05-03T10:01:00",
            "Ended:      2026-05-03T10:06:00",
            "Run time:   5:00",
            "Command:    python train.py --lr 0.1",
            "Cwd:        /home/alice",
            "Output:     /home/alice/41.out",
            "Error:      /home/alice/41.out",
            ""),
        text);
  }

  @Test
  void show_killedJob_signalAndReason() {
    String text = JobFormat.show(TestJobs.killed(42), TestJobs.SUBMIT, ZoneOffset.UTC);
    assertTrue(text.contains("Exit:       killed by signal 9 (KILL)"), text);
    assertTrue(text.contains("Reason:     CancelledBy:bob"), text);
  }

  @Test
  void show_redacted_hidesDetails() {
    String text = JobFormat.show(TestJobs.failed(41).redact(), TestJobs.SUBMIT, ZoneOffset.UTC);
    assertTrue(text.contains("Command:    (hidden: the job belongs to alice)"), text);
    assertFalse(text.contains("Cwd:"), text);
  }

  @Test
  void waitLinesAndExitCode() {
    WaitResult done = new WaitResult(List.of(TestJobs.failed(1), TestJobs.killed(2)), false);
    assertEquals(
        "job 1: FAILED (exit 3)\njob 2: CANCELLED (killed by signal 9 (KILL), CancelledBy:bob)\n",
        JobFormat.waitLines(done));
    assertEquals(1, JobFormat.waitExitCode(done));
    WaitResult ok =
        new WaitResult(
            List.of(TestJobs.job(3, JobState.COMPLETED, null, null, null, 0, null)), false);
    assertEquals(0, JobFormat.waitExitCode(ok));
    assertEquals(75, JobFormat.waitExitCode(new WaitResult(List.of(TestJobs.pending(4)), true)));
  }
}
