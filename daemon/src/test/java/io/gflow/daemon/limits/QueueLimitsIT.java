package io.gflow.daemon.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.DaemonExtension;
import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.admin.LimitsResult;
import io.gflow.protocol.admin.Quota;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.job.JobInfo;
import io.gflow.protocol.job.JobState;
import io.gflow.protocol.job.SubmitResult;
import io.gflow.protocol.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Quotas and group/array limits against a real daemon under a burst of concurrent submissions, as
 * this test's own uid (the daemon's owner): max_queued admits exactly its number, max_running and
 * the limits are never exceeded.
 */
@Timeout(180)
class QueueLimitsIT {
  private static final int CLIENTS = 40;

  @RegisterExtension
  final DaemonExtension daemon = DaemonExtension.withConfig("[scheduler]\nslots = 8\n");

  private final LimitsCalls calls = new LimitsCalls(daemon);
  private final ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private String me() throws Exception {
    return ((JsonObject) calls.call("auth.whoami", null)).stringOrNull("user");
  }

  /** Runs {@code task} on {@code count} threads released at the same moment. */
  private <T> List<Future<T>> burst(int count, Callable<T> task) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return task.call();
              }));
    }
    start.countDown();
    return futures;
  }

  @Test
  void burst_maxQueued10MaxRunning2_exactly10AcceptedNeverMoreThan2Running() throws Exception {
    String user = me();
    calls.call("admin.setQuota", "{\"user\":\"" + user + "\",\"max_running\":2,\"max_queued\":10}");
    calls.call("admin.drain", null);

    List<Future<Object>> outcomes =
        burst(
            CLIENTS,
            () -> {
              try (RpcClient client = daemon.client()) {
                return calls.submitSleep(client, "0.3", "");
              } catch (RpcException refused) {
                return refused;
              }
            });
    int accepted = 0;
    for (Future<Object> outcome : outcomes) {
      Object result = outcome.get();
      if (result instanceof SubmitResult submitted) {
        accepted++;
        assertTrue(submitted.draining());
      } else {
        RpcException refused = (RpcException) result;
        assertEquals(ErrorCode.TOO_MANY, refused.code(), refused.getMessage());
        assertEquals(75, refused.code().exitCode());
        assertTrue(refused.getMessage().contains(user), refused.getMessage());
        assertTrue(refused.getMessage().contains("max_queued is 10"), refused.getMessage());
        assertTrue(refused.data().hint().contains("gctl quota list"), refused.data().hint());
      }
    }
    assertEquals(10, accepted);
    assertEquals(10, calls.jobs().size());

    calls.call("admin.resume", null);
    calls.awaitAllEnded();

    List<JobInfo> jobs = calls.jobs();
    assertTrue(jobs.stream().allMatch(job -> job.state() == JobState.COMPLETED), jobs::toString);
    assertEquals(2, LimitsCalls.maxRunningAtOnce(jobs), jobs::toString);
  }

  @Test
  void arrayLimit_underLoad_neverMoreTasksRunningThanTheLimit() throws Exception {
    calls.call("admin.drain", null);
    long arrayId = calls.submitSleep("0.2", ",\"array\":\"0-11\"").ids().get(0);
    LimitsResult limits =
        LimitsResult.fromJson(
            calls.call("admin.setGroupLimit", "{\"array\":" + arrayId + ",\"limit\":3}"));
    assertEquals(3, limits.arrayLimits().get(arrayId));

    calls.call("admin.resume", null);
    JobInfo last = calls.job(arrayId + 11);
    assertEquals(JobState.PENDING, last.state());
    assertEquals("ArrayLimit", last.reason());
    calls.awaitAllEnded();

    List<JobInfo> jobs = calls.jobs();
    assertTrue(jobs.stream().allMatch(job -> job.state() == JobState.COMPLETED), jobs::toString);
    assertEquals(3, LimitsCalls.maxRunningAtOnce(jobs), jobs::toString);
  }

  @Test
  void groupLimit_concurrentSubmissions_groupNeverAboveLimitOthersUnaffected() throws Exception {
    calls.call("admin.setGroupLimit", "{\"group\":\"lab\",\"limit\":2}");

    List<Future<SubmitResult>> submitted =
        burst(
            16,
            () -> {
              try (RpcClient client = daemon.client()) {
                return calls.submitSleep(client, "0.2", ",\"group\":\"lab\"");
              }
            });
    for (Future<SubmitResult> result : submitted) {
      result.get();
    }
    List<Long> others = new ArrayList<>();
    for (int index = 0; index < 4; index++) {
      others.addAll(calls.submitSleep("0.5", ",\"group\":\"other\"").ids());
    }
    calls.awaitAllEnded();

    List<JobInfo> jobs = calls.jobs();
    List<JobInfo> lab = jobs.stream().filter(job -> "lab".equals(job.group())).toList();
    List<JobInfo> other = jobs.stream().filter(job -> others.contains(job.id())).toList();
    assertEquals(16, lab.size());
    assertTrue(jobs.stream().allMatch(job -> job.state() == JobState.COMPLETED), jobs::toString);
    assertEquals(2, LimitsCalls.maxRunningAtOnce(lab), lab::toString);
    assertEquals(4, LimitsCalls.maxRunningAtOnce(other), other::toString);
  }

  @Test
  void setQuota_unknownUser_notFoundNamesUserNothingChanged() throws Exception {
    RpcException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            RpcException.class,
            () -> calls.call("admin.setQuota", "{\"user\":\"no-such-user-x\",\"max_running\":1}"));
    assertEquals(ErrorCode.NOT_FOUND, refused.code());
    assertEquals(4, refused.code().exitCode());
    assertTrue(refused.getMessage().contains("no-such-user-x"), refused.getMessage());
    assertEquals(LimitsResult.NONE, LimitsResult.fromJson(calls.call("admin.limits", null)));
  }

  @Test
  void setGroupLimit_unknownArray_notFound() {
    RpcException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            RpcException.class,
            () -> calls.call("admin.setGroupLimit", "{\"array\":999,\"limit\":1}"));
    assertEquals(ErrorCode.NOT_FOUND, refused.code());
    assertTrue(refused.getMessage().contains("999"), refused.getMessage());
  }

  @Test
  void quota_setAndRemove_listedThenGone() throws Exception {
    String user = me();
    calls.call("admin.setQuota", "{\"user\":\"default\",\"max_queued\":100}");
    calls.call("admin.setQuota", "{\"user\":\"" + user + "\",\"max_gpus\":1}");
    LimitsResult listed = LimitsResult.fromJson(calls.call("admin.limits", null));
    assertEquals(new Quota(null, null, 100), listed.defaultQuota());
    assertEquals(new Quota(null, 1, null), listed.userQuotas().get(user));

    calls.call("admin.setQuota", "{\"user\":\"" + user + "\",\"remove\":true}");

    LimitsResult after = LimitsResult.fromJson(calls.call("admin.limits", null));
    assertEquals(java.util.Map.of(), after.userQuotas());
    assertEquals(new Quota(null, null, 100), after.defaultQuota());
  }
}
