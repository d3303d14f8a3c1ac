package io.gflow.daemon.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.job.ExitStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolDirTest {
  @TempDir Path dir;

  @Test
  void parseExit_codeAndSignal_parsed() {
    assertEquals(Optional.of(ExitStatus.exited(7)), SpoolDir.parseExit("code 7\n"));
    assertEquals(Optional.of(ExitStatus.killed(15)), SpoolDir.parseExit("signal 15\n"));
    assertEquals(Optional.empty(), SpoolDir.parseExit("code"));
    assertEquals(Optional.empty(), SpoolDir.parseExit("status 1"));
    assertEquals(Optional.empty(), SpoolDir.parseExit("code x"));
  }

  @Test
  void encodeInputs_nulTerminatedItems() {
    Map<String, String> env = new TreeMap<>(Map.of("A", "1\n2", "B.c", "x=y", "É", "ü"));

    byte[] inputs =
        SpoolDir.encodeInputs(
            List.of("/bin/echo", "a b"),
            env,
            "/work",
            new OutputPaths(Path.of("/o/out"), Path.of("/o/err")));

    assertEquals(
        "/work\0/o/out\0/o/err\0" + "2\0/bin/echo\0a b\0" + "A=1\n2\0B.c=x=y\0É=ü\0",
        new String(inputs, StandardCharsets.UTF_8));
  }

  @Test
  void create_privateEmptyDirectory() throws Exception {
    SpoolDir spool = new SpoolDir(dir.resolve("1"));

    spool.create();

    try (Stream<Path> files = Files.list(spool.path())) {
      assertEquals(0, files.count());
    }
    assertEquals("rwx------", mode(spool.path()));
  }

  @Test
  void read_symlinkedRecord_ignored() throws Exception {
    SpoolDir spool = new SpoolDir(dir.resolve("2"));
    spool.create();
    Path secret = Files.writeString(dir.resolve("secret"), "code 0\n");
    Files.createSymbolicLink(spool.path().resolve("exit"), secret);
    Files.createSymbolicLink(spool.path().resolve("launch_error"), secret);
    Path status = Files.writeString(dir.resolve("status"), "exit code 0\n");
    Files.createSymbolicLink(spool.path().resolve(SpoolDir.STATUS), status);

    assertEquals(Optional.empty(), spool.exitStatus());
    assertEquals(Optional.empty(), spool.launchError());
  }

  @Test
  void delete_linksAndSubdirs_removedWithoutFollowing() throws Exception {
    Path outside = Files.createDirectory(dir.resolve("outside"));
    Path keep = Files.writeString(outside.resolve("keep"), "keep");
    SpoolDir spool = new SpoolDir(dir.resolve("3"));
    spool.create();
    Files.createSymbolicLink(spool.path().resolve("link"), outside);
    Path sub = Files.createDirectory(spool.path().resolve("sub"));
    Files.writeString(sub.resolve("file"), "x");
    Files.createSymbolicLink(sub.resolve("keep"), keep);

    spool.delete();

    assertFalse(Files.exists(spool.path()));
    assertTrue(Files.exists(keep));
  }

  @Test
  void status_statusFile_oneReadForEveryRecord() throws Exception {
    SpoolDir spool = new SpoolDir(dir.resolve("4"));
    spool.create();
    Files.writeString(
        spool.path().resolve(SpoolDir.STATUS), "wrapper 123 456\njobpid 789\nexit signal 9\n");

    assertEquals(Optional.of(new WrapperId(123, 456)), spool.wrapperRecord());
    assertEquals(OptionalLong.of(789), spool.jobPid());
    assertEquals(Optional.of(ExitStatus.killed(9)), spool.exitStatus());
    assertTrue(spool.hasExitRecord());
    assertTrue(spool.wrapperStarted());
  }

  @Test
  void status_exitLineStillBeingWritten_noExitYet() throws Exception {
    SpoolDir spool = new SpoolDir(dir.resolve("5"));
    spool.create();
    Files.writeString(spool.path().resolve(SpoolDir.STATUS), "wrapper 1 2\njobpid 3\nexit code 1");

    assertEquals(OptionalLong.of(3), spool.jobPid());
    assertEquals(Optional.empty(), spool.exitStatus());
    assertFalse(spool.hasExitRecord());
  }

  @Test
  void status_recordsOfAWrapperOfTheEarlierVersion_readFromTheirOwnFiles() throws Exception {
    SpoolDir spool = new SpoolDir(dir.resolve("6"));
    spool.create();
    Files.writeString(spool.path().resolve(SpoolDir.WRAPPER), "123 456\n");
    Files.writeString(spool.path().resolve(SpoolDir.JOBPID), "789\n");
    assertTrue(spool.wrapperStarted());
    assertFalse(spool.hasExitRecord());

    Files.writeString(spool.path().resolve(SpoolDir.EXIT), "code 3\n");

    assertEquals(Optional.of(new WrapperId(123, 456)), spool.wrapperRecord());
    assertEquals(OptionalLong.of(789), spool.jobPid());
    assertEquals(Optional.of(ExitStatus.exited(3)), spool.exitStatus());
  }

  @Test
  void wrapperStarted_onlyInputs_false() throws Exception {
    SpoolDir spool = new SpoolDir(dir.resolve("7"));
    spool.create();
    Files.writeString(spool.path().resolve(SpoolDir.INPUTS), "/\0");

    assertFalse(spool.wrapperStarted());
    assertEquals(Optional.empty(), spool.wrapperRecord());
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
