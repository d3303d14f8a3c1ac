package io.gflow.daemon.auth;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the kernel's peer credentials into a {@link Caller}; thread-safe if its {@link
 * AccountDirectory} is. The directory adds the user's name and groups.
 */
public final class CallerResolver {
  private final AccountDirectory directory;

  public CallerResolver(AccountDirectory directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /**
   * The caller for these credentials. An unknown uid (or a failed lookup) gives the decimal uid as
   * name and no groups, so it can never hold a group-based role.
   */
  public Caller resolve(long uid, long gid, long pid) {
    Optional<Account> account = directory.lookupUid(uid).filter(found -> found.uid() == uid);
    return new Caller(
        uid,
        gid,
        pid,
        account.map(Account::name).orElse(Long.toString(uid)),
        account.map(Account::groups).orElse(Set.of()));
  }
}
