package io.gflow.cli.doctor;

import com.sun.security.auth.module.UnixSystem;
import java.util.HashSet;
import java.util.Set;

/**
 * The process running the doctor as the kernel sees it: real uid, gid and supplementary groups,
 * which decide what it may open. Immutable and thread-safe.
 */
record Caller(long uid, long gid, Set<Long> groups) {
  Caller {
    groups = Set.copyOf(groups);
  }

  static Caller current() {
    UnixSystem system = new UnixSystem();
    Set<Long> groups = new HashSet<>();
    groups.add(system.getGid() & 0xFFFF_FFFFL);
    long[] supplementary = system.getGroups();
    if (supplementary != null) {
      for (long group : supplementary) {
        groups.add(group & 0xFFFF_FFFFL);
      }
    }
    return new Caller(system.getUid() & 0xFFFF_FFFFL, system.getGid() & 0xFFFF_FFFFL, groups);
  }
}
