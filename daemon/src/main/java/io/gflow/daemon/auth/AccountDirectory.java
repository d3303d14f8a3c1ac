package io.gflow.daemon.auth;

import java.util.Optional;

/**
 * Looks up users and groups with NSS semantics. Implementations must be thread-safe and fail
 * closed: any error, timeout or missing entry is {@link Optional#empty()}, never an exception and
 * never a guess.
 */
public interface AccountDirectory {
  /** The account with this uid, with all its groups; empty when unknown or on error. */
  Optional<Account> lookupUid(long uid);

  /** The gid of the group with this exact name; empty when unknown or on error. */
  Optional<Long> lookupGroup(String name);

  /** The uid of the user with this exact name; empty when unknown or on error. */
  Optional<Long> lookupUser(String name);
}
