package io.gflow.daemon.auth;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A user account as NSS reports it: uid, name, primary group, all groups (supplementary plus
 * primary, as {@code getgrouplist} gives them) and the names of those groups that have one.
 * Immutable and thread-safe.
 */
public record Account(
    long uid, String name, long primaryGid, Set<Long> groups, Map<Long, String> groupNames) {

  public Account {
    Caller.checkId("uid", uid);
    Caller.checkId("gid", primaryGid);
    Objects.requireNonNull(name, "name");
    Set<Long> all = new HashSet<>(groups);
    all.add(primaryGid);
    all.forEach(group -> Caller.checkId("group", group));
    groups = Set.copyOf(all);
    groupNames = Map.copyOf(groupNames);
  }
}
