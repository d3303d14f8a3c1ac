package io.gflow.daemon.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CachingDirectoryTest {
  private final FakeClock clock = new FakeClock();
  private final FakeDirectory fake =
      new FakeDirectory().group("ops", 500).user("alice", 1001, 500L);
  private final CachingDirectory cache = new CachingDirectory(fake, clock);

  @Test
  void lookupUid_secondCallWithinTtl_hitsCache() {
    Optional<Account> first = cache.lookupUid(1001);
    clock.advance(Duration.ofSeconds(9));
    Optional<Account> second = cache.lookupUid(1001);

    assertEquals("alice", first.orElseThrow().name());
    assertEquals(first, second);
    assertEquals(1, fake.uidLookups());
  }

  @Test
  void lookupUid_afterTtl_asksAgain() {
    cache.lookupUid(1001);
    clock.advance(Duration.ofSeconds(10));
    cache.lookupUid(1001);

    assertEquals(2, fake.uidLookups());
  }

  @Test
  void lookupGroupAndUser_withinTtl_hitCache() {
    assertEquals(Optional.of(500L), cache.lookupGroup("ops"));
    assertEquals(Optional.of(500L), cache.lookupGroup("ops"));
    assertEquals(Optional.of(1001L), cache.lookupUser("alice"));
    assertEquals(Optional.of(1001L), cache.lookupUser("alice"));

    assertEquals(1, fake.groupLookups());
    assertEquals(1, fake.userLookups());
  }

  @Test
  void flush_cachedEntries_asksAgain() {
    cache.lookupUid(1001);
    cache.lookupGroup("ops");
    cache.flush();
    cache.lookupUid(1001);
    cache.lookupGroup("ops");

    assertEquals(2, fake.uidLookups());
    assertEquals(2, fake.groupLookups());
  }

  @Test
  void lookupUid_failure_cachedForShortTimeOnly() {
    assertTrue(cache.lookupUid(4242).isEmpty());
    assertTrue(cache.lookupUid(4242).isEmpty());
    assertEquals(1, fake.uidLookups());

    clock.advance(Duration.ofSeconds(2));
    cache.lookupUid(4242);
    assertEquals(2, fake.uidLookups());
  }

  @Test
  void lookupUid_recoveredAfterFailure_seenOnceFailureTtlPasses() {
    fake.failing(true);
    assertTrue(cache.lookupUid(1001).isEmpty());
    fake.failing(false);
    assertTrue(cache.lookupUid(1001).isEmpty());

    clock.advance(CachingDirectory.DEFAULT_FAILURE_TTL);
    assertEquals("alice", cache.lookupUid(1001).orElseThrow().name());
  }

  @Test
  void lookupUid_delegateThrows_failsClosed() {
    CachingDirectory throwing =
        new CachingDirectory(new ThrowingDirectory(), clock, Duration.ofSeconds(10), Duration.ZERO);
    assertTrue(throwing.lookupUid(1001).isEmpty());
    assertTrue(throwing.lookupGroup("ops").isEmpty());
  }

  @Test
  @Timeout(10)
  void lookupUid_concurrentCallers_oneDelegateCall() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    SlowDirectory slow = new SlowDirectory(fake, release);
    CachingDirectory slowCache = new CachingDirectory(slow, clock);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Optional<Account>>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> slowCache.lookupUid(1001)));
      }
      slow.entered.await();
      release.countDown();
      for (Future<Optional<Account>> result : results) {
        assertEquals("alice", result.get().orElseThrow().name());
      }
      assertEquals(1, fake.uidLookups());
    } finally {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
    }
  }

  private static final class ThrowingDirectory implements AccountDirectory {
    @Override
    public Optional<Account> lookupUid(long uid) {
      throw new IllegalStateException("boom");
    }

    @Override
    public Optional<Long> lookupGroup(String name) {
      throw new IllegalStateException("boom");
    }

    @Override
    public Optional<Long> lookupUser(String name) {
      return null;
    }
  }

  /** Blocks the first lookup until released, so other callers pile up behind it. */
  private static final class SlowDirectory implements AccountDirectory {
    private final AccountDirectory delegate;
    private final CountDownLatch release;
    private final CountDownLatch entered = new CountDownLatch(1);

    SlowDirectory(AccountDirectory delegate, CountDownLatch release) {
      this.delegate = delegate;
      this.release = release;
    }

    @Override
    public Optional<Account> lookupUid(long uid) {
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return delegate.lookupUid(uid);
    }

    @Override
    public Optional<Long> lookupGroup(String name) {
      return delegate.lookupGroup(name);
    }

    @Override
    public Optional<Long> lookupUser(String name) {
      return delegate.lookupUser(name);
    }
  }
}
