package io.gflow.daemon.auth;

import io.gflow.daemon.config.DaemonConfig;
import io.gflow.protocol.Role;
import io.gflow.protocol.SafeText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides a caller's {@link Role} and whether it may connect at all (SPEC §3), from the config, the
 * daemon's own uid and group names resolved once at construction. Immutable and thread-safe; build
 * a new one on {@code admin.reload}.
 *
 * <p>Group-based roles come only from {@link Caller#groups()}, which is empty when the NSS lookup
 * failed, so a failure never grants anything beyond {@link Role#USER}.
 */
public final class RoleResolver {
  /** The unknown id, {@code (uid_t) -1}. */
  public static final long UNKNOWN_ID = 4_294_967_295L;

  /** The overflow id of {@code nobody}/{@code nogroup}; unmapped ids in user namespaces. */
  public static final long NOBODY_ID = 65_534L;

  private final long daemonUid;
  private final boolean allowNobody;
  private final UserSet adminUsers;
  private final UserSet operatorUsers;
  private final Set<Long> adminGids;
  private final Set<Long> operatorGids;
  private final Set<Long> allowedGids;
  private final boolean connectionsRestricted;
  private final List<String> warnings;

  /**
   * Resolves the config's group names to gids through {@code directory}; unknown names are left out
   * and reported by {@link #warnings()}.
   */
  public RoleResolver(DaemonConfig config, long daemonUid, AccountDirectory directory) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(directory, "directory");
    Caller.checkId("daemon uid", daemonUid);
    List<String> problems = new ArrayList<>();
    this.daemonUid = daemonUid;
    this.allowNobody = config.allowNobody();
    this.adminUsers = UserSet.of("admin_users", config.adminUsers(), directory, problems);
    this.operatorUsers = UserSet.of("operator_users", config.operatorUsers(), directory, problems);
    this.adminGids = groupIds("admin_groups", config.adminGroups(), directory, problems);
    this.operatorGids = groupIds("operator_groups", config.operatorGroups(), directory, problems);
    this.allowedGids = groupIds("allowed_groups", config.allowedGroups(), directory, problems);
    this.connectionsRestricted = !config.allowedGroups().isEmpty();
    this.warnings = List.copyOf(problems);
  }

  /** The caller's role: admin, operator or user, highest match first. */
  public Role roleOf(Caller caller) {
    if (caller.uid() == 0
        || caller.uid() == daemonUid
        || adminUsers.contains(caller)
        || intersects(caller.groups(), adminGids)) {
      return Role.ADMIN;
    }
    if (operatorUsers.contains(caller) || intersects(caller.groups(), operatorGids)) {
      return Role.OPERATOR;
    }
    return Role.USER;
  }

  /**
   * Whether the caller may use the daemon: everyone when {@code allowed_groups} is empty, else
   * admins, operators and members of an allowed group. If none of the allowed groups exists, only
   * admins and operators may connect.
   */
  public boolean mayConnect(Caller caller) {
    return !connectionsRestricted
        || roleOf(caller).atLeast(Role.OPERATOR)
        || intersects(caller.groups(), allowedGids);
  }

  /**
   * Whether a connection with these kernel ids is refused: unknown or nobody ids, unless allowed.
   */
  public boolean refusesIdentity(long uid, long gid) {
    if (uid < 0 || uid > UNKNOWN_ID || gid < 0 || gid > UNKNOWN_ID) {
      return true;
    }
    if (uid == UNKNOWN_ID || gid == UNKNOWN_ID) {
      return true;
    }
    return !allowNobody && (uid == NOBODY_ID || gid == NOBODY_ID);
  }

  /** Problems found while resolving the config (unknown groups or users), for the log. */
  public List<String> warnings() {
    return warnings;
  }

  private static Set<Long> groupIds(
      String key, List<String> names, AccountDirectory directory, List<String> problems) {
    Set<Long> gids = new HashSet<>();
    for (String name : names) {
      Optional<Long> gid = parseId(name);
      if (gid.isEmpty()) {
        gid = directory.lookupGroup(name);
      }
      if (gid.isPresent()) {
        gids.add(gid.get());
      } else if (!name.equals(DaemonConfig.DEFAULT_ADMIN_GROUP)) {
        // The default admin group is optional by design (SPEC §3: "if that group exists").
        problems.add(key + ": group '" + SafeText.escape(name) + "' does not exist; ignored");
      }
    }
    return Set.copyOf(gids);
  }

  static Optional<Long> parseId(String text) {
    if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    long id = Long.parseLong(text);
    return id < UNKNOWN_ID ? Optional.of(id) : Optional.empty();
  }

  private static boolean intersects(Set<Long> groups, Set<Long> wanted) {
    for (Long gid : wanted) {
      if (groups.contains(gid)) {
        return true;
      }
    }
    return false;
  }

  /** Users listed by name or decimal uid. Names match the caller's NSS name. */
  private record UserSet(Set<Long> uids, Set<String> names) {
    static UserSet of(
        String key, List<String> entries, AccountDirectory directory, List<String> problems) {
      Set<Long> uids = new HashSet<>();
      Set<String> names = new HashSet<>();
      for (String entry : entries) {
        Optional<Long> uid = parseId(entry);
        if (uid.isPresent()) {
          uids.add(uid.get());
        } else {
          names.add(entry);
          if (directory.lookupUser(entry).isEmpty()) {
            problems.add(key + ": user '" + SafeText.escape(entry) + "' does not exist");
          }
        }
      }
      return new UserSet(Set.copyOf(uids), Set.copyOf(names));
    }

    boolean contains(Caller caller) {
      // A caller whose lookup failed carries its decimal uid as name; that never matches a name.
      return uids.contains(caller.uid()) || names.contains(caller.userName());
    }
  }
}
