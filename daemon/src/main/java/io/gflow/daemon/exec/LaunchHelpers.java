package io.gflow.daemon.exec;

import io.gflow.daemon.job.Owner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The {@link LaunchHelper}s of a runner: one per user and group the jobs run as (a personal daemon
 * has one), started on the first job. A launcher takes jobs for at most {@value #MAX_AGE_SECONDS} s
 * (the daemon's group cache time), so that a job never runs with supplementary groups older than
 * that: {@code setpriv --init-groups} reads them when the launcher starts. Then it is retired and
 * the next job starts a fresh one. Thread-safe.
 */
final class LaunchHelpers {
  static final long MAX_AGE_SECONDS = 10;
  private static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(MAX_AGE_SECONDS);

  private final Path program;
  private final PrivilegeDrop privilegeDrop;
  // Guarded by this.
  private final Map<String, LaunchHelper> current = new HashMap<>();
  // Guarded by this: every launcher not known to be gone, retired ones included, to kill on close.
  private final Set<LaunchHelper> all = new HashSet<>();
  // Guarded by this.
  private boolean closed;

  LaunchHelpers(Path program, PrivilegeDrop privilegeDrop) {
    this.program = program;
    this.privilegeDrop = privilegeDrop;
  }

  /**
   * Has the launcher for {@code owner}'s jobs fork the wrapper of {@code spool} with {@code inputs}
   * (see {@link LaunchHelper#spawn}); a launcher retired meanwhile is replaced.
   *
   * @return the launcher and the wrapper's pid
   */
  Spawned spawn(
      Owner owner,
      SpoolDir spool,
      byte[] inputs,
      LaunchHelper.WrapperExit onExit,
      long timeoutMillis)
      throws LaunchException {
    LaunchHelper helper = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      helper = forOwner(owner);
      long pid = helper.spawn(spool, inputs, onExit, timeoutMillis);
      if (pid > 0) {
        return new Spawned(helper, pid);
      }
    }
    // The second launcher was started for this job: if it is gone, it ended before taking it
    // (e.g. it could not be run at all), and its exit status says more than a retry could.
    throw helper.gone()
        ? helper.exited()
        : new LaunchException("the job launcher stopped before it took the job");
  }

  /** A wrapper's pid and the launcher that forked it. */
  record Spawned(LaunchHelper helper, long pid) {}

  /** The launcher for {@code owner}'s jobs, started now if there is no usable one. */
  private synchronized LaunchHelper forOwner(Owner owner) throws LaunchException {
    if (closed) {
      throw new LaunchException("the job runner is closed");
    }
    all.removeIf(LaunchHelper::gone);
    String key = privilegeDrop.drops() ? owner.uid() + ":" + owner.gid() : "self";
    LaunchHelper helper = current.get(key);
    if (helper != null && helper.usable(MAX_AGE_NANOS)) {
      return helper;
    }
    if (helper != null) {
      helper.retire();
    }
    List<String> command = new ArrayList<>(privilegeDrop.prefix(owner));
    command.add(program.toString());
    command.add("--serve");
    helper = LaunchHelper.start(command, "gflowd-launcher-" + key.replace(':', '-'));
    current.put(key, helper);
    all.add(helper);
    return helper;
  }

  /** Retires launchers that are past their age, so that idle ones do not linger. */
  synchronized void retireOld() {
    current.values().removeIf(helper -> !helper.usable(MAX_AGE_NANOS));
    all.removeIf(LaunchHelper::gone);
    for (LaunchHelper helper : all) {
      if (!current.containsValue(helper)) {
        helper.retire();
      }
    }
  }

  /**
   * Retires every launcher, so that the next job of each user starts a fresh one with the groups
   * the system has now (after {@code admin.reload}); running jobs are not touched.
   */
  synchronized void retireAll() {
    current.clear();
    retireOld();
  }

  /** Kills every launcher; their wrappers and jobs keep running. */
  synchronized void close() {
    closed = true;
    all.forEach(LaunchHelper::kill);
    all.clear();
    current.clear();
  }
}
