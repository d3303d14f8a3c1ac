package io.gflow.daemon.store;

import static io.gflow.daemon.store.StoreFixtures.CLOCK;
import static io.gflow.daemon.store.StoreFixtures.pendingJobs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.job.Job;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class JobStoreGroupCommitTest {
  private static final int THREADS = 32;
  private static final int INSERTS_PER_THREAD = 200;

  @TempDir Path dir;

  @BeforeAll
  static void nativeDir(@TempDir Path nativeDir) {
    StoreFixtures.privateNativeDir(nativeDir);
  }

  @Test
  @Timeout(120)
  void insert_concurrentSubmitters_shareCommitsAndKeepEveryJob() throws Exception {
    int total = THREADS * INSERTS_PER_THREAD;
    ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
    Set<Long> observed = ConcurrentHashMap.newKeySet();
    AtomicLong observerCalls = new AtomicLong();
    List<Long> observedInOrder = new ArrayList<>(); // writer thread only until the store closes
    ConcurrentLinkedQueue<Long> ackedBeforeObserved = new ConcurrentLinkedQueue<>();
    long commits;
    long started = System.nanoTime();
    try (JobStore store = JobStore.open(dir.resolve("gflow.db"), CLOCK)) {
      store.observeInserts(
          jobs -> {
            observerCalls.incrementAndGet();
            jobs.forEach(job -> observed.add(job.id()));
            jobs.forEach(job -> observedInOrder.add(job.id()));
          });
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> submitters = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          long uid = 1000 + t;
          submitters.add(
              pool.submit(
                  () -> {
                    start.await();
                    for (int i = 0; i < INSERTS_PER_THREAD; i++) {
                      // Like a client: the next submit only after this one is acknowledged.
                      Job job = store.insert(1, first -> pendingJobs(first, 1, uid)).join().get(0);
                      acknowledged.add(job.id());
                      if (!observed.contains(job.id())) {
                        ackedBeforeObserved.add(job.id());
                      }
                    }
                    return null;
                  }));
        }
        start.countDown();
        for (Future<?> submitter : submitters) {
          submitter.get();
        }
      } finally {
        pool.shutdownNow();
      }
      commits = store.commits();
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf(
        "group commit: %d inserts from %d threads in %d commits (%.1f per commit), %d ms%n",
        total, THREADS, commits, (double) total / commits, millis);

    Set<Long> distinct = new HashSet<>(acknowledged);
    assertEquals(total, distinct.size(), "every acknowledged id is distinct");
    assertTrue(commits <= total / 4, "expected shared commits, got " + commits + " for " + total);
    assertEquals(distinct, observed, "the observer is told every committed insert");
    assertEquals(List.of(), List.copyOf(ackedBeforeObserved), "told before the insert completes");
    assertTrue(observerCalls.get() <= commits, observerCalls + " observer calls");
    assertEquals(observedInOrder.stream().sorted().toList(), observedInOrder, "told in id order");
    try (JobStore reopened = JobStore.open(dir.resolve("gflow.db"), CLOCK)) {
      assertEquals(total, reopened.maxId());
      Set<Long> stored = new HashSet<>();
      JobQuery page = JobQuery.all(1000);
      List<Job> jobs;
      while (!(jobs = reopened.list(page)).isEmpty()) {
        jobs.forEach(job -> stored.add(job.id()));
        page = page.after(jobs.get(jobs.size() - 1).id());
      }
      assertEquals(distinct, stored);
    }
  }
}
