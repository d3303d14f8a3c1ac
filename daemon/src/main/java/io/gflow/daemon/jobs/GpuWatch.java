package io.gflow.daemon.jobs;

import io.gflow.daemon.exec.JobProcesses;
import io.gflow.daemon.job.Job;
import io.gflow.daemon.sched.Gpu;
import io.gflow.daemon.sched.GpuProbe;
import io.gflow.daemon.sched.GpuProcess;
import io.gflow.daemon.sched.Scheduler;
import io.gflow.protocol.job.JobState;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes the GPUs for compute processes every {@code gpu_poll} on its own thread ({@value
 * #THREAD_NAME}) and reports those no running job started: the scheduler stops placing new jobs on
 * their GPUs, and {@code sched.gpus} names them. Thread-safe; close once.
 */
final class GpuWatch implements AutoCloseable {
  static final String THREAD_NAME = "gflowd-gpu-watch";
  private static final Logger LOG = LoggerFactory.getLogger(GpuWatch.class);
  private static final long TIMEOUT_SECONDS = 10;

  private final GpuProbe probe;
  private final Map<String, Integer> indexByUuid = new TreeMap<>();
  private final Scheduler scheduler;
  private final GpuAdmin admin;
  private final LongFunction<Optional<String>> userOfUid;
  private final ScheduledExecutorService executor;
  // Watch thread only.
  private boolean failing;
  private Map<Integer, List<ForeignProcess>> last;

  GpuWatch(
      GpuProbe probe,
      List<Gpu> gpus,
      Scheduler scheduler,
      GpuAdmin admin,
      LongFunction<Optional<String>> userOfUid) {
    this.probe = probe;
    gpus.forEach(gpu -> indexByUuid.put(gpu.uuid(), gpu.index()));
    this.scheduler = scheduler;
    this.admin = admin;
    this.userOfUid = userOfUid;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, THREAD_NAME);
              thread.setDaemon(true);
              return thread;
            });
  }

  void start(Duration interval) {
    executor.scheduleWithFixedDelay(this::probeOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One probe: find the foreign processes and hand them to the scheduler, then to the table. */
  void probeOnce() {
    try {
      List<GpuProcess> processes = probe.processes();
      List<Job> running =
          scheduler.liveJobs().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
              .filter(job -> job.state() == JobState.RUNNING)
              .toList();
      Map<Integer, List<ForeignProcess>> foreign = new TreeMap<>();
      Map<Integer, List<GpuProcess>> byGpu = new TreeMap<>();
      for (GpuProcess process : processes) {
        Integer index = indexByUuid.get(process.gpuUuid());
        Optional<ForeignProcess> found =
            index == null ? Optional.empty() : foreign(index, process.pid(), running);
        if (found.isPresent()) {
          foreign.computeIfAbsent(index, key -> new ArrayList<>()).add(found.get());
          byGpu.computeIfAbsent(index, key -> new ArrayList<>()).add(process);
        }
      }
      if (!foreign.equals(last)) {
        // Unchanged reports would only cost the scheduler a pass.
        scheduler.foreignGpus(byGpu).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        admin.foreign(foreign);
        last = foreign;
      }
      if (failing) {
        LOG.info("GPU probe works again");
        failing = false;
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } catch (IOException | ExecutionException | TimeoutException | RuntimeException failed) {
      if (!failing) {
        LOG.warn(
            "GPU probe for foreign processes failed (keeping the last result): {}",
            failed.toString());
        failing = true;
      }
    }
  }

  /** The process as a foreign one, or empty if a running job started it. */
  private Optional<ForeignProcess> foreign(int index, long pid, List<Job> running) {
    JobProcesses.Owner owner = JobProcesses.owner(pid, running);
    if (owner.jobId() != null) {
      return Optional.empty();
    }
    String user =
        owner.uid() < 0 ? null : userOfUid.apply(owner.uid()).orElse(Long.toString(owner.uid()));
    return Optional.of(new ForeignProcess(index, pid, user));
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
