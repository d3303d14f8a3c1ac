package io.gflow.daemon.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gflow.daemon.exec.RunnerFixture.Ended;
import io.gflow.daemon.job.ExitStatus;
import io.gflow.daemon.job.Job;
import io.gflow.daemon.job.Owner;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * System mode: a root runner starts each owner's launcher through {@code setpriv}, so that it and
 * the wrappers it forks run as the owner, with the owner's groups only, before anything is read.
 * Runs only as root (as in CI); skipped otherwise.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JobRunnerAsUserIT {
  private static final Owner NOBODY = new Owner(65534, 65534, "nobody");
  private static final Owner DAEMON = new Owner(1, 1, "daemon");

  @TempDir Path dir;
  private Path out;

  @BeforeEach
  void setUp() throws Exception {
    assumeTrue(TestJobs.SELF.uid() == 0, "needs root to run jobs as another uid");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
    out = Files.createDirectory(dir.resolve("out"));
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
  }

  @Test
  void launch_systemMode_jobRunsAsOwnerWithItsEnvironment() throws Exception {
    Job job =
        TestJobs.job(
            51,
            NOBODY,
            TestJobs.spec(
                List.of("/bin/sh", "-c", "echo \"$(id -u) $(id -g) $(id -G) $SECRET $(pwd)\""),
                null,
                dir,
                Map.of("SECRET", "s3cret value"),
                out.resolve("%u-%j.out").toString()));

    try (RunnerFixture fixture = new RunnerFixture(dir.resolve("state"), PrivilegeDrop.setpriv())) {
      fixture.start(job, Map.of());

      assertEquals(new Ended(51, ExitStatus.exited(0), null), fixture.awaitEnd(51));
      Path spool = fixture.runner().spoolDir(51);
      assertEquals(65534, Files.getAttribute(spool, "unix:uid", LinkOption.NOFOLLOW_LINKS));
      assertEquals(
          "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(spool)));
      // Written by the launcher, already the job's user; the job's inputs went with the request.
      assertEquals(
          65534,
          Files.getAttribute(
              spool.resolve(SpoolDir.STATUS), "unix:uid", LinkOption.NOFOLLOW_LINKS));
      try (Stream<Path> files = Files.list(spool)) {
        assertEquals(
            List.of(SpoolDir.STATUS),
            files.map(file -> file.getFileName().toString()).toList(),
            "no file holds the environment");
      }
      assertEquals(
          "rwx--x--x",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(spool.getParent())));
    }
    assertEquals(
        "65534 65534 65534 s3cret value " + dir + "\n",
        Files.readString(out.resolve("nobody-51.out")));
    assertEquals(65534, Files.getAttribute(out.resolve("nobody-51.out"), "unix:uid"));
  }

  @Test
  void signal_systemMode_reachesOwnersJob() throws Exception {
    Job job =
        TestJobs.job(
            52,
            NOBODY,
            TestJobs.spec(
                List.of("/bin/sleep", "1000"),
                null,
                dir,
                Map.of(),
                out.resolve("52.out").toString()));

    try (RunnerFixture fixture = new RunnerFixture(dir.resolve("state"), PrivilegeDrop.setpriv())) {
      RunnerFixture.Started started = fixture.startAndAwaitJob(job);
      Launched launched = started.launched();
      assertEquals(65534, ProcessStat.realUid(launched.wrapperPid()).orElseThrow());

      assertTrue(fixture.runner().signal(TestJobs.running(job, launched), 15));

      assertEquals(ExitStatus.killed(15), fixture.awaitEnd(52).status());
    }
  }

  @Test
  void start_twoOwners_eachJobForkedByALauncherRunningAsItsOwnerOnly() throws Exception {
    Job nobodys = sleeper(53, NOBODY);
    Job daemons = sleeper(54, DAEMON);

    try (RunnerFixture fixture = new RunnerFixture(dir.resolve("state"), PrivilegeDrop.setpriv())) {
      Launched first = fixture.start(nobodys, Map.of());
      Launched second = fixture.start(daemons, Map.of());
      try {
        long nobodysLauncher = launcherOf(first);
        long daemonsLauncher = launcherOf(second);

        assertNotEquals(nobodysLauncher, daemonsLauncher);
        assertEquals("65534 65534 65534", identity(nobodysLauncher));
        assertEquals("1 1 1", identity(daemonsLauncher));
        assertEquals(65534, ProcessStat.realUid(first.wrapperPid()).orElseThrow());
        assertEquals(1, ProcessStat.realUid(second.wrapperPid()).orElseThrow());
      } finally {
        assertTrue(fixture.runner().signal(TestJobs.running(nobodys, first), 9));
        assertTrue(fixture.runner().signal(TestJobs.running(daemons, second), 9));
      }
      assertEquals(
          Set.of(
              new Ended(53, ExitStatus.killed(9), null), new Ended(54, ExitStatus.killed(9), null)),
          Set.copyOf(fixture.awaitEnds(2)));
    }
  }

  private Job sleeper(long id, Owner owner) {
    return TestJobs.job(
        id,
        owner,
        TestJobs.spec(
            List.of("/bin/sleep", "1000"),
            null,
            dir,
            Map.of(),
            out.resolve(id + ".out").toString()));
  }

  private static long launcherOf(Launched launched) {
    return ProcessStat.read(launched.wrapperPid()).orElseThrow().ppid();
  }

  /** "UID GID GROUPS" of a process from /proc: real uid and gid, supplementary groups. */
  private static String identity(long pid) throws Exception {
    String uid = "";
    String gid = "";
    String groups = "";
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      String[] fields = line.split("\\s+");
      switch (fields[0]) {
        case "Uid:" -> uid = fields[1];
        case "Gid:" -> gid = fields[1];
        case "Groups:" -> groups = line.substring("Groups:".length()).trim();
        default -> {}
      }
    }
    return uid + " " + gid + " " + groups;
  }
}
