package io.gflow.daemon.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caches another {@link AccountDirectory}: answers for a TTL (default 10 s), failures and unknown
 * names for a shorter one (default 2 s) so a burst of unknown uids cannot fork a lookup per
 * request. Thread-safe: concurrent lookups of the same key wait for one delegate call; {@link
 * #flush()} (from {@code admin.reload}) forgets everything.
 */
public final class CachingDirectory implements AccountDirectory {
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(10);
  public static final Duration DEFAULT_FAILURE_TTL = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(CachingDirectory.class);
  private static final int MAX_ENTRIES = 10_000;

  private final AccountDirectory delegate;
  private final Clock clock;
  private final Duration ttl;
  private final Duration failureTtl;
  private final ConcurrentHashMap<Long, Slot<Account>> uids = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Slot<Long>> groups = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Slot<Long>> users = new ConcurrentHashMap<>();

  public CachingDirectory(AccountDirectory delegate, Clock clock) {
    this(delegate, clock, DEFAULT_TTL, DEFAULT_FAILURE_TTL);
  }

  public CachingDirectory(
      AccountDirectory delegate, Clock clock, Duration ttl, Duration failureTtl) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.failureTtl = Objects.requireNonNull(failureTtl, "failureTtl");
  }

  @Override
  public Optional<Account> lookupUid(long uid) {
    return cached(uids, uid, delegate::lookupUid);
  }

  @Override
  public Optional<Long> lookupGroup(String name) {
    return cached(groups, name, delegate::lookupGroup);
  }

  @Override
  public Optional<Long> lookupUser(String name) {
    return cached(users, name, delegate::lookupUser);
  }

  /** Forgets every cached answer; the next lookups ask the delegate again. */
  public void flush() {
    uids.clear();
    groups.clear();
    users.clear();
  }

  private <K, V> Optional<V> cached(
      ConcurrentHashMap<K, Slot<V>> slots, K key, Function<K, Optional<V>> loader) {
    Objects.requireNonNull(key, "key");
    if (slots.size() >= MAX_ENTRIES) {
      evict(slots);
    }
    Slot<V> slot = slots.computeIfAbsent(key, unused -> new Slot<>());
    synchronized (slot) {
      if (slot.expiresAt != null && clock.instant().isBefore(slot.expiresAt)) {
        return slot.value;
      }
      Optional<V> value = load(loader, key);
      slot.value = value;
      slot.expiresAt = clock.instant().plus(value.isPresent() ? ttl : failureTtl);
      return value;
    }
  }

  private <K, V> Optional<V> load(Function<K, Optional<V>> loader, K key) {
    try {
      return Objects.requireNonNull(loader.apply(key), "directory returned null");
    } catch (RuntimeException e) {
      LOG.warn("account lookup failed; treating as unknown", e);
      return Optional.empty();
    }
  }

  private <K, V> void evict(ConcurrentHashMap<K, Slot<V>> slots) {
    Instant now = clock.instant();
    slots.values().removeIf(slot -> slot.isExpired(now));
    if (slots.size() >= MAX_ENTRIES) {
      slots.clear();
    }
  }

  /** One cached answer; a slot being loaded holds its lock while the delegate runs. */
  private static final class Slot<V> {
    // guarded by this
    private Optional<V> value = Optional.empty();
    // written under this; read without it only by eviction, where a stale read is harmless
    private volatile Instant expiresAt;

    boolean isExpired(Instant now) {
      Instant expires = expiresAt;
      return expires != null && !now.isBefore(expires);
    }
  }
}
