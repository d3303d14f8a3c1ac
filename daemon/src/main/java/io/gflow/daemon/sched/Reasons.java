package io.gflow.daemon.sched;

import io.gflow.protocol.SafeText;

/**
 * The scheduler's {@code reason} texts (SPEC §5): why a job waits or how it ended. Stateless and
 * thread-safe.
 */
public final class Reasons {
  /** How the runner reports a job whose end it could not observe (state LOST). */
  public static final String LOST_PREFIX = "LOST:";

  public static final String PRIORITY = "Priority";
  public static final String RESOURCES = "Resources";
  public static final String DEPENDENCY = "Dependency";
  public static final String DEPENDENCY_NEVER_SATISFIED = "DependencyNeverSatisfied";
  public static final String BEGIN_TIME = "BeginTime";
  public static final String HELD_USER = "JobHeldUser";
  public static final String HELD_ADMIN = "JobHeldAdmin";
  public static final String GROUP_LIMIT = "GroupLimit";
  public static final String ARRAY_LIMIT = "ArrayLimit";
  public static final String QUOTA_RUNNING = "QuotaRunning";
  public static final String QUOTA_GPUS = "QuotaGpus";
  public static final String DRAINING = "Draining";
  public static final String TIME_LIMIT = "TimeLimit";

  private static final String DEPENDENCY_FAILED = "DependencyFailed:";
  private static final String CANCELLED_BY = "CancelledBy:";
  private static final String LAUNCH_FAILED = "LaunchFailed:";

  private Reasons() {}

  public static String dependencyFailed(long dependencyId) {
    return DEPENDENCY_FAILED + dependencyId;
  }

  public static String cancelledBy(String user) {
    return CANCELLED_BY + SafeText.escape(user);
  }

  public static boolean isCancelledBy(String reason) {
    return reason != null && reason.startsWith(CANCELLED_BY);
  }

  /** {@code LaunchFailed:<text>}, with the text escaped and capped (it may come from a process). */
  public static String launchFailed(String text) {
    return LAUNCH_FAILED + SafeText.escape(text);
  }
}
