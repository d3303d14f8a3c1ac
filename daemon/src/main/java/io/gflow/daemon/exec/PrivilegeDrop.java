package io.gflow.daemon.exec;

import io.gflow.daemon.job.Owner;
import java.util.List;

/**
 * How the job launcher comes to run as the jobs' owner: a command prefix put in front of {@code
 * [gflow-job, --serve]}. A personal daemon uses {@link #none()} (its jobs run as itself); a root
 * daemon uses {@link #setpriv()}, which drops to the owner's uid, gid and groups (initgroups)
 * before any user-controlled input is touched (SPEC §6.1). Immutable and thread-safe.
 */
public final class PrivilegeDrop {
  private static final PrivilegeDrop NONE = new PrivilegeDrop(null);

  private final String setpriv;

  private PrivilegeDrop(String setpriv) {
    this.setpriv = setpriv;
  }

  /** No drop: the launcher runs as the daemon's own user. */
  public static PrivilegeDrop none() {
    return NONE;
  }

  /** {@code /usr/bin/setpriv --reuid U --regid G --init-groups --no-new-privs --inh-caps=-all}. */
  public static PrivilegeDrop setpriv() {
    return setpriv("/usr/bin/setpriv");
  }

  /** As {@link #setpriv()}, with the given {@code setpriv} program. */
  public static PrivilegeDrop setpriv(String program) {
    if (!program.startsWith("/")) {
      throw new IllegalArgumentException("setpriv (" + program + ") must be an absolute path");
    }
    return new PrivilegeDrop(program);
  }

  /** True if jobs run as their owner rather than as the daemon's user. */
  public boolean drops() {
    return setpriv != null;
  }

  /** The prefix for the command of one owner's launcher; empty for {@link #none()}. */
  List<String> prefix(Owner owner) {
    if (setpriv == null) {
      return List.of();
    }
    return List.of(
        setpriv,
        "--reuid",
        Long.toString(owner.uid()),
        "--regid",
        Long.toString(owner.gid()),
        "--init-groups",
        "--no-new-privs",
        "--inh-caps=-all",
        "--");
  }

  @Override
  public String toString() {
    return setpriv == null ? "none" : setpriv;
  }
}
