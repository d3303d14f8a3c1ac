package io.gflow.daemon.limits;

import io.gflow.daemon.DaemonExtension;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.job.JobInfo;
import io.gflow.protocol.job.JobState;
import io.gflow.protocol.job.ListResult;
import io.gflow.protocol.job.SubmitResult;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** RPC calls and checks the queue-limit ITs share: submit, list, wait, running overlap. */
final class LimitsCalls {
  private final DaemonExtension daemon;

  LimitsCalls(DaemonExtension daemon) {
    this.daemon = daemon;
  }

  JsonValue call(String method, String params) throws Exception {
    try (RpcClient client = daemon.client()) {
      return client.call(method, params == null ? null : (JsonObject) Json.parse(params));
    }
  }

  /** Submits {@code sleep SECONDS} with {@code extra} members (",\"group\":\"lab\"" …). */
  SubmitResult submitSleep(RpcClient client, String seconds, String extra) throws Exception {
    String params =
        "{\"command\":[\"/bin/sleep\",\""
            + seconds
            + "\"],\"cwd\":\"/tmp\",\"env\":{},\"output\":\""
            + daemon.root()
            + "/%j.out\""
            + extra
            + "}";
    return SubmitResult.fromJson(client.call("job.submit", (JsonObject) Json.parse(params)));
  }

  SubmitResult submitSleep(String seconds, String extra) throws Exception {
    try (RpcClient client = daemon.client()) {
      return submitSleep(client, seconds, extra);
    }
  }

  List<JobInfo> jobs() throws Exception {
    return ListResult.fromJson(call("job.list", null)).jobs();
  }

  JobInfo job(long id) throws Exception {
    return jobs().stream().filter(job -> job.id() == id).findFirst().orElseThrow();
  }

  /** Waits (job.wait) until every listed job has ended. */
  void awaitAllEnded() throws Exception {
    for (JobInfo job : jobs()) {
      call("job.wait", "{\"ids\":[" + job.id() + "],\"timeout_ms\":60000}");
    }
  }

  /** Polls until {@code condition} holds for job {@code id} (at most 30 s). */
  JobInfo awaitJob(long id, Predicate<JobInfo> condition) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      JobInfo job = job(id);
      if (condition.test(job) || System.nanoTime() > deadline) {
        return job;
      }
      Thread.sleep(20);
    }
  }

  /** Most of {@code jobs} that ran at the same time, from their start and end times. */
  static int maxRunningAtOnce(List<JobInfo> jobs) {
    record Edge(Instant at, int delta) {}
    List<Edge> edges = new ArrayList<>();
    for (JobInfo job : jobs) {
      if (job.startTime() != null) {
        edges.add(new Edge(job.startTime(), 1));
        edges.add(new Edge(job.endTime() == null ? Instant.MAX : job.endTime(), -1));
      }
    }
    // An end and a start at the same instant: the end first (the start followed it).
    edges.sort(Comparator.comparing(Edge::at).thenComparingInt(Edge::delta));
    int now = 0;
    int most = 0;
    for (Edge edge : edges) {
      now += edge.delta();
      most = Math.max(most, now);
    }
    return most;
  }

  static boolean ended(JobInfo job) {
    return job.state() != JobState.PENDING
        && job.state() != JobState.HELD
        && job.state() != JobState.RUNNING;
  }
}
