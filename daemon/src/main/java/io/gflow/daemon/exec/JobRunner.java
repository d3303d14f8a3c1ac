package io.gflow.daemon.exec;

import io.gflow.daemon.job.ExitStatus;
import io.gflow.daemon.job.Job;
import io.gflow.protocol.job.JobState;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts jobs through the {@code gflow-job} wrapper, signals them, and follows them until they end,
 * also across a daemon restart. Thread-safe.
 *
 * <p>Each job gets a spool directory {@code <stateDir>/spool/<jobId>/} (see {@link SpoolDir}). The
 * wrapper runs as {@code privilegeDrop + [wrapper, spoolDir]} with a fixed environment ({@code
 * PATH=/usr/bin:/bin LC_ALL=C}), cwd {@code /} and stdin {@code /dev/null}, so that neither the
 * job's environment nor its argv ever sits in a root process or in a command line. The wrapper
 * outlives the daemon and records the job's end in the spool, where {@link #adopt} finds it.
 */
public final class JobRunner implements AutoCloseable {
  static final String LOST_NO_EXIT = "LOST: wrapper gone without an exit record";
  static final String LOST_NO_SPOOL = "LOST: no spool record";
  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
  private static final long LAUNCH_WAIT_MILLIS = 10_000;
  private static final long SIGNAL_WAIT_MILLIS = 2_000;
  private static final long ADOPT_POLL_MILLIS = 500;

  private final Path spoolRoot;
  private final Path wrapper;
  private final PrivilegeDrop privilegeDrop;
  private final ExitListener listener;
  private final ScheduledExecutorService scheduler;
  private final long daemonUid;
  private final ConcurrentMap<Long, JobWatch> watches = new ConcurrentHashMap<>();
  private final HomeDirectory homes = new HomeDirectory();
  private volatile boolean spoolRootReady;

  /**
   * @param stateDir the daemon's state directory; spool directories go under {@code spool/}
   * @param wrapper the {@code gflow-job} program, usually {@link WrapperProgram#locate}
   * @param privilegeDrop how the wrapper comes to run as the job's owner: {@link
   *     PrivilegeDrop#none()} for a personal daemon, {@link PrivilegeDrop#setpriv()} for root
   * @param listener told when each launched or adopted job ends, on {@code scheduler}
   * @param scheduler runs exit notifications and the polling of adopted wrappers
   */
  public JobRunner(
      Path stateDir,
      Path wrapper,
      PrivilegeDrop privilegeDrop,
      ExitListener listener,
      ScheduledExecutorService scheduler) {
    this.spoolRoot = stateDir.resolve(SpoolDir.ROOT);
    this.wrapper = wrapper;
    this.privilegeDrop = privilegeDrop;
    this.listener = listener;
    this.scheduler = scheduler;
    this.daemonUid = ProcessStat.realUid(ProcessHandle.current().pid()).orElse(-1);
  }

  /**
   * Writes the job's spool and starts its wrapper, and returns at once: the wrapper forks and execs
   * the job on its own. Everything from then on is reported to the listener, also a job that never
   * starts: the wrapper's own failure or the job's (bad cwd, unopenable output, exec failure) as
   * exit 127 with its launch error, a wrapper that dies before starting the job with the reason,
   * and a wrapper that has not started the job within 10 s is killed by a watchdog and reported so.
   *
   * @param extraEnv variables the daemon adds ({@code GFLOW_JOB_ID}, {@code CUDA_VISIBLE_DEVICES},
   *     ...); they override the submitter's of the same name
   * @param gpus the GPU indices assigned to the job, recorded in its spool so that {@link
   *     SpoolRecovery#recoverQueued} can give them back to a job whose launch a crash cut short
   * @return the wrapper's pid and start time, to record with the job; the job's own pid is not
   *     known yet (0), {@link #signal} reads it from the spool
   * @throws LaunchException if the inputs are invalid (NUL bytes, '=' in a name, relative cwd, no
   *     home for {@code ~}), the spool cannot be written (also: it already exists), or the wrapper
   *     cannot be started; a spool left behind is removed by {@link #cleanup}
   */
  public Launched start(Job job, Map<String, String> extraEnv, List<Integer> gpus)
      throws LaunchException {
    Wrapper wrapper = startWrapper(job, extraEnv, gpus);
    JobWatch watch = follow(job.id(), wrapper);
    watch.poll(
        scheduler.schedule(
            () -> stopIfNotStarted(wrapper, watch), LAUNCH_WAIT_MILLIS, TimeUnit.MILLISECONDS));
    return new Launched(wrapper.id().pid(), wrapper.id().startTicks(), 0, 0);
  }

  /** As {@link #launch(Job, Map, List)} without GPUs. */
  public Launched launch(Job job, Map<String, String> extraEnv) throws LaunchException {
    return launch(job, extraEnv, List.of());
  }

  /**
   * As {@link #start}, but waits (at most 10 s) until the job has been forked, for callers that
   * need the job's pid (tests, tools). A wrapper that fails before forking is thrown, not reported
   * to the listener; a job that fails after that is reported as exit 127 with its launch error.
   *
   * @return the wrapper's and the job's pid and start time. The job pid is as the wrapper reported
   *     it; {@link #signal} verifies it again each time
   */
  public Launched launch(Job job, Map<String, String> extraEnv, List<Integer> gpus)
      throws LaunchException {
    Wrapper wrapper = startWrapper(job, extraEnv, gpus);
    long jobPid = awaitJobPid(wrapper);
    long jobStartTicks =
        ProcessStat.read(jobPid)
            .filter(stat -> stat.ppid() == wrapper.id().pid())
            .map(ProcessStat::startTicks)
            .orElse(0L);
    follow(job.id(), wrapper);
    return new Launched(wrapper.id().pid(), wrapper.id().startTicks(), jobPid, jobStartTicks);
  }

  /**
   * Where {@code job}'s stdout and stderr go (its patterns resolved as at launch), or empty when
   * they cannot be resolved (e.g. a {@code ~} pattern and no home directory).
   */
  public Optional<List<Path>> outputPaths(Job job) {
    try {
      OutputPaths paths =
          OutputPaths.resolve(job, () -> homes.of(job.owner().uid(), job.spec().env()));
      return Optional.of(List.of(paths.stdout(), paths.stderr()));
    } catch (LaunchException unresolvable) {
      return Optional.empty();
    }
  }

  /**
   * Sends {@code signal} to the job's process group, only if it is verifiably still ours (SPEC
   * §6.7): the wrapper recorded with the job still runs (same start time, not a zombie), has not
   * written an exit record (so it has not reaped the job, whose group id therefore cannot have been
   * reused), and the recorded job pid is its child, a session leader, of the expected user.
   *
   * @return true if the signal was sent, false if the job was not (or no longer) verifiably ours
   */
  public boolean signal(Job job, int signal) {
    SpoolDir spool = spool(job.id());
    Optional<WrapperId> wrapperId = wrapperOf(job, spool);
    if (wrapperId.isEmpty()
        || wrapperId.get().running().isEmpty()
        || !ownedBy(wrapperId.get().pid(), job)
        || spool.hasExitRecord()) {
      return false;
    }
    OptionalLong jobPid = spool.jobPid();
    if (jobPid.isEmpty()) {
      // Started a moment ago: the wrapper records the job's pid once the job has exec'd.
      WrapperId id = wrapperId.get();
      jobPid = JobPidWait.await(spool, () -> id.running().isPresent(), SIGNAL_WAIT_MILLIS);
      if (jobPid.isEmpty() || id.running().isEmpty() || spool.hasExitRecord()) {
        return false;
      }
    }
    long pid = jobPid.getAsLong();
    boolean verified =
        ProcessStat.read(pid)
            .filter(stat -> stat.ppid() == wrapperId.get().pid())
            .filter(stat -> stat.pgrp() == pid && stat.session() == pid)
            .isPresent();
    return verified && ownedBy(pid, job) && ProcessGroups.signal(pid, signal);
  }

  /**
   * Follows a job that a previous daemon started (RUNNING in the store, or PENDING with a spool
   * directory): reports its exit record if there is one; else watches its wrapper (pid and start
   * time from the job, or for a job never marked RUNNING the one recorded in the spool) by polling
   * {@code /proc} every 500 ms; else reports it LOST. Never trusts a pid alone.
   */
  public void adopt(Job job) {
    SpoolDir spool = spool(job.id());
    if (!spool.exists()) {
      if (job.state() == JobState.RUNNING) {
        scheduler.execute(() -> listener.exited(job.id(), null, LOST_NO_SPOOL));
      }
      return;
    }
    JobWatch watch = new JobWatch();
    if (watches.putIfAbsent(job.id(), watch) != null) {
      return;
    }
    Optional<WrapperId> wrapperId = wrapperOf(job, spool);
    watch.poll(
        scheduler.scheduleWithFixedDelay(
            () -> {
              if (spool.hasExitRecord() || wrapperId.flatMap(WrapperId::running).isEmpty()) {
                finish(job.id(), spool);
              }
            },
            0,
            ADOPT_POLL_MILLIS,
            TimeUnit.MILLISECONDS));
  }

  /** Stops following the job and deletes its spool; call once its end has been recorded. */
  public void cleanup(long jobId) throws IOException {
    JobWatch watch = watches.remove(jobId);
    if (watch != null) {
      watch.cancel();
    }
    spool(jobId).delete();
  }

  /** Stops following jobs; the jobs and their wrappers keep running, for the next daemon. */
  @Override
  public void close() {
    watches.values().forEach(JobWatch::cancel);
    watches.clear();
  }

  Path spoolDir(long jobId) {
    return spool(jobId).path();
  }

  private SpoolDir spool(long jobId) {
    return new SpoolDir(spoolRoot.resolve(Long.toString(jobId)));
  }

  private Optional<WrapperId> wrapperOf(Job job, SpoolDir spool) {
    return job.pid() > 0
        ? Optional.of(new WrapperId(job.pid(), job.pidStartTicks()))
        : spool.wrapperRecord();
  }

  private boolean ownedBy(long pid, Job job) {
    long expected = privilegeDrop.drops() ? job.owner().uid() : daemonUid;
    OptionalLong uid = ProcessStat.realUid(pid);
    return uid.isPresent() && uid.getAsLong() == expected;
  }

  /**
   * Creates the job's spool directory, and the spool root the first time (or again if it has gone),
   * rather than checking the root on every launch.
   */
  private void createSpool(SpoolDir spool) throws IOException {
    if (!spoolRootReady) {
      prepareSpoolRoot();
    }
    try {
      spool.create();
    } catch (NoSuchFileException rootGone) {
      prepareSpoolRoot();
      spool.create();
    }
  }

  private void prepareSpoolRoot() throws IOException {
    Files.createDirectories(spoolRoot);
    Files.setPosixFilePermissions(
        spoolRoot,
        PosixFilePermissions.fromString(privilegeDrop.drops() ? "rwx--x--x" : "rwx------"));
    spoolRootReady = true;
  }

  /** A started wrapper: its process, its pid and start time, and the job's spool. */
  private record Wrapper(Process process, WrapperId id, SpoolDir spool) {}

  /** Writes the spool, starts the wrapper and records its pid and start time in the spool. */
  private Wrapper startWrapper(Job job, Map<String, String> extraEnv, List<Integer> gpus)
      throws LaunchException {
    LaunchInputs inputs = LaunchInputs.of(job, extraEnv, homes);
    SpoolDir spool = spool(job.id());
    try {
      createSpool(spool);
      List<String> argv =
          job.spec().command() != null
              ? job.spec().command()
              : List.of(spool.writeScript(job.spec().script()).toString());
      spool.writeInputs(argv, inputs.env(), job.spec().cwd(), inputs.outputs());
      if (!gpus.isEmpty()) {
        spool.writeGpus(gpus); // none recorded means none assigned: one file less per CPU job
      }
      if (privilegeDrop.drops()) {
        spool.chown(job.owner().uid(), job.owner().gid());
      }
    } catch (IOException e) {
      throw new LaunchException("cannot write spool " + spool.path() + ": " + e, e);
    }
    Process process = startProcess(job, spool);
    WrapperId wrapperId =
        new WrapperId(
            process.pid(), ProcessStat.read(process.pid()).map(ProcessStat::startTicks).orElse(0L));
    try {
      spool.writeWrapperRecord(wrapperId);
    } catch (IOException e) {
      log.warn("job {}: cannot record wrapper pid in {}: {}", job.id(), spool.path(), e.toString());
    }
    return new Wrapper(process, wrapperId, spool);
  }

  /** Follows a started wrapper until it exits, then reports the job's end. */
  private JobWatch follow(long jobId, Wrapper wrapper) {
    JobWatch watch = new JobWatch();
    watches.put(jobId, watch);
    wrapper.process().onExit().thenRunAsync(() -> finish(jobId, wrapper), scheduler);
    return watch;
  }

  /** The start watchdog: kills a wrapper that has not started its job in time. */
  private static void stopIfNotStarted(Wrapper wrapper, JobWatch watch) {
    if (wrapper.process().isAlive() && !wrapper.spool().mayHaveJobPid()) {
      watch.startFailed(notStartedInTime());
      wrapper.process().destroyForcibly();
    }
  }

  private static String notStartedInTime() {
    return "wrapper did not start the job within " + LAUNCH_WAIT_MILLIS + " ms";
  }

  private Process startProcess(Job job, SpoolDir spool) throws LaunchException {
    List<String> command = new ArrayList<>(privilegeDrop.prefix(job.owner()));
    command.add(wrapper.toString());
    command.add(spool.path().toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(new File("/"))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            // Not pipes: the wrapper outlives the daemon and must not die writing to one.
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/bin:/bin");
    builder.environment().put("LC_ALL", "C");
    try {
      return builder.start();
    } catch (IOException e) {
      throw new LaunchException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
  }

  /** Waits for the job's pid, for {@link #launch}; kills the wrapper if it takes too long. */
  private static long awaitJobPid(Wrapper wrapper) throws LaunchException {
    Process process = wrapper.process();
    OptionalLong jobPid = JobPidWait.await(wrapper.spool(), process::isAlive, LAUNCH_WAIT_MILLIS);
    if (jobPid.isPresent()) {
      return jobPid.getAsLong();
    }
    if (process.isAlive()) {
      process.destroyForcibly();
      throw new LaunchException(notStartedInTime());
    }
    throw new LaunchException(notStarted(wrapper.spool(), process));
  }

  /** Why a wrapper that has exited without a {@code jobpid} record did not start its job. */
  private static String notStarted(SpoolDir spool, Process process) {
    return spool
        .launchError()
        .orElse("wrapper exited with status " + exitValue(process) + " before the job started");
  }

  /** The exit status of a process that is no longer alive (waits for the reaper to record it). */
  private static int exitValue(Process process) {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Reports the end of a job this runner started, once. */
  private void finish(long jobId, Wrapper wrapper) {
    SpoolDir spool = wrapper.spool();
    JobWatch watch = watches.get(jobId);
    if (watch == null || spool.hasExitRecord() || spool.jobPid().isPresent()) {
      finish(jobId, spool);
    } else if (spool.launchError().isPresent()) { // the wrapper's own failure, exit 127
      report(jobId, ExitStatus.exited(127), spool.launchError().get());
    } else {
      String failure = watch.startFailure();
      report(jobId, null, failure != null ? failure : notStarted(spool, wrapper.process()));
    }
  }

  /** Reports the job's end once, from its exit record, or as LOST when there is none. */
  private void finish(long jobId, SpoolDir spool) {
    Optional<ExitStatus> status = spool.exitStatus();
    String error = status.isPresent() ? spool.launchError().orElse(null) : LOST_NO_EXIT;
    report(jobId, status.orElse(null), error);
  }

  private void report(long jobId, ExitStatus status, String error) {
    JobWatch watch = watches.remove(jobId);
    if (watch == null) {
      return;
    }
    watch.cancel();
    try {
      listener.exited(jobId, status, error);
    } catch (RuntimeException e) {
      log.error("job {}: exit listener failed", jobId, e);
    }
  }
}
