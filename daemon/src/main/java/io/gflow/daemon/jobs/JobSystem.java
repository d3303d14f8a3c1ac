package io.gflow.daemon.jobs;

import io.gflow.daemon.audit.AuditLog;
import io.gflow.daemon.config.GpuSetting;
import io.gflow.daemon.config.SchedulerSettings;
import io.gflow.daemon.debug.DebugState;
import io.gflow.daemon.exec.JobRunner;
import io.gflow.daemon.exec.PrivilegeDrop;
import io.gflow.daemon.exec.WrapperProgram;
import io.gflow.daemon.job.Job;
import io.gflow.daemon.limits.LimitsHandlers;
import io.gflow.daemon.limits.LimitsService;
import io.gflow.daemon.metrics.Histogram;
import io.gflow.daemon.metrics.Metrics;
import io.gflow.daemon.rpc.MethodSpec;
import io.gflow.daemon.sched.Gpu;
import io.gflow.daemon.sched.GpuProbe;
import io.gflow.daemon.sched.Launched;
import io.gflow.daemon.sched.Launcher;
import io.gflow.daemon.sched.Resources;
import io.gflow.daemon.sched.Scheduler;
import io.gflow.daemon.store.JobStore;
import io.gflow.protocol.job.JobState;
import io.gflow.protocol.job.LogResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job half of the daemon, wired: store, scheduler, runner and the job RPC methods; recovers
 * unfinished jobs at start (re-adopting running ones) and purges old finished ones. Thread-safe;
 * close once.
 */
public final class JobSystem implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobSystem.class);

  private final JobStore store;
  private final ScheduledExecutorService loop;
  private final Scheduler scheduler;
  private final JobRunner runner;
  private final JobService service;
  private final LimitsService limits;
  private final Resources resources;
  private final Holder holder;
  private final GpuAdmin gpuAdmin;
  private volatile GpuWatch gpuWatch;

  private JobSystem(
      JobStore store,
      ScheduledExecutorService loop,
      Scheduler scheduler,
      JobRunner runner,
      JobService service,
      LimitsService limits,
      Resources resources,
      Holder holder,
      GpuAdmin gpuAdmin) {
    this.store = store;
    this.loop = loop;
    this.scheduler = scheduler;
    this.runner = runner;
    this.service = service;
    this.limits = limits;
    this.resources = resources;
    this.holder = holder;
    this.gpuAdmin = gpuAdmin;
  }

  /** What the job system needs from the daemon around it. */
  public record Context(
      Path stateDir,
      boolean systemMode,
      SchedulerSettings settings,
      Clock clock,
      ScheduledExecutorService timer,
      AuditLog audit,
      Supplier<JobPolicy> policy,
      Function<String, Optional<Long>> uidOfUser,
      LongFunction<Optional<String>> userOfUid) {}

  public static JobSystem start(Context context) throws IOException {
    JobStore store = JobStore.open(context.stateDir().resolve("gflow.db"), context.clock());
    ScheduledExecutorService loop = Scheduler.newLoopExecutor();
    List<Gpu> gpus = detectGpus(context.settings());
    Holder holder = new Holder();
    Resources resources = resources(context.settings(), gpus, GpuAdmin.stored(store));
    JobRunner runner =
        new JobRunner(
            context.stateDir(),
            WrapperProgram.locate(context.stateDir()),
            context.systemMode() ? PrivilegeDrop.setpriv() : PrivilegeDrop.none(),
            (id, status, launchError) -> holder.scheduler.exited(id, status, launchError),
            context.timer());
    Scheduler scheduler =
        new Scheduler(
            loop,
            context.clock(),
            launcher(runner, holder, context.clock()),
            changed ->
                store
                    .save(changed)
                    .thenRun(
                        () -> {
                          holder.service.changed(changed);
                          removeSpoolsLater(runner, changed, context.timer());
                        }),
            store::get,
            resources,
            context.settings().killGrace());
    holder.scheduler = scheduler;
    LimitsService limits = LimitsService.load(store, scheduler, context.uidOfUser());
    JobService service =
        new JobService(
            store,
            scheduler,
            runner::signal,
            job ->
                runner
                    .outputPaths(job)
                    .map(paths -> new LogResult(paths.get(0).toString(), paths.get(1).toString()))
                    .orElse(null),
            context.audit(),
            context.clock(),
            context.policy(),
            limits::current,
            context.uidOfUser());
    holder.service = service;
    GpuAdmin gpuAdmin = new GpuAdmin(gpus, store, scheduler);
    JobSystem system =
        new JobSystem(store, loop, scheduler, runner, service, limits, resources, holder, gpuAdmin);
    JobRecovery.recover(store, scheduler, runner, context.stateDir(), context.clock());
    system.schedulePurge(context);
    system.watchGpus(context, gpus);
    return system;
  }

  /** Probes nvidia-smi's GPUs for processes the queue did not start (not for a config list). */
  private void watchGpus(Context context, List<Gpu> gpus) {
    if (context.settings().gpus().mode() != GpuSetting.Mode.AUTO || gpus.isEmpty()) {
      return;
    }
    gpuWatch =
        new GpuWatch(
            new GpuProbe(context.settings().nvidiaSmi()),
            gpus,
            scheduler,
            gpuAdmin,
            context.userOfUid());
    gpuWatch.start(context.settings().gpuPoll());
  }

  /** Late binding between components that call each other. */
  private static final class Holder {
    volatile Scheduler scheduler;
    volatile JobService service;
    volatile Histogram queueWait;
  }

  /**
   * Feeds the daemon's metrics (jobs by state, submit-to-start wait, store commit latency) and adds
   * the {@code scheduler}, {@code store} and {@code limits} sections to {@code debug.state}.
   */
  public void instrument(Metrics metrics, DebugState state) {
    holder.queueWait = metrics.queueWait();
    store.observeCommits(metrics.storeCommit()::observeNanos);
    metrics.gauge(
        "gflow_jobs", "Jobs in the store by state.", "state", () -> JobSystemState.byState(store));
    state.section("scheduler", () -> JobSystemState.scheduler(scheduler, resources));
    state.section("store", () -> JobSystemState.store(store));
    state.section("limits", () -> limits.limits().toJson());
  }

  /**
   * Deletes, on {@code timer}, the spools of jobs whose end is now durable: nothing will read them
   * again. Not on the caller's thread, the store's writer, whose next group commit (the next jobs'
   * RUNNING, say) would wait for the unlinks; a spool a stop leaves behind is swept at the next
   * start ({@code SpoolRecovery#removeSpoolsExcept}).
   */
  private static void removeSpoolsLater(
      JobRunner runner, List<Job> changed, ScheduledExecutorService timer) {
    if (changed.stream().noneMatch(Job::isTerminal)) {
      return;
    }
    try {
      timer.execute(() -> removeSpools(runner, changed));
    } catch (RejectedExecutionException stopping) {
      removeSpools(runner, changed);
    }
  }

  private static void removeSpools(JobRunner runner, List<Job> changed) {
    for (Job job : changed) {
      if (job.isTerminal()) {
        try {
          runner.cleanup(job.id());
        } catch (IOException | RuntimeException failed) {
          LOG.warn("job {}: cannot remove its spool: {}", job.id(), failed.toString());
        }
      }
    }
  }

  private void schedulePurge(Context context) {
    context
        .timer()
        .scheduleWithFixedDelay(
            () -> {
              Instant cutoff = context.clock().instant().minus(context.settings().retention());
              try {
                int purged = store.purgeFinishedBefore(cutoff);
                if (purged > 0) {
                  LOG.info("purged {} job(s) that ended before {}", purged, cutoff);
                }
              } catch (RuntimeException failed) {
                LOG.warn("purge failed: {}", failed.toString());
              }
            },
            1,
            60,
            TimeUnit.MINUTES);
  }

  private static Launcher launcher(JobRunner runner, Holder holder, Clock clock) {
    return new Launcher() {
      @Override
      public Launched launch(Job job, List<Integer> assigned) throws Exception {
        io.gflow.daemon.exec.Launched launched =
            runner.start(job, jobEnvironment(job, assigned), assigned);
        Histogram queueWait = holder.queueWait;
        if (queueWait != null) {
          queueWait.observeNanos(Duration.between(job.submitTime(), clock.instant()).toNanos());
        }
        return new Launched(launched.wrapperPid(), launched.wrapperStartTicks());
      }

      @Override
      public boolean signal(Job job, int signal) {
        return runner.signal(job, signal);
      }
    };
  }

  /** The variables every job gets on top of its submitter's environment (SPEC §5). */
  static Map<String, String> jobEnvironment(Job job, List<Integer> assigned) {
    String devices = assigned.stream().map(String::valueOf).collect(Collectors.joining(","));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CUDA_VISIBLE_DEVICES", devices);
    env.put("CUDA_DEVICE_ORDER", "PCI_BUS_ID");
    env.put("GFLOW_JOB_ID", Long.toString(job.id()));
    env.put("SLURM_JOB_ID", Long.toString(job.id()));
    env.put("GFLOW_GPUS", devices);
    if (job.arrayJobId() != null) {
      env.put("GFLOW_ARRAY_JOB_ID", Long.toString(job.arrayJobId()));
      env.put("GFLOW_ARRAY_TASK_ID", Long.toString(job.arrayTaskId()));
      env.put("SLURM_ARRAY_JOB_ID", Long.toString(job.arrayJobId()));
      env.put("SLURM_ARRAY_TASK_ID", Long.toString(job.arrayTaskId()));
    }
    return env;
  }

  private static List<Gpu> detectGpus(SchedulerSettings settings) {
    GpuSetting setting = settings.gpus();
    return switch (setting.mode()) {
      case NONE -> List.of();
      case LIST -> setting.indices().stream().map(index -> new Gpu(index, "", "", -1)).toList();
      case AUTO -> {
        try {
          yield new GpuProbe(settings.nvidiaSmi()).gpus();
        } catch (IOException failed) {
          LOG.warn("GPU probe failed; running CPU-only: {}", failed.getMessage());
          yield List.of();
        }
      }
    };
  }

  /** The config's resources; a set stored by admin.setGpus overrides the config's GPUs. */
  private static Resources resources(
      SchedulerSettings settings, List<Gpu> gpus, Optional<Set<Integer>> storedAllowed) {
    int slots =
        settings.slots() > 0 ? settings.slots() : Runtime.getRuntime().availableProcessors();
    Resources resources = Resources.of(slots, gpus.stream().map(Gpu::index).toList());
    return storedAllowed.map(resources::withAllowedGpus).orElse(resources);
  }

  public List<MethodSpec> methods() {
    List<MethodSpec> methods = new ArrayList<>(service.methods());
    methods.addAll(LimitsHandlers.methods(limits));
    methods.addAll(gpuAdmin.methods());
    return methods;
  }

  /** Whether the queue drains (starts no job), for daemon.info. */
  public boolean draining() {
    return limits.current().draining();
  }

  /** After {@code admin.reload}: jobs started from now on run with their users' current groups. */
  public void accountsChanged() {
    runner.renewLaunchers();
  }

  /** Counts of jobs by state, for daemon.info. */
  public Map<JobState, Long> counts() {
    return store.countByState();
  }

  @Override
  public void close() throws IOException {
    if (gpuWatch != null) {
      gpuWatch.close();
    }
    scheduler.close();
    loop.shutdownNow();
    service.close();
    runner.close();
    store.close();
  }
}
