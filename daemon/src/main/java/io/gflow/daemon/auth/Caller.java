package io.gflow.daemon.auth;

import java.util.Objects;
import java.util.Set;

/**
 * Who is on the other end of a connection, as the kernel reported it at accept ({@code
 * SO_PEERCRED}) plus the user's name and groups from NSS. Immutable and thread-safe.
 *
 * <p>uid and gid are unsigned 32-bit values held in a {@code long}. {@code userName} is the decimal
 * uid when the uid has no passwd entry. {@code groups} are the supplementary groups from NSS
 * including the primary one, and empty when the lookup failed, so a failure never grants a
 * group-based role. The pid is informational only: pids are reused, so no decision uses it.
 */
public record Caller(long uid, long gid, long pid, String userName, Set<Long> groups) {
  /** Largest unsigned 32-bit id; {@code (uid_t) -1}. */
  public static final long MAX_ID = 0xFFFF_FFFFL;

  public Caller {
    checkId("uid", uid);
    checkId("gid", gid);
    if (pid < 0) {
      throw new IllegalArgumentException("pid (" + pid + ") must not be negative");
    }
    Objects.requireNonNull(userName, "userName");
    groups = Set.copyOf(groups);
    groups.forEach(group -> checkId("group", group));
  }

  /** Whether NSS lists the caller as a member of {@code gid}. */
  public boolean inGroup(long gid) {
    return groups.contains(gid);
  }

  static void checkId(String what, long id) {
    if (id < 0 || id > MAX_ID) {
      throw new IllegalArgumentException(what + " (" + id + ") must be in 0.." + MAX_ID);
    }
  }
}
