package io.gflow.daemon.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gflow.daemon.job.ExitStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    assertEquals("#!/usr/bin/perl", Files.readAllLines(wrapper).get(0));
  }

  @Test
  void extract_twice_replacesCopy() throws Exception {
    Path wrapper = WrapperProgram.extract(dir);
    Files.writeString(wrapper, "stale");

    WrapperProgram.extract(dir);

    assertEquals("#!/usr/bin/perl", Files.readAllLines(wrapper).get(0));
  }

  @Test
  void wrapper_perlSyntaxCheck_passes() throws Exception {
    Path wrapper = WrapperProgram.extract(dir);
    Process check =
        new ProcessBuilder("perl", "-c", "-Mstrict", "-Mwarnings", wrapper.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertEquals(0, check.waitFor(), output);
    assertEquals(wrapper + " syntax OK\n", output);
  }

  @Test
  void wrapper_onX86OrArm_loadsNoModule() throws Exception {
    assumeTrue(List.of("amd64", "aarch64").contains(System.getProperty("os.arch")));
    Path wrapper = WrapperProgram.extract(dir);

    String loaded =
        perl(
            "do $ARGV[0]; init_abi(); print join(' ', grep { $_ ne $ARGV[0] } sort keys %INC)",
            wrapper);

    assertEquals("", loaded, "a module costs milliseconds on every launch");
  }

  @Test
  void wrapper_openFlags_matchFcntl() throws Exception {
    Path wrapper = WrapperProgram.extract(dir);

    String flags =
        perl(
            "use Fcntl; do $ARGV[0]; init_abi();"
                + " print join(' ', $O{RDONLY} == O_RDONLY, $O{WRONLY} == O_WRONLY,"
                + " $O{CREAT} == O_CREAT, $O{EXCL} == O_EXCL, $O{TRUNC} == O_TRUNC,"
                + " $O{APPEND} == O_APPEND, $O{NOFOLLOW} == O_NOFOLLOW)",
            wrapper);

    assertEquals("1 1 1 1 1 1 1", flags);
  }

  @Test
  void quickExit_endsWithTheStatus_withoutPerlsDestruction() throws Exception {
    Path wrapper = WrapperProgram.extract(dir);
    Process perl =
        new ProcessBuilder(
                "perl",
                "-e",
                "do $ARGV[0]; init_abi(); $| = 1; END { print ' destructed' }"
                    + " print 'ending'; quick_exit(7)",
                wrapper.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(perl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertEquals(7, perl.waitFor(), output);
    assertEquals("ending", output, "the exit is the syscall's: no END block, no destruction");
  }

  @Test
  void serve_requestWithoutLength_refusedAndTheNextOneServed() throws Exception {
    Path wrapper = WrapperProgram.extract(dir);
    SpoolDir spool = new SpoolDir(dir.resolve("spool"));
    spool.create();
    byte[] inputs =
        SpoolDir.encodeInputs(
            List.of("/bin/true"),
            Map.of("PATH", "/usr/bin:/bin"),
            "/",
            new OutputPaths(Path.of("/dev/null"), Path.of("/dev/null")));
    Process serve = new ProcessBuilder(wrapper.toString(), "--serve").start();
    try (OutputStream requests = serve.getOutputStream()) {
      requests.write((spool.path() + "\n").getBytes(StandardCharsets.UTF_8));
      requests.write((spool.path() + " " + inputs.length + "\n").getBytes(StandardCharsets.UTF_8));
      requests.write(inputs);
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
    SpoolDir spool = new SpoolDir(dir.resolve("spool"));
    spool.create();
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
    SpoolDir spool = new SpoolDir(dir.resolve("spool"));
    spool.create();
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

  /** Runs {@code perl -e CODE WRAPPER} and returns its output; fails unless it exits 0. */
  private static String perl(String code, Path wrapper) throws Exception {
    Process perl =
        new ProcessBuilder("perl", "-e", code, wrapper.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(perl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, perl.waitFor(), output);
    return output;
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
