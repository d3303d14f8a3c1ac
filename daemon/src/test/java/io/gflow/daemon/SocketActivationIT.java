package io.gflow.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gflow.protocol.Methods;
import io.gflow.protocol.client.ProcessIdentity;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.client.ServerTrust;
import io.gflow.protocol.control.InfoResult;
import io.gflow.protocol.job.JobState;
import io.gflow.protocol.job.WaitResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * SPEC §8 socket activation against a real {@code gflowd run} started the way systemd starts it:
 * {@code systemd-socket-activate} binds the socket and execs gflowd with it as descriptor 3 and
 * {@code LISTEN_FDS}/{@code LISTEN_PID} set. gflowd serves that socket, never unlinks it, still
 * takes the lock, keeps descriptor 3 and {@code LISTEN_*} away from jobs, and ignores {@code
 * LISTEN_*} meant for another process.
 */
@Timeout(120)
class SocketActivationIT {
  private static final String CONFIG = "[scheduler]\ngpus = \"none\"\n";
  private static final Path ACTIVATOR = Path.of("/usr/bin/systemd-socket-activate");

  private GflowdChild daemon;

  @BeforeEach
  void setUp() throws IOException {
    daemon = new GflowdChild(CONFIG);
  }

  @AfterEach
  void tearDown() throws IOException {
    daemon.close();
  }

  private void startActivated() throws Exception {
    assumeTrue(
        Files.isExecutable(ACTIVATOR),
        "systemd-socket-activate missing (apt-get install systemd); socket activation not tested");
    daemon.start(List.of(ACTIVATOR.toString(), "-l", daemon.socket().toString()), Map.of());
  }

  private Object fileKey(Path path) throws IOException {
    return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
        .fileKey();
  }

  @Test
  void activated_servesTheInheritedSocket_andLeavesItAtStop() throws Exception {
    startActivated();
    Object boundBySystemd = fileKey(daemon.socket());
    InfoResult info = InfoResult.fromJson(daemon.call(Methods.DAEMON_INFO, null));
    assertEquals(daemon.socket().toString(), info.socket());
    assertTrue(
        daemon.logs().contains("serving the socket passed by systemd (descriptor 3)"),
        daemon.logs());

    assertEquals(0, daemon.terminate(), daemon.logs());
    assertTrue(Files.exists(daemon.socket(), LinkOption.NOFOLLOW_LINKS), "socket unlinked");
    assertEquals(boundBySystemd, fileKey(daemon.socket()), "socket replaced");
    assertTrue(Files.exists(daemon.socket().resolveSibling("gflowd.sock.lock")));
  }

  /**
   * An attacker's socket paths forge {@code /proc/net/unix} lines naming the inode of systemd's
   * socket, some as not listening, all at another path: gflowd still starts, on systemd's path.
   */
  @Test
  void activated_forgedProcNetUnixLines_neitherRefuseNorMoveTheSocket() throws Exception {
    assumeTrue(Files.isExecutable(ACTIVATOR), "systemd-socket-activate missing");
    daemon.spawn(List.of(ACTIVATOR.toString(), "-l", daemon.socket().toString()), Map.of());
    String inode = awaitListeningInode(daemon.socket());
    Path forgedPath = Path.of("/tmp/e"); // short: a socket path has at most 107 bytes
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "f");
    List<AFUNIXServerSocket> forgers = new ArrayList<>();
    try {
      for (int i = 0; i < 16; i++) {
        String flags = i % 2 == 0 ? "00000000" : "00010000";
        String path =
            dir
                + "/"
                + i
                + "\n0000000000000000: 00000002 00000000 "
                + flags
                + " 0001 01 "
                + inode
                + " "
                + forgedPath;
        Files.createDirectories(Path.of(path).getParent()); // the forged line holds slashes
        AFUNIXServerSocket forger = AFUNIXServerSocket.newInstance();
        forgers.add(forger);
        forger.bind(AFUNIXSocketAddress.of(path.getBytes(StandardCharsets.UTF_8)));
      }

      daemon.awaitReady(daemon.socket()); // the first connection makes systemd start gflowd

      InfoResult info = InfoResult.fromJson(daemon.call(Methods.DAEMON_INFO, null));
      assertEquals(daemon.socket().toString(), info.socket());
      assertFalse(daemon.logs().contains("instead of the configured"), daemon.logs());
      assertFalse(Files.exists(forgedPath.resolveSibling("e.lock"), LinkOption.NOFOLLOW_LINKS));
    } finally {
      for (AFUNIXServerSocket forger : forgers) {
        forger.close();
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  @Test
  void activated_datagramSocket_isRefusedWithTheWayOut() throws Exception {
    assumeTrue(Files.isExecutable(ACTIVATOR), "systemd-socket-activate missing");
    daemon.spawn(List.of(ACTIVATOR.toString(), "-d", "-l", daemon.socket().toString()), Map.of());
    awaitBound(daemon.socket());
    try (org.newsclub.net.unix.AFUNIXDatagramSocket sender =
        org.newsclub.net.unix.AFUNIXDatagramSocket.newInstance()) {
      // A datagram makes systemd-socket-activate exec gflowd with the socket as descriptor 3.
      sender.connect(AFUNIXSocketAddress.of(daemon.socket()));
      sender.send(new java.net.DatagramPacket(new byte[] {'x'}, 1));
    }

    assertTrue(daemon.process().waitFor(60, TimeUnit.SECONDS), "gflowd did not exit");
    assertEquals(1, daemon.process().exitValue(), daemon.logs());
    String logs = daemon.logs();
    assertTrue(logs.contains("gflowd: cannot start: socket activation (LISTEN_FDS):"), logs);
    assertTrue(logs.contains("not a listening stream socket"), logs);
    assertTrue(logs.contains("without Accept=yes"), logs);
  }

  /** Returns once something is bound at {@code path}. */
  private static void awaitBound(Path path) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("nothing bound at " + path);
      }
      Thread.sleep(20);
    }
  }

  /** The inode of the listening socket bound at {@code path}, once it is bound. */
  private static String awaitListeningInode(Path path) throws Exception {
    String suffix = " " + path;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      for (String line :
          Files.readAllLines(Path.of("/proc/net/unix"), StandardCharsets.ISO_8859_1)) {
        String[] fields = line.strip().split(" +");
        if (line.endsWith(suffix) && fields.length == 8 && fields[3].equals("00010000")) {
          return fields[6];
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("nothing listens at " + path);
  }

  @Test
  void activated_secondDaemonOnTheSamePath_isRefusedByTheLock() throws Exception {
    startActivated();
    Object boundBySystemd = fileKey(daemon.socket());
    AsUser.Result second =
        AsUser.run(
            AsUser.java(
                DaemonMain.class.getName(),
                List.of(
                    "run",
                    "--socket",
                    daemon.socket().toString(),
                    "--state-dir",
                    daemon.root().resolve("state2").toString())));
    assertEquals(1, second.exitCode(), second.toString());
    assertTrue(second.stderr().contains("another gflowd is already serving"), second.toString());
    assertEquals(boundBySystemd, fileKey(daemon.socket()), "socket replaced");
    daemon.call(Methods.DAEMON_PING, null);
  }

  @Test
  void activated_jobs_seeNeitherListenVariablesNorDescriptor3() throws Exception {
    startActivated();
    long env = daemon.submit(daemon.submitParams(List.of("/usr/bin/env")).build());
    long fds = daemon.submit(daemon.submitParams(List.of("/bin/ls", "/proc/self/fd")).build());
    WaitResult done = daemon.await(List.of(env, fds), TimeUnit.SECONDS.toMillis(30));
    assertTrue(
        done.jobs().stream().allMatch(job -> job.state() == JobState.COMPLETED), done.toString());
    String environment = Files.readString(daemon.root().resolve(env + ".out"));
    assertTrue(environment.contains("PATH="), environment);
    assertFalse(environment.contains("LISTEN_"), environment);
    // ls's own directory descriptor is 3; the listener would be a fourth.
    assertEquals("0\n1\n2\n3\n", Files.readString(daemon.root().resolve(fds + ".out")));
  }

  @Test
  void activated_onAnotherPathThanConfigured_servesSystemdsPath() throws Exception {
    assumeTrue(Files.isExecutable(ACTIVATOR), "systemd-socket-activate missing");
    Path other = daemon.root().resolve("other.sock");
    daemon.start(List.of(ACTIVATOR.toString(), "-l", other.toString()), Map.of(), other);
    try (RpcClient client = RpcClient.connect(other, ServerTrust.of(ProcessIdentity.uid(), null))) {
      InfoResult info = InfoResult.fromJson(client.call(Methods.DAEMON_INFO, null));
      assertEquals(other.toString(), info.socket());
    }
    assertTrue(daemon.logs().contains("instead of the configured"), daemon.logs());
    assertFalse(Files.exists(daemon.socket(), LinkOption.NOFOLLOW_LINKS));
    assertEquals(0, daemon.terminate(), daemon.logs());
    assertTrue(Files.exists(other, LinkOption.NOFOLLOW_LINKS), "socket unlinked");
  }

  @Test
  void listenPidOfAnotherProcess_isIgnored_andTheDaemonBindsItself() throws Exception {
    daemon.start(List.of(), Map.of("LISTEN_PID", "1", "LISTEN_FDS", "1"));
    daemon.call(Methods.DAEMON_PING, null);
    assertFalse(daemon.logs().contains("passed by systemd"), daemon.logs());

    assertEquals(0, daemon.terminate(), daemon.logs());
    assertFalse(
        Files.exists(daemon.socket(), LinkOption.NOFOLLOW_LINKS),
        "a socket the daemon bound itself is removed at stop");
  }
}
