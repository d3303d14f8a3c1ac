package io.gflow.bench;

import io.gflow.protocol.Methods;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.job.EventsRequest;
import io.gflow.protocol.job.EventsResult;
import io.gflow.protocol.job.JobEvent;
import io.gflow.protocol.job.JobState;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Follows {@code job.events} (the long poll a client uses to see state changes) on its own
 * connection, from the start of a fresh daemon. Not thread-safe.
 */
final class EventWatch implements AutoCloseable {
  private static final long POLL_MILLIS = 10_000;

  private final RpcClient client;
  private final Set<Long> ended = new HashSet<>();
  private long afterSeq;

  EventWatch(RpcClient client) {
    this.client = client;
  }

  /** Returns once job {@code id} has been seen RUNNING (or ended, which implies it ran). */
  void awaitStarted(long id) throws IOException {
    boolean started = false;
    while (!started) {
      for (JobEvent event : poll()) {
        started |= event.id() == id && event.state() == JobState.RUNNING;
      }
      started |= ended.contains(id);
    }
  }

  /** Returns once every job of {@code ids} has been seen in a terminal state. */
  void awaitEnded(Set<Long> ids) throws IOException {
    awaitEnded(ids, Long.MAX_VALUE);
  }

  /**
   * Waits until every job of {@code ids} has been seen in a terminal state, or until {@code
   * deadline} ({@link System#nanoTime}) has passed.
   *
   * @return how many of them ended
   */
  int awaitEnded(Set<Long> ids, long deadline) throws IOException {
    while (!ended.containsAll(ids) && System.nanoTime() - deadline < 0) {
      poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
    int count = 0;
    for (Long id : ids) {
      count += ended.remove(id) ? 1 : 0;
    }
    return count;
  }

  /** The next events; remembers which jobs ended. */
  private List<JobEvent> poll() throws IOException {
    return poll(POLL_MILLIS);
  }

  private List<JobEvent> poll(long timeoutMillis) throws IOException {
    EventsRequest request = new EventsRequest(afterSeq, Math.min(timeoutMillis, POLL_MILLIS));
    EventsResult result = EventsResult.fromJson(client.call(Methods.JOB_EVENTS, request.toJson()));
    afterSeq = result.nextSeq();
    for (JobEvent event : result.events()) {
      if (event.state().isTerminal()) {
        ended.add(event.id());
      }
    }
    return result.events();
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
