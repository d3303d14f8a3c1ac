package io.gflow.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gflow.protocol.Methods;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.job.EventsRequest;
import io.gflow.protocol.job.EventsResult;
import io.gflow.protocol.job.JobEvent;
import io.gflow.protocol.job.JobInfo;
import io.gflow.protocol.job.JobState;
import io.gflow.protocol.job.SubmitResult;
import io.gflow.protocol.job.WaitResult;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Submits from many connections at once, as group commit sees them: every acknowledged job has its
 * own id, each client's ids increase, every job gets its submit event, and the scheduler runs every
 * one of them (it learns of new jobs once per commit, not once per submit).
 */
@Timeout(120)
class ConcurrentSubmitIT {
  private static final int CLIENTS = 16;
  private static final int SUBMITS_PER_CLIENT = 10;

  @RegisterExtension
  final DaemonExtension daemon = DaemonExtension.withConfig("[scheduler]\nslots = 4\n");

  private JsonObject params() {
    return JsonObject.builder()
        .put("command", JsonArray.ofStrings(List.of("/bin/true")))
        .put("cwd", "/tmp")
        .put("env", JsonObject.builder().put("PATH", "/usr/bin:/bin").build())
        .put("output", daemon.root().resolve("%j.out").toString())
        .build();
  }

  private List<Long> submitMany() throws Exception {
    List<Long> ids = new ArrayList<>();
    try (RpcClient client = daemon.client()) {
      for (int i = 0; i < SUBMITS_PER_CLIENT; i++) {
        ids.addAll(SubmitResult.fromJson(client.call(Methods.JOB_SUBMIT, params())).ids());
      }
    }
    return ids;
  }

  @Test
  void submit_manyClientsAtOnce_distinctIncreasingIdsAndEveryJobRuns() throws Exception {
    List<List<Long>> perClient = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<List<Long>>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        clients.add(pool.submit(this::submitMany));
      }
      for (Future<List<Long>> client : clients) {
        perClient.add(client.get());
      }
    } finally {
      pool.shutdownNow();
    }
    Set<Long> all = new HashSet<>();
    for (List<Long> ids : perClient) {
      assertEquals(ids.stream().sorted().toList(), ids, "a client's later submit has a larger id");
      all.addAll(ids);
    }
    assertEquals(CLIENTS * SUBMITS_PER_CLIENT, all.size(), "every acknowledged id is distinct");

    try (RpcClient client = daemon.client()) {
      JsonObject wait =
          JsonObject.builder()
              .put("ids", JsonArray.ofLongs(List.copyOf(all)))
              .put("timeout_ms", 60_000)
              .build();
      WaitResult ended = WaitResult.fromJson(client.call(Methods.JOB_WAIT, wait));
      assertFalse(ended.timedOut(), "every submitted job reached the scheduler and ended");
      for (JobInfo job : ended.jobs()) {
        assertEquals(JobState.COMPLETED, job.state(), "job " + job.id());
      }
      EventsResult events =
          EventsResult.fromJson(client.call(Methods.JOB_EVENTS, new EventsRequest(0, 0).toJson()));
      Set<Long> submitted = new HashSet<>();
      for (JobEvent event : events.events()) {
        if (event.state() == JobState.PENDING) {
          submitted.add(event.id());
        }
      }
      assertEquals(all, submitted, "one submit event per job");
    }
  }
}
