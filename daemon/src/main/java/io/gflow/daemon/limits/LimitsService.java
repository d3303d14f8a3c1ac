package io.gflow.daemon.limits;

import io.gflow.daemon.job.Job;
import io.gflow.daemon.sched.QueueLimits;
import io.gflow.daemon.sched.Scheduler;
import io.gflow.daemon.store.JobStore;
import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.ErrorData;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.SafeText;
import io.gflow.protocol.admin.DrainResult;
import io.gflow.protocol.admin.LimitsResult;
import io.gflow.protocol.admin.Quota;
import io.gflow.protocol.admin.SetGroupLimitRequest;
import io.gflow.protocol.admin.SetQuotaRequest;
import io.gflow.protocol.job.JobState;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonFormatException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue limits an admin sets at run time (group and array limits, user quotas, drain): kept in
 * the job store's settings so they survive restarts, and handed to the scheduler after each change.
 * Thread-safe: changes are serialised by this object's lock; {@link #current()} never blocks.
 */
public final class LimitsService {
  private static final Logger LOG = LoggerFactory.getLogger(LimitsService.class);

  /** The settings row that holds the limits, as the JSON of {@code admin.limits}. */
  static final String SETTING = "queue_limits";

  private final JobStore store;
  private final Scheduler scheduler;
  private final Function<String, Optional<Long>> uidOfUser;
  private volatile QueueLimits current;

  private LimitsService(
      JobStore store,
      Scheduler scheduler,
      Function<String, Optional<Long>> uidOfUser,
      QueueLimits initial) {
    this.store = store;
    this.scheduler = scheduler;
    this.uidOfUser = uidOfUser;
    this.current = initial;
  }

  /**
   * Reads the stored limits and hands them to the scheduler before anything else reaches it, so a
   * daemon restarted while draining starts nothing.
   *
   * @throws IOException if the stored limits cannot be read (the daemon must not guess them)
   */
  public static LimitsService load(
      JobStore store, Scheduler scheduler, Function<String, Optional<Long>> uidOfUser)
      throws IOException {
    QueueLimits stored = QueueLimits.NONE;
    Optional<String> text = store.setting(SETTING);
    if (text.isPresent()) {
      try {
        stored = LimitsJson.toLimits(LimitsResult.fromJson(Json.parse(text.get())));
      } catch (JsonFormatException | RpcException bad) {
        throw new IOException(
            "stored queue limits (setting " + SETTING + ") are unreadable: " + bad.getMessage(),
            bad);
      }
    }
    scheduler.limitsChanged(stored);
    if (stored.draining()) {
      LOG.warn("gflowd is draining (since before this start): no job starts until gctl resume");
    }
    return new LimitsService(store, scheduler, uidOfUser, stored);
  }

  /** The limits in force now. */
  public QueueLimits current() {
    return current;
  }

  public LimitsResult limits() {
    return LimitsJson.toResult(current);
  }

  public synchronized DrainResult drain(boolean draining) throws Exception {
    if (current.draining() != draining) {
      apply(current.withDraining(draining));
      LOG.info(draining ? "draining: no job starts until resume" : "resumed: jobs start again");
    }
    Map<JobState, Long> counts = store.countByState();
    return new DrainResult(
        draining,
        counts.getOrDefault(JobState.RUNNING, 0L),
        counts.getOrDefault(JobState.PENDING, 0L) + counts.getOrDefault(JobState.HELD, 0L));
  }

  public synchronized LimitsResult setGroupLimit(SetGroupLimitRequest request) throws Exception {
    if (request.group() != null) {
      Map<String, Integer> groups = new HashMap<>(current.groupLimits());
      put(groups, request.group(), request.limit());
      apply(current.withGroupLimits(groups));
    } else {
      checkArrayExists(request.array());
      Map<Long, Integer> arrays = new HashMap<>(current.arrayLimits());
      put(arrays, request.array(), request.limit());
      apply(current.withArrayLimits(arrays));
    }
    return limits();
  }

  private static <K> void put(Map<K, Integer> limits, K key, Integer limit) {
    if (limit == null) {
      limits.remove(key);
    } else {
      limits.put(key, limit);
    }
  }

  private void checkArrayExists(long arrayId) {
    Optional<Job> first = store.get(arrayId);
    if (first.isEmpty()
        || first.get().arrayJobId() == null
        || first.get().arrayJobId() != arrayId) {
      throw new RpcException(
          ErrorCode.NOT_FOUND,
          "no job array " + arrayId,
          ErrorData.hint("an array's id is the id of its first task; see gqueue -a"));
    }
  }

  public synchronized LimitsResult setQuota(SetQuotaRequest request) throws Exception {
    Quota defaultQuota = current.defaultQuota();
    Map<String, Quota> users = new HashMap<>(current.userQuotas());
    String user = request.user();
    if (request.isDefault()) {
      defaultQuota = request.remove() ? Quota.NONE : request.quota();
    } else if (request.remove()) {
      if (users.remove(user) == null) {
        throw new RpcException(
            ErrorCode.NOT_FOUND,
            "user " + SafeText.escape(user) + " has no quota of their own",
            ErrorData.hint("gctl quota list shows the quotas that are set"));
      }
    } else {
      if (uidOfUser.apply(user).isEmpty()) {
        throw new RpcException(
            ErrorCode.NOT_FOUND,
            "no user " + SafeText.escape(user) + " on this host",
            ErrorData.hint("check the name with: id -- " + SafeText.escape(user)));
      }
      users.put(user, request.quota());
    }
    apply(current.withQuotas(defaultQuota, users));
    return limits();
  }

  /** Makes {@code next} durable, then the limits in force, then tells the scheduler. */
  private void apply(QueueLimits next) throws Exception {
    String json = Json.write(LimitsJson.toResult(next).toJson());
    await(store.putSetting(SETTING, json));
    current = next;
    await(scheduler.limitsChanged(next));
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException failed) {
      if (failed.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw failed;
    }
  }
}
