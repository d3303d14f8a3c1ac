package io.gflow.daemon.store;

import io.gflow.daemon.job.Job;
import java.util.function.Supplier;

/**
 * A job read from its row whose spec is decoded only by {@link #decode}: decoding the spec's JSON
 * is most of reading a job, and a listing does it later, on the threads that encode its page.
 * Immutable; {@link #decode} may be called from any thread, and decodes again on each call.
 */
public record StoredJob(long id, Supplier<Job> decoder) {
  /**
   * The whole job.
   *
   * @throws IllegalStateException if its stored spec is not one (a damaged database)
   */
  public Job decode() {
    return decoder.get();
  }
}
