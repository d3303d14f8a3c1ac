package io.gflow.daemon.jobs;

import io.gflow.daemon.job.Job;
import io.gflow.daemon.sched.GpuState;
import io.gflow.daemon.sched.Resources;
import io.gflow.daemon.sched.Scheduler;
import io.gflow.daemon.store.JobStore;
import io.gflow.protocol.job.JobState;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The job system's {@code debug.state} sections: scheduler and store. Stateless, thread-safe. */
final class JobSystemState {
  private static final long LOOP_TIMEOUT_SECONDS = 2;

  private JobSystemState() {}

  /** Live jobs by state, running jobs per user, slots and GPUs, as the scheduler loop sees them. */
  static JsonObject scheduler(Scheduler scheduler, Resources resources) {
    List<Job> live;
    try {
      live = scheduler.liveJobs().get(LOOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking the scheduler loop");
    } catch (ExecutionException | TimeoutException failed) {
      throw new IllegalStateException("the scheduler loop did not answer: " + failed);
    }
    Map<String, Long> byState = new TreeMap<>();
    Map<String, Long> runningPerUser = new TreeMap<>();
    for (Job job : live) {
      byState.merge(job.state().wireName().toLowerCase(Locale.ROOT), 1L, Long::sum);
      if (job.state() == JobState.RUNNING) {
        runningPerUser.merge(job.owner().user(), 1L, Long::sum);
      }
    }
    long running = byState.getOrDefault(JobState.RUNNING.wireName().toLowerCase(Locale.ROOT), 0L);
    List<JsonValue> gpus = new ArrayList<>();
    for (GpuState gpu : scheduler.gpus()) {
      gpus.add(
          JsonObject.builder()
              .put("index", gpu.index())
              .put("allowed", gpu.allowed())
              .put("busy", gpu.busy())
              .put(
                  "job",
                  gpu.jobId() == null ? JsonValue.of((String) null) : JsonNumber.of(gpu.jobId()))
              .build());
    }
    return JsonObject.builder()
        .put("queued", live.size() - running)
        .put("running", running)
        .put("by_state", counts(byState))
        .put("running_per_user", counts(runningPerUser))
        .put("slots", resources.slots())
        .put("gpus", JsonArray.of(gpus))
        .build();
  }

  /** Store file, job counts by state, commits since open. */
  static JsonObject store(JobStore store) {
    Map<String, Long> byState = new TreeMap<>();
    long total = 0;
    for (Map.Entry<JobState, Long> entry : store.countByState().entrySet()) {
      byState.put(entry.getKey().wireName().toLowerCase(Locale.ROOT), entry.getValue());
      total += entry.getValue();
    }
    return JsonObject.builder()
        .put("path", store.file().toString())
        .put("jobs", total)
        .put("jobs_by_state", counts(byState))
        .put("max_id", store.maxId())
        .put("commits", store.commits())
        .build();
  }

  /** Jobs in the store by lower-case state name, every state present (for the gflow_jobs gauge). */
  static Map<String, Long> byState(JobStore store) {
    Map<String, Long> counts = new TreeMap<>();
    for (JobState state : JobState.values()) {
      counts.put(state.wireName().toLowerCase(Locale.ROOT), 0L);
    }
    store
        .countByState()
        .forEach((state, count) -> counts.put(state.wireName().toLowerCase(Locale.ROOT), count));
    return counts;
  }

  private static JsonObject counts(Map<String, Long> counts) {
    JsonObject.Builder builder = JsonObject.builder();
    counts.forEach(builder::put);
    return builder.build();
  }
}
