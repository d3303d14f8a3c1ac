package io.gflow.daemon.sched;

import io.gflow.protocol.admin.Quota;
import java.util.Map;
import java.util.Objects;

/**
 * What an admin set to hold jobs back, besides slots and GPUs: most running jobs per group and per
 * job array, per-user quotas (a user's unset limits fall back to the default quota), and whether
 * the queue drains (starts nothing). Immutable and thread-safe.
 *
 * @param groupLimits group name → most jobs of that group running at once
 * @param arrayLimits array job id → most tasks of that array running at once
 * @param defaultQuota the quota of users without their own, and the fallback of their unset limits
 * @param userQuotas user name → that user's quota
 * @param draining start no job; running ones run on
 */
public record QueueLimits(
    Map<String, Integer> groupLimits,
    Map<Long, Integer> arrayLimits,
    Quota defaultQuota,
    Map<String, Quota> userQuotas,
    boolean draining) {

  /** Nothing held back. */
  public static final QueueLimits NONE =
      new QueueLimits(Map.of(), Map.of(), Quota.NONE, Map.of(), false);

  public QueueLimits {
    groupLimits = Map.copyOf(groupLimits);
    arrayLimits = Map.copyOf(arrayLimits);
    Objects.requireNonNull(defaultQuota, "defaultQuota");
    userQuotas = Map.copyOf(userQuotas);
    groupLimits.values().forEach(QueueLimits::checkLimit);
    arrayLimits.values().forEach(QueueLimits::checkLimit);
  }

  private static void checkLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit (" + limit + ") must be >= 0");
    }
  }

  /** The limits that apply to {@code user}: their own, unset ones from the default. */
  public Quota quotaOf(String user) {
    Quota own = userQuotas.get(user);
    return own == null ? defaultQuota : own.orElse(defaultQuota);
  }

  public QueueLimits withGroupLimits(Map<String, Integer> limits) {
    return new QueueLimits(limits, arrayLimits, defaultQuota, userQuotas, draining);
  }

  public QueueLimits withArrayLimits(Map<Long, Integer> limits) {
    return new QueueLimits(groupLimits, limits, defaultQuota, userQuotas, draining);
  }

  public QueueLimits withQuotas(Quota newDefault, Map<String, Quota> users) {
    return new QueueLimits(groupLimits, arrayLimits, newDefault, users, draining);
  }

  public QueueLimits withDraining(boolean drain) {
    return new QueueLimits(groupLimits, arrayLimits, defaultQuota, userQuotas, drain);
  }
}
