package io.gflow.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** Times work: sequential samples, and clients on their own threads. Stateless. */
final class Measure {
  /** One timed operation; {@code index} counts from 0 over warm-up and samples alike. */
  interface Step {
    void run(int index) throws IOException;
  }

  /** A client with its own connection, used by one thread. */
  interface Client extends AutoCloseable {
    void call() throws IOException;

    @Override
    void close() throws IOException;
  }

  /** Opens one client; called on the client's own thread. */
  interface ClientFactory {
    Client open() throws IOException;
  }

  private Measure() {}

  /** Runs {@code warmup} untimed steps, then returns the durations of {@code count} steps. */
  static long[] samples(int warmup, int count, Step step) throws IOException {
    for (int i = 0; i < warmup; i++) {
      step.run(i);
    }
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      step.run(warmup + i);
      nanos[i] = System.nanoTime() - start;
    }
    return nanos;
  }

  /** Calls per second of {@code clients} threads calling as fast as they can for the duration. */
  static double throughput(int clients, long durationNanos, ClientFactory factory)
      throws IOException {
    AtomicLong calls = new AtomicLong();
    long[] window = new long[2];
    runClients(
        clients,
        factory,
        (client, start) -> {
          long deadline = start + durationNanos;
          long own = 0;
          while (System.nanoTime() < deadline) {
            client.call();
            own++;
          }
          calls.addAndGet(own);
        },
        window);
    return calls.get() * 1e9 / (window[1] - window[0]);
  }

  /** Nanoseconds for {@code clients} threads to make {@code perClient} calls each. */
  static long fixedWork(int clients, int perClient, ClientFactory factory) throws IOException {
    long[] window = new long[2];
    runClients(
        clients,
        factory,
        (client, start) -> {
          for (int i = 0; i < perClient; i++) {
            client.call();
          }
        },
        window);
    return window[1] - window[0];
  }

  private interface Loop {
    void run(Client client, long start) throws IOException;
  }

  /**
   * Connects every client first, starts them together, and records the start and the end of the
   * last one in {@code window}.
   */
  private static void runClients(int clients, ClientFactory factory, Loop loop, long[] window)
      throws IOException {
    CountDownLatch connected = new CountDownLatch(clients);
    CountDownLatch go = new CountDownLatch(1);
    List<Throwable> failures = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    long[] start = new long[1];
    for (int i = 0; i < clients; i++) {
      Thread thread =
          new Thread(
              () -> {
                try (Client client = factory.open()) {
                  connected.countDown();
                  go.await();
                  loop.run(client, start[0]);
                } catch (Exception | Error failed) {
                  connected.countDown();
                  synchronized (failures) {
                    failures.add(failed);
                  }
                }
              },
              "bench-client-" + i);
      threads.add(thread);
      thread.start();
    }
    try {
      connected.await();
      start[0] = System.nanoTime();
      go.countDown();
      for (Thread thread : threads) {
        thread.join();
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while clients ran", interrupted);
    }
    window[0] = start[0];
    window[1] = System.nanoTime();
    if (!failures.isEmpty()) {
      IOException failure = new IOException("a bench client failed: " + failures.get(0));
      failures.forEach(failure::addSuppressed);
      throw failure;
    }
  }
}
