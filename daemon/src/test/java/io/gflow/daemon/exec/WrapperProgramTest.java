package io.gflow.daemon.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.job.ExitStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WrapperProgramTest {
  @TempDir Path dir;

  @Test
  void extract_noGflowHome_publicExecutableCopy() throws Exception {
    Path wrapper = WrapperProgram.extract(dir.resolve("libexec"));

    assertEquals(dir.resolve("libexec/gflow-job"), wrapper);
    assertEquals("rwxr-xr-x", mode(wrapper));
    assertEquals("rwxr-xr-x", mode(wrapper.getParent()));
    assertArrayEquals(resource(), Files.readAllBytes(wrapper));
  }

  @Test
  void extract_twice_replacesCopy() throws Exception {
    Path wrapper = WrapperProgram.extract(dir);
    Files.writeString(wrapper, "stale");

    WrapperProgram.extract(dir);

    assertArrayEquals(resource(), Files.readAllBytes(wrapper));
  }

  @Test
  void resource_isAnElfProgram() throws Exception {
    byte[] program = resource();

    assertArrayEquals(
        new byte[] {0x7f, 'E', 'L', 'F'}, Arrays.copyOf(program, 4), "built by the daemon module");
  }

  @Test
  void serve_requestWithoutLength_refusedAndTheNextOneServed() throws Exception {
    Path wrapper = WrapperProgram.extract(dir);
    SpoolDir spool = newSpool("spool");
    byte[] inputs =
        SpoolDir.encodeInputs(
            List.of("/bin/true"),
            Map.of("PATH", "/usr/bin:/bin"),
            "/",
            new OutputPaths(Path.of("/dev/null"), Path.of("/dev/null")));
    Process serve = new ProcessBuilder(wrapper.toString(), "--serve").start();
    try (OutputStream requests = serve.getOutputStream()) {
      requests.write((spool.path() + "\n").getBytes(StandardCharsets.UTF_8));
      requests.write(LaunchHelper.request(spool, inputs));
    }
    String[] replies =
        new String(serve.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n");

    assertEquals(0, serve.waitFor());
    assertEquals("failed bad request", replies[0]);
    assertTrue(replies[1].startsWith("started "), replies[1]);
    assertTrue(replies[2].startsWith("exited "), replies[2]);
    assertEquals(Optional.of(ExitStatus.exited(0)), spool.exitStatus());
  }

  @Test
  void serve_requestsInPiecesAndSpoolNotAbsolute_eachAnsweredInOrder() throws Exception {
    Path wrapper = WrapperProgram.extract(dir);
    SpoolDir spool = newSpool("spool");
    Path out = dir.resolve("out");
    byte[] inputs =
        SpoolDir.encodeInputs(
            List.of("/bin/echo", "whole"), Map.of(), "/", new OutputPaths(out, out));
    byte[] request = LaunchHelper.request(spool, inputs);
    Process serve = new ProcessBuilder(wrapper.toString(), "--serve").start();
    try (OutputStream requests = serve.getOutputStream()) {
      requests.write(("relative " + inputs.length + "\n").getBytes(StandardCharsets.UTF_8));
      requests.write(inputs);
      // The launcher reads what the pipe holds: a request cut inside its line and its inputs.
      for (int at = 0; at < request.length; at += 7) {
        requests.write(request, at, Math.min(7, request.length - at));
        requests.flush();
        Thread.sleep(1);
      }
    }
    String[] replies =
        new String(serve.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n");

    assertEquals(0, serve.waitFor());
    assertEquals("failed spool directory is not an absolute path", replies[0]);
    assertTrue(replies[1].startsWith("started "), replies[1]);
    assertEquals("exited " + replies[1].substring(8) + " 0", replies[2]);
    assertEquals("whole\n", Files.readString(out));
  }

  @Test
  void serve_manyWrappersEndingInAnyOrder_eachReapedAndReportedOnce() throws Exception {
    Path wrapper = WrapperProgram.extract(dir);
    int jobs = 24;
    ByteArrayOutputStream requests = new ByteArrayOutputStream();
    for (int i = 0; i < jobs; i++) {
      SpoolDir spool = newSpool("spool-" + i);
      String delay = "0." + (jobs - i) % 5;
      byte[] inputs =
          SpoolDir.encodeInputs(
              List.of("/bin/sleep", delay),
              Map.of(),
              "/",
              new OutputPaths(Path.of("/dev/null"), Path.of("/dev/null")));
      requests.write(LaunchHelper.request(spool, inputs));
    }
    Process serve = new ProcessBuilder(wrapper.toString(), "--serve").start();
    try (OutputStream in = serve.getOutputStream()) {
      in.write(requests.toByteArray());
    }
    List<String> replies =
        List.of(
            new String(serve.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n"));

    assertEquals(0, serve.waitFor());
    Set<String> started = new HashSet<>();
    Set<String> exited = new HashSet<>();
    for (String reply : replies) {
      String[] words = reply.split(" ");
      if (words[0].equals("started")) {
        assertTrue(started.add(words[1]), reply);
      } else {
        assertEquals(List.of("exited", words[1], "0"), List.of(words), reply);
        assertTrue(started.contains(words[1]), "exited before started: " + reply);
        assertTrue(exited.add(words[1]), reply);
      }
    }
    assertEquals(jobs, started.size());
    assertEquals(started, exited);
    for (int i = 0; i < jobs; i++) {
      SpoolDir spool = new SpoolDir(dir.resolve("spool-" + i));
      assertEquals(Optional.of(ExitStatus.exited(0)), spool.exitStatus(), "job " + i);
    }
  }

  @Test
  void wrapper_environment_exactlyTheInputsLastValueOfANameWinning() throws Exception {
    Path wrapper = WrapperProgram.extract(dir);
    SpoolDir spool = newSpool("spool");
    Path out = dir.resolve("out");
    String items =
        "/\0"
            + out
            + "\0"
            + out
            + "\0"
            + "3\0/bin/sh\0-c\0echo \"$A|${LEAK-unset}|$B\"\0"
            + "A=first\0B=x=y\0A=last\0";
    Files.writeString(spool.path().resolve(SpoolDir.INPUTS), items);
    ProcessBuilder byHand = new ProcessBuilder(wrapper.toString(), spool.path().toString());
    byHand.environment().put("LEAK", "from the wrapper's own environment");
    Process run = byHand.redirectErrorStream(true).start();
    run.getInputStream().readAllBytes();

    assertEquals(0, run.waitFor());
    assertEquals("last|unset|x=y\n", Files.readString(out));
  }

  @Test
  void wrapper_badUsage_exits127() throws Exception {
    Path wrapper = WrapperProgram.extract(dir);
    Process run =
        new ProcessBuilder(wrapper.toString(), "relative/spool").redirectErrorStream(true).start();
    run.getInputStream().readAllBytes();

    assertEquals(127, run.waitFor());
  }

  @Test
  void wrapper_inputsFile_runsJobWithItsArgvEnvCwdAndOutput() throws Exception {
    Path wrapper = WrapperProgram.extract(dir);
    SpoolDir spool = newSpool("spool");
    Path out = dir.resolve("out");
    writeInputs(
        spool,
        List.of(
            "/bin/sh",
            "-c",
            "printf '%s|%s|%s|%s|' \"$1\" \"$2\" \"$A\" \"$PWD\"",
            "sh",
            "",
            "x=y"),
        new TreeMap<>(Map.of("A", "1 2", "PATH", "/usr/bin:/bin")),
        dir.toString(),
        new OutputPaths(out, out));

    assertEquals(0, runByHand(wrapper, spool));

    assertEquals("|x=y|1 2|" + dir + "|", Files.readString(out));
    assertEquals(Optional.of(ExitStatus.exited(0)), spool.exitStatus());
    // By hand there is no launcher to record the wrapper: the status holds the wrapper's records.
    assertEquals(
        "jobpid " + spool.jobPid().orElseThrow() + "\nexit code 0\n",
        Files.readString(spool.path().resolve(SpoolDir.STATUS)));
  }

  @Test
  void wrapper_inputsWithBadArgvCount_recordsLaunchErrorAndExits127() throws Exception {
    Path wrapper = WrapperProgram.extract(dir);
    SpoolDir spool = newSpool("spool");
    Files.writeString(
        spool.path().resolve("inputs"), "/\0/dev/null\0/dev/null\0" + "5\0/bin/true\0");

    assertEquals(127, runByHand(wrapper, spool));

    assertTrue(
        spool.launchError().orElseThrow().contains("bad argv count"), spool.launchError().get());
    assertFalse(spool.hasExitRecord());
  }

  /** What someone running the wrapper by hand gives it: the inputs in a file of the spool. */
  private static void writeInputs(
      SpoolDir spool, List<String> argv, Map<String, String> env, String cwd, OutputPaths outputs)
      throws IOException {
    Files.write(
        spool.path().resolve(SpoolDir.INPUTS), SpoolDir.encodeInputs(argv, env, cwd, outputs));
  }

  private static int runByHand(Path wrapper, SpoolDir spool) throws Exception {
    Process run =
        new ProcessBuilder(wrapper.toString(), spool.path().toString())
            .redirectErrorStream(true)
            .start();
    run.getInputStream().readAllBytes();
    return run.waitFor();
  }

  @Test
  void locate_gflowHomeWithoutWrapper_throws() {
    String previous = System.getProperty("gflow.home");
    System.setProperty("gflow.home", dir.toString());
    try {
      assertThrows(IOException.class, () -> WrapperProgram.locate(dir.resolve("state")));
    } finally {
      if (previous == null) {
        System.clearProperty("gflow.home");
      } else {
        System.setProperty("gflow.home", previous);
      }
    }
  }

  /** A spool directory under the test's dir, created. */
  private SpoolDir newSpool(String name) throws IOException {
    SpoolDir spool = new SpoolDir(dir.resolve(name));
    spool.create();
    return spool;
  }

  private static byte[] resource() throws IOException {
    try (InputStream in = WrapperProgram.class.getResourceAsStream(WrapperProgram.RESOURCE)) {
      return in.readAllBytes();
    }
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
