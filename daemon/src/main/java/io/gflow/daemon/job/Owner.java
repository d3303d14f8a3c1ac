package io.gflow.daemon.job;

import java.util.Objects;

/**
 * Who submitted a job, as the kernel and NSS said at submit time: the job runs as this uid and gid.
 * Immutable and thread-safe.
 */
public record Owner(long uid, long gid, String user) {
  public Owner {
    Objects.requireNonNull(user, "user");
  }
}
