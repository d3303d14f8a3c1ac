package io.gflow.daemon.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory account directory that counts its lookups. Thread-safe. */
final class FakeDirectory implements AccountDirectory {
  private final Map<Long, Account> accounts = new ConcurrentHashMap<>();
  private final Map<String, Long> groupsByName = new ConcurrentHashMap<>();
  private final AtomicInteger uidLookups = new AtomicInteger();
  private final AtomicInteger groupLookups = new AtomicInteger();
  private final AtomicInteger userLookups = new AtomicInteger();
  private volatile boolean failing;

  FakeDirectory group(String name, long gid) {
    groupsByName.put(name, gid);
    return this;
  }

  /** Adds a user whose primary group has its uid as gid, plus {@code groups}. */
  FakeDirectory user(String name, long uid, Long... groups) {
    Map<Long, String> names = new HashMap<>();
    groupsByName.forEach((groupName, gid) -> names.put(gid, groupName));
    names.keySet().retainAll(Set.of(groups));
    accounts.put(uid, new Account(uid, name, uid, Set.of(groups), names));
    return this;
  }

  /** While failing, every lookup answers empty, like NSS being down. */
  void failing(boolean value) {
    failing = value;
  }

  int uidLookups() {
    return uidLookups.get();
  }

  int groupLookups() {
    return groupLookups.get();
  }

  int userLookups() {
    return userLookups.get();
  }

  @Override
  public Optional<Account> lookupUid(long uid) {
    uidLookups.incrementAndGet();
    return failing ? Optional.empty() : Optional.ofNullable(accounts.get(uid));
  }

  @Override
  public Optional<Long> lookupGroup(String name) {
    groupLookups.incrementAndGet();
    return failing ? Optional.empty() : Optional.ofNullable(groupsByName.get(name));
  }

  @Override
  public Optional<Long> lookupUser(String name) {
    userLookups.incrementAndGet();
    if (failing) {
      return Optional.empty();
    }
    return accounts.values().stream()
        .filter(account -> account.name().equals(name))
        .map(Account::uid)
        .findFirst();
  }
}
