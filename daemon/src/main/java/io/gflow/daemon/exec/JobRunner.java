package io.gflow.daemon.exec;

import io.gflow.daemon.job.ExitStatus;
import io.gflow.daemon.job.Job;
import io.gflow.protocol.job.JobState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts jobs through the {@code gflow-job} launcher, signals them, and follows them until they
 * end, also across a daemon restart. Thread-safe.
 *
 * <p>Each job gets a spool directory {@code <stateDir>/spool/<jobId>/} (see {@link SpoolDir}). A
 * long-lived launcher per user ({@link LaunchHelpers}: {@code privilegeDrop + [gflow-job, --serve]}
 * with a fixed environment {@code PATH=/usr/bin:/bin LC_ALL=C}, cwd {@code /}) is given the spool's
 * path and the job's inputs on its stdin and forks a wrapper for the job, so that neither the job's
 * environment nor its argv ever sits in a root process or in a command line. The wrapper outlives
 * the launcher and the daemon and records the job's end in the spool, where {@link #adopt} finds
 * it.
 */
public final class JobRunner implements AutoCloseable {
  static final String LOST_NO_EXIT = "LOST: wrapper gone without an exit record";
  static final String LOST_NO_SPOOL = "LOST: no spool record";
  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
  private static final long LAUNCH_WAIT_MILLIS = 10_000;
  private static final long SIGNAL_WAIT_MILLIS = 2_000;
  private static final long ADOPT_POLL_MILLIS = 500;
  private static final ExitStatus LAUNCH_FAILED = ExitStatus.exited(127);

  private final Path spoolRoot;
  private final PrivilegeDrop privilegeDrop;
  private final ExitListener listener;
  private final ScheduledExecutorService scheduler;
  private final long daemonUid;
  private final LaunchHelpers helpers;
  private final Future<?> retiring;
  private final ConcurrentMap<Long, JobWatch> watches = new ConcurrentHashMap<>();
  private final HomeDirectory homes;
  private volatile boolean spoolRootReady;

  /**
   * @param stateDir the daemon's state directory; spool directories go under {@code spool/}
   * @param wrapper the {@code gflow-job} program, usually {@link WrapperProgram#locate}
   * @param privilegeDrop how the launcher comes to run as the jobs' owner: {@link
   *     PrivilegeDrop#none()} for a personal daemon, {@link PrivilegeDrop#setpriv()} for root
   * @param listener told when each launched or adopted job ends
   * @param scheduler runs the start watchdogs, the polling of adopted wrappers, the retiring of old
   *     launchers and the refreshing of home directories
   */
  public JobRunner(
      Path stateDir,
      Path wrapper,
      PrivilegeDrop privilegeDrop,
      ExitListener listener,
      ScheduledExecutorService scheduler) {
    this.spoolRoot = stateDir.resolve(SpoolDir.ROOT);
    this.privilegeDrop = privilegeDrop;
    this.listener = listener;
    this.scheduler = scheduler;
    this.daemonUid = ProcessStat.realUid(ProcessHandle.current().pid()).orElse(-1);
    this.helpers = new LaunchHelpers(wrapper, privilegeDrop);
    this.homes = new HomeDirectory(scheduler);
    this.retiring =
        scheduler.scheduleWithFixedDelay(
            helpers::retireOld,
            LaunchHelpers.MAX_AGE_SECONDS,
            LaunchHelpers.MAX_AGE_SECONDS,
            TimeUnit.SECONDS);
  }

  /**
   * Writes the job's spool and has the launcher fork its wrapper, and returns: the wrapper starts
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
   *     known yet, {@link #signal} reads it from the spool
   * @throws LaunchException if the inputs are invalid (NUL bytes, '=' in a name, relative cwd, no
   *     home for {@code ~}), the spool cannot be written (also: it already exists), or the launcher
   *     cannot start, fork or answer; a spool left behind is removed by {@link #cleanup}
   */
  public Launched start(Job job, Map<String, String> extraEnv, List<Integer> gpus)
      throws LaunchException {
    LaunchInputs inputs = LaunchInputs.of(job, extraEnv, homes);
    SpoolDir spool = spool(job.id());
    byte[] request = writeSpool(job, inputs, gpus, spool);
    Follow follow = new Follow(job.id(), spool);
    watches.put(job.id(), follow.watch);
    LaunchHelpers.Spawned spawned;
    try {
      spawned = helpers.spawn(job.owner(), spool, request, follow, LAUNCH_WAIT_MILLIS);
    } catch (LaunchException e) {
      watches.remove(job.id(), follow.watch);
      throw e;
    }
    long pid = spawned.pid();
    Optional<ProcessStat> stat = ProcessStat.read(pid);
    OptionalLong uid = ProcessStat.realUid(pid); // none: the wrapper has ended already
    if (uid.isPresent() && uid.getAsLong() != expectedUid(job)) {
      spawned.helper().kill();
      throw new LaunchException("the job launcher named process " + pid + ", not its wrapper");
    }
    // The launcher records the wrapper in the spool (before the job starts), for a daemon that dies
    // before it stores the launch (SpoolRecovery).
    WrapperId wrapperId = new WrapperId(pid, stat.map(ProcessStat::startTicks).orElse(0L));
    follow.wrapperId = wrapperId;
    follow.watch.poll(
        scheduler.schedule(
            () -> stopIfNotStarted(job, follow), LAUNCH_WAIT_MILLIS, TimeUnit.MILLISECONDS));
    return new Launched(wrapperId.pid(), wrapperId.startTicks());
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
    SpoolStatus status = spool.status();
    Optional<WrapperId> wrapperId = wrapperOf(job, status);
    if (wrapperId.isEmpty()
        || wrapperId.get().running().isEmpty()
        || !ownedBy(wrapperId.get().pid(), job)
        || status.exit().isPresent()) {
      return false;
    }
    OptionalLong jobPid = status.jobPid();
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
    Optional<WrapperId> wrapperId = wrapperOf(job, spool.status());
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

  /** The next job of each user gets a fresh launcher, with the user's groups as they are now. */
  public void renewLaunchers() {
    helpers.retireAll();
  }

  /** Stops following jobs; the jobs and their wrappers keep running, for the next daemon. */
  @Override
  public void close() {
    retiring.cancel(false);
    helpers.close();
    watches.values().forEach(JobWatch::cancel);
    watches.clear();
  }

  Path spoolDir(long jobId) {
    return spool(jobId).path();
  }

  private SpoolDir spool(long jobId) {
    return new SpoolDir(spoolRoot.resolve(Long.toString(jobId)));
  }

  /** The wrapper stored with the job, else (a launch never stored) the one the spool records. */
  private static Optional<WrapperId> wrapperOf(Job job, SpoolStatus status) {
    return job.pid() > 0
        ? Optional.of(new WrapperId(job.pid(), job.pidStartTicks()))
        : status.wrapper();
  }

  private boolean ownedBy(long pid, Job job) {
    OptionalLong uid = ProcessStat.realUid(pid);
    return uid.isPresent() && uid.getAsLong() == expectedUid(job);
  }

  /** The uid the job's processes run as. */
  private long expectedUid(Job job) {
    return privilegeDrop.drops() ? job.owner().uid() : daemonUid;
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

  /**
   * Writes the job's spool (its script, and its GPUs for a restarted daemon) and returns the inputs
   * for the wrapper, which go with the launch request.
   */
  private byte[] writeSpool(Job job, LaunchInputs inputs, List<Integer> gpus, SpoolDir spool)
      throws LaunchException {
    try {
      createSpool(spool);
      List<String> argv =
          job.spec().command() != null
              ? job.spec().command()
              : List.of(spool.writeScript(job.spec().script()).toString());
      if (!gpus.isEmpty()) {
        spool.writeGpus(gpus); // none recorded means none assigned: one file less per CPU job
      }
      if (privilegeDrop.drops()) {
        spool.chown(job.owner().uid(), job.owner().gid());
      }
      return SpoolDir.encodeInputs(argv, inputs.env(), job.spec().cwd(), inputs.outputs());
    } catch (IOException e) {
      throw new LaunchException("cannot write spool " + spool.path() + ": " + e, e);
    }
  }

  /**
   * Follows one started wrapper: told by the launcher when it ends, or that the launcher is gone
   * without saying (then the wrapper is polled, as an adopted one).
   */
  private final class Follow implements LaunchHelper.WrapperExit {
    private final long jobId;
    private final SpoolDir spool;
    private final JobWatch watch = new JobWatch();
    private volatile WrapperId wrapperId;

    Follow(long jobId, SpoolDir spool) {
      this.jobId = jobId;
      this.spool = spool;
    }

    @Override
    public void exited(int waitStatus) {
      finishStarted(jobId, spool, waitStatus);
    }

    @Override
    public void orphaned() {
      watch.poll(
          scheduler.scheduleWithFixedDelay(
              () -> {
                WrapperId id = wrapperId;
                if (spool.hasExitRecord() || (id != null && id.running().isEmpty())) {
                  finish(jobId, spool);
                }
              },
              0,
              ADOPT_POLL_MILLIS,
              TimeUnit.MILLISECONDS));
    }
  }

  /** The start watchdog: kills a wrapper that has not started its job in time. */
  private void stopIfNotStarted(Job job, Follow follow) {
    WrapperId id = follow.wrapperId;
    if (id == null || follow.spool.jobPid().isPresent() || id.running().isEmpty()) {
      return;
    }
    if (ownedBy(id.pid(), job)) {
      follow.watch.startFailed(
          "wrapper did not start the job within " + LAUNCH_WAIT_MILLIS + " ms");
      ProcessHandle.of(id.pid()).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  /** Reports the end of a job whose wrapper the launcher has seen end with {@code waitStatus}. */
  private void finishStarted(long jobId, SpoolDir spool, int waitStatus) {
    JobWatch watch = watches.get(jobId);
    SpoolStatus status = spool.status();
    if (watch == null || status.exit().isPresent() || status.jobPid().isPresent()) {
      finish(jobId, spool, status);
    } else if (spool.launchError().isPresent()) { // the wrapper's own failure, exit 127
      report(jobId, ExitStatus.exited(127), spool.launchError().get());
    } else {
      String failure = watch.startFailure();
      report(jobId, null, failure != null ? failure : notStarted(waitStatus));
    }
  }

  /** Why a wrapper that ended with {@code waitStatus} and no record did not start its job. */
  private static String notStarted(int waitStatus) {
    int signal = waitStatus & 0x7f;
    return "wrapper exited with "
        + (signal == 0 ? "status " + (waitStatus >> 8) : "signal " + signal)
        + " before the job started";
  }

  /** Reports the job's end once, from its exit record, or as LOST when there is none. */
  private void finish(long jobId, SpoolDir spool) {
    finish(jobId, spool, spool.status());
  }

  private void finish(long jobId, SpoolDir spool, SpoolStatus status) {
    Optional<ExitStatus> exit = status.exit();
    // A job that could not be started exits 127 with a launch error; no other has one to read.
    String error =
        exit.isEmpty()
            ? LOST_NO_EXIT
            : exit.get().equals(LAUNCH_FAILED) ? spool.launchError().orElse(null) : null;
    report(jobId, exit.orElse(null), error);
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
