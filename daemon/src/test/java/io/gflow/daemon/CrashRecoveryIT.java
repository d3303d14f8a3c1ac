package io.gflow.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.job.Job;
import io.gflow.daemon.store.JobStore;
import io.gflow.protocol.Methods;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.control.InfoResult;
import io.gflow.protocol.job.JobInfo;
import io.gflow.protocol.job.JobState;
import io.gflow.protocol.job.ListResult;
import io.gflow.protocol.job.WaitResult;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SPEC §5 Recovery and §7 Persistence against a real {@code gflowd run} child that is {@code kill
 * -9}ed and started again on the same socket and state dir: every acknowledged submit survives, ids
 * are never reused, running jobs are re-adopted and end with their real exit code (also when they
 * ended while no daemon ran, and pid 1 leaves their wrapper a zombie), and a job whose wrapper
 * vanished without an exit record is LOST with a reason, never silently.
 */
@Timeout(180)
class CrashRecoveryIT {
  private static final int CLIENTS = 8;
  private static final String CONFIG = "private_data = true\n[scheduler]\ngpus = \"none\"\n";

  /**
   * Shell text that waits until the file {@code $0} exists (at most about a minute, so that a
   * failed test leaves no process behind for long).
   */
  private static final String AWAIT_GATE =
      "i=0; while [ ! -e \"$0\" ] && [ $i -lt 1200 ]; do sleep 0.05; i=$((i+1)); done; ";

  private GflowdChild daemon;

  @AfterEach
  void stop() throws IOException {
    if (daemon != null) {
      daemon.close();
    }
  }

  /** A job that runs until {@code <root>/<gate>} exists, then exits with {@code code}. */
  private List<String> gatedJob(String gate, int code) {
    Path file = daemon.root().resolve(gate);
    return List.of("sh", "-c", AWAIT_GATE + "exit " + code, file.toString());
  }

  private JobInfo awaitState(long id, JobState state) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      JobInfo job = daemon.get(id);
      if (job.state() == state) {
        return job;
      }
      if (System.nanoTime() > deadline || job.state().isTerminal()) {
        throw new AssertionError("job " + id + " never " + state + ": " + job);
      }
      Thread.sleep(20);
    }
  }

  /**
   * Waits for {@code path} to go: a finished job's spool is removed just after its end is stored.
   */
  private static void awaitGone(Path path) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (Files.exists(path)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never removed: " + path);
      }
      Thread.sleep(20);
    }
  }

  private JobInfo awaitEnd(long id) throws IOException {
    WaitResult result = daemon.await(List.of(id), 30_000);
    assertFalse(result.timedOut(), () -> "job " + id + " never ended: " + result.jobs());
    return result.jobs().get(0);
  }

  private Map<Long, JobInfo> allJobs() throws IOException {
    ListResult listed =
        ListResult.fromJson(
            daemon.call("job.list", JsonObject.builder().put("limit", 100_000).build()));
    return listed.jobs().stream()
        .collect(Collectors.toMap(JobInfo::id, Function.identity(), (a, b) -> a, TreeMap::new));
  }

  /**
   * Runs {@link #CLIENTS} threads that each submit up to {@code perClient} jobs, kills the daemon
   * once {@code killAfter} submits were acknowledged, and returns the acknowledged ids.
   */
  private Set<Long> submitUntilKilled(JsonObject params, int perClient, int killAfter)
      throws Exception {
    Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> clients = new ArrayList<>();
      for (int index = 0; index < CLIENTS; index++) {
        clients.add(
            pool.submit(
                () -> {
                  try (RpcClient client = daemon.connect()) {
                    for (int count = 0; count < perClient; count++) {
                      acknowledged.add(daemon.submit(client, params));
                    }
                  } catch (IOException killed) {
                    // The daemon died under us: that submit was never acknowledged.
                  }
                  return null;
                }));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (acknowledged.size() < killAfter && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      daemon.kill();
      for (Future<?> client : clients) {
        client.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(acknowledged.size() >= killAfter, "only " + acknowledged.size() + " submits");
    return Set.copyOf(acknowledged);
  }

  @Test
  void kill9_whileClientsSubmit_everyAcknowledgedJobSurvivesAndIdsAreNeverReused()
      throws Exception {
    daemon = new GflowdChild(CONFIG);
    daemon.start();
    JsonObject held = daemon.submitParams(List.of("true")).put("hold", true).build();

    Set<Long> acknowledged = submitUntilKilled(held, 100_000, 400);
    daemon.start(); // on the stale socket the killed daemon left behind

    Map<Long, JobInfo> stored = allJobs();
    List<Long> missing =
        acknowledged.stream().filter(id -> !stored.containsKey(id)).sorted().toList();
    assertEquals(List.of(), missing, "acknowledged but lost; log: " + daemon.logs());
    for (long id : acknowledged) {
      assertEquals(JobState.HELD, stored.get(id).state(), () -> "job " + id);
    }
    long oldMax = Collections.max(stored.keySet());
    long fresh = daemon.submit(daemon.submitParams(List.of("true")).put("hold", true).build());
    assertTrue(fresh > oldMax, "new id " + fresh + " after " + oldMax);
  }

  @Test
  void kill9_whileJobsLaunch_everyAcknowledgedJobRunsExactlyOnceAndCompletes() throws Exception {
    daemon = new GflowdChild(CONFIG + "slots = 2\n");
    daemon.start();
    Path runs = Files.createDirectory(daemon.root().resolve("runs"));
    JsonObject counting =
        daemon
            .submitParams(List.of("sh", "-c", "echo run >> \"$0/$GFLOW_JOB_ID\"", runs.toString()))
            .build();

    Set<Long> acknowledged = submitUntilKilled(counting, 15, 40);
    daemon.start();

    List<Long> ids = acknowledged.stream().sorted().toList();
    WaitResult ended = daemon.await(ids, 90_000);
    assertFalse(ended.timedOut(), () -> "not all ended: " + ended.jobs());
    for (JobInfo job : ended.jobs()) {
      assertEquals(JobState.COMPLETED, job.state(), () -> job + "\nlog: " + logsQuietly());
      assertEquals(0, job.exitCode());
      Path record = runs.resolve(Long.toString(job.id()));
      assertEquals(List.of("run"), Files.readAllLines(record), "job " + job.id() + " runs");
    }
  }

  @Test
  void kill9_whileJobRuns_restartBeforeItEnds_jobEndsWithItsExitCode() throws Exception {
    daemon = new GflowdChild(CONFIG);
    daemon.start();
    long id = daemon.submit(daemon.submitParams(gatedJob("go", 7)).build());
    JobInfo running = awaitState(id, JobState.RUNNING);

    daemon.kill();
    daemon.start();
    assertEquals(JobState.RUNNING, daemon.get(id).state(), "re-adopted, still running");
    Files.createFile(daemon.root().resolve("go"));

    JobInfo done = awaitEnd(id);
    assertEquals(JobState.FAILED, done.state(), done.toString());
    assertEquals(7, done.exitCode());
    assertEquals(running.startTime(), done.startTime(), "start time kept");
    assertNotNull(done.endTime());
    awaitGone(daemon.spool(id)); // removed once the end is recorded
  }

  @Test
  void kill9_whileJobRuns_restartAfterItEnded_jobEndsWithItsExitCode() throws Exception {
    daemon = new GflowdChild(CONFIG);
    daemon.start();
    long id = daemon.submit(daemon.submitParams(gatedJob("go", 7)).build());
    JobInfo running = awaitState(id, JobState.RUNNING);
    long wrapperPid = wrapperPid(id);

    daemon.kill();
    Files.createFile(daemon.root().resolve("go"));
    awaitStatusLine(id, "exit ");
    awaitExited(wrapperPid); // a zombie for good: pid 1 here does not reap orphans
    daemon.start();

    JobInfo done = awaitEnd(id);
    assertEquals(JobState.FAILED, done.state(), done.toString());
    assertEquals(7, done.exitCode());
    assertEquals(running.startTime(), done.startTime(), "start time kept");
    awaitGone(daemon.spool(id)); // removed once the end is recorded
  }

  @Test
  void kill9_afterLaunchBeforeRunningWasStored_jobIsAdoptedNotLaunchedAgain() throws Exception {
    daemon = new GflowdChild(CONFIG);
    daemon.start();
    Path gate = daemon.root().resolve("go");
    long id =
        daemon.submit(
            daemon
                .submitParams(
                    List.of(
                        "sh",
                        "-c",
                        "echo run >> \"$0.runs\"; " + AWAIT_GATE + "exit 5",
                        gate.toString()))
                .build());
    JobInfo running = awaitState(id, JobState.RUNNING);

    daemon.kill();
    storeAsNeverStarted(id); // as if the kill came just before the RUNNING commit
    daemon.start();

    JobInfo adopted = daemon.get(id);
    assertEquals(JobState.RUNNING, adopted.state(), "adopted from its spool, not relaunched");
    assertNotNull(adopted.startTime());
    assertFalse(
        adopted.startTime().isAfter(running.startTime().plusSeconds(1)), adopted.toString());
    Files.createFile(gate);
    JobInfo done = awaitEnd(id);
    assertEquals(JobState.FAILED, done.state(), done.toString());
    assertEquals(5, done.exitCode());
    assertEquals(List.of("run"), Files.readAllLines(Path.of(gate + ".runs")), "ran once");
  }

  @Test
  void kill9_launchCutShortBeforeTheWrapperStarted_jobLaunchesAfterRestart() throws Exception {
    daemon = new GflowdChild(CONFIG);
    daemon.start();
    long id =
        daemon.submit(daemon.submitParams(List.of("sh", "-c", "exit 4")).put("hold", true).build());

    daemon.kill();
    Path stale = Files.createDirectories(daemon.spool(id));
    Files.writeString(stale.resolve("inputs"), "/\0/dev/null\0/dev/null\0" + "3\0sh\0-c\0exit 4\0");
    daemon.start();

    daemon.call(
        "job.release", JsonObject.builder().put("ids", JsonArray.ofLongs(List.of(id))).build());
    JobInfo done = awaitEnd(id);
    assertEquals(JobState.FAILED, done.state(), done.toString());
    assertEquals(4, done.exitCode(), done.toString());
  }

  /** Rewrites a RUNNING job in the stopped daemon's store as PENDING, never started. */
  private void storeAsNeverStarted(long id) throws Exception {
    try (JobStore store = JobStore.open(daemon.stateDir().resolve("gflow.db"), Clock.systemUTC())) {
      Job job = store.get(id).orElseThrow();
      assertEquals(JobState.RUNNING, job.state());
      Job pending =
          new Job(
              job.id(),
              job.arrayJobId(),
              job.arrayTaskId(),
              job.owner(),
              job.spec(),
              JobState.PENDING,
              null,
              job.submitTime(),
              null,
              null,
              null,
              List.of(),
              0,
              0);
      store.save(List.of(pending)).get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void kill9_wrapperKilledWhileDaemonDown_jobLostWithReason() throws Exception {
    daemon = new GflowdChild(CONFIG);
    daemon.start();
    long id = daemon.submit(daemon.submitParams(gatedJob("go", 0)).build());
    awaitState(id, JobState.RUNNING);
    long wrapperPid = wrapperPid(id);

    daemon.kill();
    AsUser.run(List.of("kill", "-9", Long.toString(wrapperPid)));
    awaitExited(wrapperPid);
    Files.createFile(daemon.root().resolve("go")); // the orphaned job ends; nobody records it
    daemon.start();

    JobInfo done = awaitEnd(id);
    assertEquals(JobState.LOST, done.state(), done.toString());
    assertNotNull(done.reason());
    assertTrue(done.reason().startsWith("LOST: "), done.reason());
    assertEquals(null, done.exitCode());
    awaitGone(daemon.spool(id)); // removed once the end is recorded
  }

  @Test
  void kill9_queuedAndFinishedJobs_comeBackWithIdsStatesExitCodesAndCounts() throws Exception {
    daemon = new GflowdChild(CONFIG);
    daemon.start();
    long held = daemon.submit(daemon.submitParams(List.of("true")).put("hold", true).build());
    long completed = daemon.submit(daemon.submitParams(List.of("true")).build());
    long failed = daemon.submit(daemon.submitParams(List.of("sh", "-c", "exit 3")).build());
    awaitEnd(completed);
    awaitEnd(failed);
    Map<Long, JobInfo> before = allJobs();
    Map<String, Long> countsBefore = jobCounts();
    awaitGone(daemon.spool(completed)); // removed once the end is recorded

    daemon.kill();
    // As if the kill came between recording the end and removing the spool.
    Files.writeString(Files.createDirectories(daemon.spool(completed)).resolve("exit"), "code 0\n");
    daemon.start();

    assertFalse(Files.exists(daemon.spool(completed)), "stale spool swept at start");
    Map<Long, JobInfo> after = allJobs();
    assertEquals(before.keySet(), after.keySet());
    assertEquals(JobState.HELD, after.get(held).state());
    assertEquals(JobState.COMPLETED, after.get(completed).state());
    assertEquals(0, after.get(completed).exitCode());
    assertEquals(JobState.FAILED, after.get(failed).state());
    assertEquals(3, after.get(failed).exitCode());
    for (long id : before.keySet()) {
      assertEquals(before.get(id), after.get(id), "job " + id + " unchanged");
    }
    assertEquals(countsBefore, jobCounts());
    assertEquals(
        Map.of("jobs_completed", 1L, "jobs_failed", 1L, "jobs_held", 1L),
        withoutZeros(jobCounts()));

    daemon.call(
        "job.release", JsonObject.builder().put("ids", JsonArray.ofLongs(List.of(held))).build());
    assertEquals(JobState.COMPLETED, awaitEnd(held).state(), "the recovered queue still runs");
  }

  private Map<String, Long> jobCounts() throws IOException {
    InfoResult info = InfoResult.fromJson(daemon.call(Methods.DAEMON_INFO, null));
    return info.counts().entrySet().stream()
        .filter(entry -> entry.getKey().startsWith("jobs_"))
        .collect(
            Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
  }

  private static Map<String, Long> withoutZeros(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .filter(entry -> entry.getValue() != 0)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private long wrapperPid(long id) throws Exception {
    return Long.parseLong(awaitStatusLine(id, "wrapper ").split(" ")[1]);
  }

  /** Waits for the whole line starting with {@code prefix} in the job's spool status file. */
  private String awaitStatusLine(long id, String prefix) throws Exception {
    Path status = daemon.spool(id).resolve("status");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (Files.exists(status)) {
        String text = Files.readString(status);
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
          if (line.startsWith(prefix)) {
            return line;
          }
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no line " + prefix + "... in " + status);
  }

  /** Waits until {@code pid} is gone or a zombie ({@code State: Z}). */
  private static void awaitExited(long pid) throws Exception {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try {
        String state =
            Files.readAllLines(status).stream()
                .filter(line -> line.startsWith("State:"))
                .findFirst()
                .orElse("");
        if (state.contains("Z") || state.contains("X")) {
          return;
        }
      } catch (IOException gone) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("process " + pid + " still runs");
  }

  private String logsQuietly() {
    try {
      return daemon.logs();
    } catch (IOException e) {
      return e.toString();
    }
  }
}
