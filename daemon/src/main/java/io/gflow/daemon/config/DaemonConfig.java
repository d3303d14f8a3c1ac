package io.gflow.daemon.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The daemon's settings as read from gflowd.toml (SPEC §11). Immutable and thread-safe.
 *
 * <p>{@code socket} and {@code stateDir} are null when the file does not set them; the daemon then
 * uses its mode's default path. User lists hold names or decimal uids, group lists names or decimal
 * gids.
 */
public record DaemonConfig(
    Path socket,
    Path stateDir,
    List<String> adminUsers,
    List<String> adminGroups,
    List<String> operatorUsers,
    List<String> operatorGroups,
    List<String> allowedGroups,
    boolean privateData,
    boolean allowRootJobs,
    boolean allowNobody,
    Limits limits,
    SchedulerSettings scheduler,
    AuditSettings audit) {

  /** The group whose members are admins unless the config says otherwise. */
  public static final String DEFAULT_ADMIN_GROUP = "gflow-admin";

  public DaemonConfig {
    adminUsers = List.copyOf(adminUsers);
    adminGroups = List.copyOf(adminGroups);
    operatorUsers = List.copyOf(operatorUsers);
    operatorGroups = List.copyOf(operatorGroups);
    allowedGroups = List.copyOf(allowedGroups);
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(audit, "audit");
  }

  /** The settings of a daemon without a config file. */
  public static DaemonConfig defaults() {
    return new DaemonConfig(
        null,
        null,
        List.of(),
        List.of(DEFAULT_ADMIN_GROUP),
        List.of(),
        List.of(),
        List.of(),
        true,
        false,
        false,
        Limits.defaults(),
        SchedulerSettings.defaults(),
        AuditSettings.defaults());
  }
}
