package io.gflow.daemon.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
  void wrapper_badUsage_exits127() throws Exception {
    Path wrapper = WrapperProgram.extract(dir);
    Process run =
        new ProcessBuilder(wrapper.toString(), "relative/spool").redirectErrorStream(true).start();
    run.getInputStream().readAllBytes();

    assertEquals(127, run.waitFor());
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

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
