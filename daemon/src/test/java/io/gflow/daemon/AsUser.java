package io.gflow.daemon;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs commands as other real uids with {@code setpriv} (tests run as root in CI), and creates the
 * test accounts they need with groupadd/useradd. Java commands get a world-readable copy of this
 * JVM's class path, since build dirs and ~/.m2 may be private to root. Stateless apart from that
 * one copy per JVM.
 */
public final class AsUser {
  public static final String ADMIN_GROUP = "gflowt-admin";
  public static final String ALICE = "gflowt-alice";
  public static final String BOB = "gflowt-bob";
  public static final String OPERATOR = "gflowt-oper";
  public static final String CAROL = "gflowt-carol";

  /** Daemon config that makes {@link #ADMIN_GROUP} admins and {@link #OPERATOR} an operator. */
  public static final String ROLES_CONFIG =
      "admin_groups = [\"" + ADMIN_GROUP + "\"]\noperator_users = [\"" + OPERATOR + "\"]\n";

  /** What a finished command printed and returned. */
  public record Result(int exitCode, String stdout, String stderr) {}

  private static String sharedClassPath;

  private AsUser() {}

  public static boolean isRoot() {
    return io.gflow.protocol.client.ProcessIdentity.uid() == 0;
  }

  /**
   * Skips the calling test unless this JVM runs as root. Call it per test ({@code @BeforeEach}),
   * not in {@code @BeforeAll}: Surefire reports a class aborted in {@code @BeforeAll} as "Tests
   * run: 0" with no skip and no message, which looks like a pass.
   */
  public static void assumeRoot() {
    Assumptions.assumeTrue(
        isRoot(), "needs root: runs commands as other real uids (setpriv) and creates accounts");
  }

  /** {@link #ensureAccounts} as root; elsewhere each test skips itself ({@link #assumeRoot}). */
  public static void ensureAccountsIfRoot() throws IOException, InterruptedException {
    if (isRoot()) {
      ensureAccounts();
    }
  }

  /** Creates the admin group and the alice (admin group), bob and operator accounts if missing. */
  public static synchronized void ensureAccounts() throws IOException, InterruptedException {
    if (run(List.of("getent", "group", ADMIN_GROUP)).exitCode() != 0) {
      check(run(List.of("groupadd", ADMIN_GROUP)));
    }
    ensureUser(ALICE, List.of("-G", ADMIN_GROUP));
    ensureUser(BOB, List.of());
    ensureUser(OPERATOR, List.of());
    ensureUser(CAROL, List.of());
  }

  private static void ensureUser(String name, List<String> extra)
      throws IOException, InterruptedException {
    if (run(List.of("id", "-u", name)).exitCode() == 0) {
      return;
    }
    List<String> command = new ArrayList<>(List.of("useradd", "-M", "-U", "-s", "/bin/sh"));
    command.addAll(extra);
    command.add(name);
    check(run(command));
  }

  public static long uidOf(String name) throws IOException, InterruptedException {
    return Long.parseLong(check(run(List.of("id", "-u", name))).stdout().trim());
  }

  public static long gidOf(String group) throws IOException, InterruptedException {
    String line = check(run(List.of("getent", "group", group))).stdout().trim();
    return Long.parseLong(line.split(":")[2]);
  }

  /** Runs {@code command} as the named user with its NSS groups (initgroups). */
  public static Result asUser(String name, List<String> command)
      throws IOException, InterruptedException {
    List<String> full =
        new ArrayList<>(
            List.of("setpriv", "--reuid", name, "--regid", name, "--init-groups", "--"));
    full.addAll(command);
    return run(full);
  }

  /** Runs {@code command} as a bare uid/gid with no supplementary groups. */
  public static Result asUid(long uid, long gid, List<String> command)
      throws IOException, InterruptedException {
    List<String> full =
        new ArrayList<>(
            List.of(
                "setpriv",
                "--reuid",
                Long.toString(uid),
                "--regid",
                Long.toString(gid),
                "--clear-groups",
                "--"));
    full.addAll(command);
    return run(full);
  }

  /** A {@code java} command line for {@code mainClass} on a class path any uid can read. */
  public static List<String> java(String mainClass, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:-UsePerfData");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Duser.home=/tmp");
    command.add("-cp");
    command.add(sharedClassPath());
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  private static synchronized String sharedClassPath() throws IOException {
    if (sharedClassPath == null) {
      Path dir = Files.createTempDirectory(Path.of("/tmp"), "gfcp");
      List<String> entries = new ArrayList<>();
      int index = 0;
      for (String entry : System.getProperty("java.class.path").split(":")) {
        Path source = Path.of(entry);
        if (!Files.exists(source)) {
          continue;
        }
        Path target = dir.resolve(index++ + "-" + source.getFileName());
        copyTree(source, target);
        entries.add(target.toString());
      }
      makeReadable(dir);
      sharedClassPath = String.join(":", entries);
    }
    return sharedClassPath;
  }

  private static void copyTree(Path source, Path target) throws IOException {
    if (Files.isDirectory(source)) {
      try (Stream<Path> paths = Files.walk(source)) {
        for (Path path : paths.toList()) {
          Path destination = target.resolve(source.relativize(path).toString());
          if (Files.isDirectory(path)) {
            Files.createDirectories(destination);
          } else {
            Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    } else {
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void makeReadable(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.toList()) {
        Files.setPosixFilePermissions(
            path,
            PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
  }

  public static Result run(List<String> command) throws IOException, InterruptedException {
    Path stdout = Files.createTempFile("gfout", ".txt");
    Path stderr = Files.createTempFile("gferr", ".txt");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("timed out: " + command);
      }
      return new Result(
          process.exitValue(),
          Files.readString(stdout, StandardCharsets.UTF_8),
          Files.readString(stderr, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }

  private static Result check(Result result) throws IOException {
    if (result.exitCode() != 0) {
      throw new IOException("command failed (" + result.exitCode() + "): " + result.stderr());
    }
    return result;
  }

  /**
   * Sends one JSON-RPC call as {@code user} (a test JVM running {@link RawCall} under setpriv) and
   * returns the daemon's reply object.
   */
  public static io.gflow.protocol.json.JsonObject rpcAs(
      String user, Path socket, String method, String params) throws Exception {
    List<String> command =
        java(
            RawCall.class.getName(),
            List.of(
                socket.toString(),
                "1",
                "{\"jsonrpc\":\"2.0\",\"method\":\""
                    + method
                    + "\",\"params\":"
                    + params
                    + ",\"id\":1}"));
    Result result = asUser(user, command);
    if (result.exitCode() != 0) {
      throw new IOException("RawCall as " + user + " failed: " + result.stderr());
    }
    return (io.gflow.protocol.json.JsonObject)
        io.gflow.protocol.json.Json.parse(result.stdout().trim());
  }

  /** The first id of a successful {@code job.submit} reply. */
  public static long firstSubmittedId(io.gflow.protocol.json.JsonObject reply) {
    var ids =
        (io.gflow.protocol.json.JsonArray)
            ((io.gflow.protocol.json.JsonObject) reply.get("result")).get("ids");
    return ((io.gflow.protocol.json.JsonNumber) ids.elements().get(0)).exactLong().getAsLong();
  }
}
