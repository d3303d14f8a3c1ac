package io.gflow.cli.ctl;

import io.gflow.cli.Table;
import io.gflow.protocol.SafeText;
import io.gflow.protocol.admin.DrainResult;
import io.gflow.protocol.admin.LimitsResult;
import io.gflow.protocol.admin.Quota;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Pure formatting of queue limits, quotas and drain results for people. Stateless. */
final class LimitsFormat {
  private LimitsFormat() {}

  /** {@code group lab: at most 2 running jobs}, or {@code group lab: no limit}. */
  static String groupLimit(String group, Integer limit) {
    return "group " + SafeText.escape(group) + ": " + runningAtMost(limit, "job");
  }

  /** {@code array 42: at most 3 running tasks}, or {@code array 42: no limit}. */
  static String arrayLimit(long array, Integer limit) {
    return "array " + array + ": " + runningAtMost(limit, "task");
  }

  private static String runningAtMost(Integer limit, String noun) {
    if (limit == null) {
      return "no limit";
    }
    return "at most " + limit + " running " + noun + (limit == 1 ? "" : "s");
  }

  /**
   * The quota that applies to {@code user}: {@code quota of alice: max running 4, max GPUs 2
   * (default), max queued no limit}.
   */
  static String quota(String user, LimitsResult limits) {
    boolean isDefault = "default".equals(user);
    Quota own = isDefault ? limits.defaultQuota() : limits.userQuotas().get(user);
    Quota fallback = isDefault ? Quota.NONE : limits.defaultQuota();
    Quota shown = own == null ? Quota.NONE : own;
    return (isDefault ? "default quota" : "quota of " + SafeText.escape(user))
        + ": max running "
        + cell(shown.maxRunning(), fallback.maxRunning(), "no limit")
        + ", max GPUs "
        + cell(shown.maxGpus(), fallback.maxGpus(), "no limit")
        + ", max queued "
        + cell(shown.maxQueued(), fallback.maxQueued(), "no limit");
  }

  /** A limit, the inherited default marked {@code (default)}, or {@code none} when neither. */
  private static String cell(Integer own, Integer fallback, String none) {
    if (own != null) {
      return own.toString();
    }
    return fallback != null ? fallback + " (default)" : none;
  }

  /**
   * {@code gctl quota list}: a table of the default and each user's quota (inherited limits marked
   * {@code (default)}), then group and array limits and the drain state when set.
   */
  static String limitsList(LimitsResult limits) {
    List<List<String>> rows = new ArrayList<>();
    Quota base = limits.defaultQuota();
    rows.add(row("default", base, Quota.NONE));
    new TreeMap<>(limits.userQuotas())
        .forEach((user, quota) -> rows.add(row(SafeText.escape(user), quota, base)));
    StringBuilder text =
        new StringBuilder(
            Table.render(List.of("USER", "MAX_RUNNING", "MAX_GPUS", "MAX_QUEUED"), rows));
    if (!limits.groupLimits().isEmpty()) {
      text.append("group limits: ")
          .append(joined(limits.groupLimits(), SafeText::escape))
          .append('\n');
    }
    if (!limits.arrayLimits().isEmpty()) {
      text.append("array limits: ")
          .append(joined(limits.arrayLimits(), String::valueOf))
          .append('\n');
    }
    if (limits.draining()) {
      text.append("gflowd is draining: no job starts until gctl resume\n");
    }
    return text.toString().stripTrailing();
  }

  private static List<String> row(String user, Quota quota, Quota fallback) {
    return List.of(
        user,
        cell(quota.maxRunning(), fallback.maxRunning(), "-"),
        cell(quota.maxGpus(), fallback.maxGpus(), "-"),
        cell(quota.maxQueued(), fallback.maxQueued(), "-"));
  }

  private static <K> String joined(Map<K, Integer> limits, Function<K, String> name) {
    return new TreeMap<>(limits)
        .entrySet().stream()
            .map(entry -> name.apply(entry.getKey()) + "=" + entry.getValue())
            .collect(Collectors.joining(", "));
  }

  /** What {@code gctl drain} or {@code gctl resume} did, with the counts. */
  static String drain(DrainResult result) {
    String counts = result.running() + " running job(s), " + result.queued() + " queued job(s)";
    return result.draining()
        ? "gflowd: draining: no job starts until gctl resume; running jobs finish (" + counts + ")"
        : "gflowd: resumed: queued jobs start again (" + counts + ")";
  }
}
