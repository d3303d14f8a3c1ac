package io.gflow.daemon.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.DaemonExtension;
import io.gflow.protocol.admin.DrainResult;
import io.gflow.protocol.admin.LimitsResult;
import io.gflow.protocol.admin.Quota;
import io.gflow.protocol.control.InfoResult;
import io.gflow.protocol.job.JobInfo;
import io.gflow.protocol.job.JobState;
import io.gflow.protocol.job.SubmitResult;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drain and resume against a real daemon: running jobs finish, queued ones wait with reason
 * Draining, submissions are accepted and say so, resume starts them; drain and limits survive a
 * restart.
 */
@Timeout(120)
class DrainIT {
  @RegisterExtension
  final DaemonExtension daemon = DaemonExtension.withConfig("[scheduler]\nslots = 4\n");

  private final LimitsCalls calls = new LimitsCalls(daemon);

  private boolean draining() throws Exception {
    return InfoResult.fromJson(calls.call("daemon.info", null)).draining();
  }

  @Test
  void drain_runningJobFinishesQueuedWaitsSubmitAcceptedResumeStarts() throws Exception {
    long running = calls.submitSleep("1", "").ids().get(0);
    assertEquals(JobState.RUNNING, calls.awaitJob(running, j -> j.startTime() != null).state());

    DrainResult drained = DrainResult.fromJson(calls.call("admin.drain", null));

    assertEquals(new DrainResult(true, 1, 0), drained);
    assertTrue(draining());
    SubmitResult submitted = calls.submitSleep("0.1", "");
    assertTrue(submitted.draining());
    long queued = submitted.ids().get(0);
    JobInfo waiting = calls.awaitJob(queued, job -> "Draining".equals(job.reason()));
    assertEquals(JobState.PENDING, waiting.state());
    assertEquals("Draining", waiting.reason());
    JobInfo finished = calls.awaitJob(running, LimitsCalls::ended);
    assertEquals(JobState.COMPLETED, finished.state(), "drain never touches a running job");
    assertEquals(JobState.PENDING, calls.job(queued).state(), "still waiting after the end");

    DrainResult resumed = DrainResult.fromJson(calls.call("admin.resume", null));

    assertFalse(resumed.draining());
    assertFalse(draining());
    assertEquals(JobState.COMPLETED, calls.awaitJob(queued, LimitsCalls::ended).state());
  }

  @Test
  void drain_twice_isIdempotent() throws Exception {
    calls.call("admin.drain", null);
    DrainResult again = DrainResult.fromJson(calls.call("admin.drain", null));
    assertEquals(new DrainResult(true, 0, 0), again);
  }

  @Test
  void restart_whileDraining_staysDrainingWithLimitsAndQueuedJobWaits() throws Exception {
    calls.call("admin.setGroupLimit", "{\"group\":\"lab\",\"limit\":2}");
    calls.call("admin.setQuota", "{\"user\":\"default\",\"max_running\":3,\"max_queued\":50}");
    calls.call("admin.drain", null);
    long queued = calls.submitSleep("0.1", "").ids().get(0);
    LimitsResult before = LimitsResult.fromJson(calls.call("admin.limits", null));

    daemon.stop();
    daemon.start();

    assertTrue(draining());
    LimitsResult after = LimitsResult.fromJson(calls.call("admin.limits", null));
    assertEquals(before, after);
    assertEquals(Map.of("lab", 2), after.groupLimits());
    assertEquals(new Quota(3, null, 50), after.defaultQuota());
    JobInfo waiting = calls.job(queued);
    assertEquals(JobState.PENDING, waiting.state());
    assertEquals("Draining", waiting.reason());

    calls.call("admin.resume", null);
    assertEquals(JobState.COMPLETED, calls.awaitJob(queued, LimitsCalls::ended).state());

    daemon.stop();
    daemon.start();
    assertFalse(draining(), "resume persists too");
  }
}
