package io.gflow.daemon.limits;

import io.gflow.daemon.sched.QueueLimits;
import io.gflow.protocol.admin.LimitsResult;

/** Converts between the scheduler's {@link QueueLimits} and their wire form. Stateless. */
final class LimitsJson {
  private LimitsJson() {}

  static LimitsResult toResult(QueueLimits limits) {
    return new LimitsResult(
        limits.groupLimits(),
        limits.arrayLimits(),
        limits.defaultQuota(),
        limits.userQuotas(),
        limits.draining());
  }

  static QueueLimits toLimits(LimitsResult result) {
    return new QueueLimits(
        result.groupLimits(),
        result.arrayLimits(),
        result.defaultQuota(),
        result.userQuotas(),
        result.draining());
  }
}
