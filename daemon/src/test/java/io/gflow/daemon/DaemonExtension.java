package io.gflow.daemon;

import static org.junit.jupiter.api.Assertions.fail;

import io.gflow.daemon.config.ConfigLoader;
import io.gflow.daemon.config.DaemonConfig;
import io.gflow.protocol.client.ProcessIdentity;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.client.ServerTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a real daemon on a real AF_UNIX socket in a fresh short temp dir before each test and
 * stops it after, failing the test if daemon threads leak. The socket dir is 0755 so that tests
 * running clients as other uids (as root, via setpriv) can reach it. Not thread-safe.
 */
public final class DaemonExtension implements BeforeEachCallback, AfterEachCallback {
  private final String configText;
  private final Mode mode;
  private Path root;
  private Path configFile;
  private Daemon daemon;

  private DaemonExtension(String configText, Mode mode) {
    this.configText = configText;
    this.mode = mode;
  }

  public static DaemonExtension withDefaults() {
    return new DaemonExtension(null, Mode.PERSONAL);
  }

  /** A daemon reading {@code toml} as its gflowd.toml. */
  public static DaemonExtension withConfig(String toml) {
    return new DaemonExtension(toml, Mode.PERSONAL);
  }

  /**
   * A system-mode daemon (jobs run as their submitters through setpriv; needs root) reading {@code
   * toml}.
   */
  public static DaemonExtension system(String toml) {
    return new DaemonExtension(toml, Mode.SYSTEM);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    root = Files.createTempDirectory(Path.of("/tmp"), "gfd");
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    if (configText != null) {
      configFile = root.resolve("gflowd.toml");
      Files.writeString(configFile, configText);
      Files.setPosixFilePermissions(configFile, PosixFilePermissions.fromString("rw-r--r--"));
    }
    start();
  }

  /** Starts the daemon again on the same paths (after {@link #stop}). */
  public void start() throws Exception {
    DaemonConfig config =
        configFile == null ? DaemonConfig.defaults() : ConfigLoader.load(configFile);
    daemon =
        Daemon.start(
            new DaemonSettings(
                mode,
                socket(),
                root.resolve("state"),
                configFile,
                configFile != null,
                ProcessIdentity.uid()),
            config,
            Clock.systemUTC());
  }

  public void stop() throws Exception {
    if (daemon != null) {
      daemon.close();
      daemon = null;
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    try {
      stop();
      assertNoLeakedThreads();
    } finally {
      deleteTree(root);
    }
  }

  private static void assertNoLeakedThreads() throws InterruptedException {
    long deadline = System.nanoTime() + 3_000_000_000L;
    List<String> alive;
    do {
      alive =
          Thread.getAllStackTraces().keySet().stream()
              .filter(Thread::isAlive)
              .map(Thread::getName)
              .filter(name -> name.startsWith("gflowd-"))
              .toList();
      if (alive.isEmpty()) {
        return;
      }
      Thread.sleep(20);
    } while (System.nanoTime() < deadline);
    fail("daemon threads still alive after stop: " + alive);
  }

  /**
   * Deletes {@code dir}; retried for a few seconds because jobs outlive their daemon (by design),
   * so a job started just before the stop may still write its spool or log while the tree goes.
   */
  private static void deleteTree(Path dir) throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        deleteTreeOnce(dir);
        return;
      } catch (DirectoryNotEmptyException | NoSuchFileException | UncheckedIOException raced) {
        if (attempt == 50) {
          throw raced;
        }
        Thread.sleep(100);
      }
    }
  }

  private static void deleteTreeOnce(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  public Daemon daemon() {
    return daemon;
  }

  public Path root() {
    return root;
  }

  public Path socket() {
    return root.resolve("gflowd.sock");
  }

  public Path stateDir() {
    return root.resolve("state");
  }

  public Path configFile() {
    return configFile;
  }

  public Path auditLog() {
    return stateDir().resolve("audit.log");
  }

  /** A client connected as this test process (trusting the daemon's uid, which is ours). */
  public RpcClient client() throws IOException {
    return RpcClient.connect(socket(), ServerTrust.of(ProcessIdentity.uid(), null));
  }
}
