package io.gflow.daemon.exec;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a wrapper's {@code jobpid} record. The wrapper needs a few milliseconds, so the record
 * is looked for after 0.1 ms and then at intervals that grow with the wait (an eighth of it, at
 * most 5 ms): a quick start is seen almost at once, a slow one (an output file on a slow mount) is
 * not polled in a busy loop. Stateless.
 */
final class JobPidWait {
  private static final long POLL_MIN_NANOS = 100_000;
  private static final long POLL_MAX_NANOS = 5_000_000;

  private JobPidWait() {}

  /**
   * The job's pid once {@code spool} has it, or empty when {@code wrapperAlive} turns false first
   * (the record is read once more then) or {@code timeoutMillis} pass.
   */
  static OptionalLong await(SpoolDir spool, BooleanSupplier wrapperAlive, long timeoutMillis) {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    long now = start;
    while (now - deadline < 0 && !Thread.currentThread().isInterrupted()) {
      OptionalLong jobPid = spool.jobPid();
      if (jobPid.isPresent()) {
        return jobPid;
      }
      if (!wrapperAlive.getAsBoolean()) {
        return spool.jobPid();
      }
      LockSupport.parkNanos(Math.min(POLL_MAX_NANOS, POLL_MIN_NANOS + (now - start) / 8));
      now = System.nanoTime();
    }
    return OptionalLong.empty();
  }
}
