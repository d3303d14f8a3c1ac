package io.gflow.daemon.exec;

import java.util.Optional;

/**
 * Which wrapper process runs a job: pid plus start time (SPEC §6.7), because a pid alone may be
 * reused or belong to a zombie that a non-reaping pid 1 never collects. Immutable and thread-safe.
 */
record WrapperId(long pid, long startTicks) {

  /** The wrapper's stat if it is still this very process and has not exited, else empty. */
  Optional<ProcessStat> running() {
    return ProcessStat.read(pid).filter(stat -> stat.startTicks() == startTicks && !stat.exited());
  }
}
