package io.gflow.protocol.client;

import com.sun.security.auth.module.UnixSystem;

/** The uid this process runs as (the real uid), from the JDK's own binding. Stateless. */
public final class ProcessIdentity {
  private ProcessIdentity() {}

  public static long uid() {
    return new UnixSystem().getUid() & 0xFFFF_FFFFL;
  }
}
