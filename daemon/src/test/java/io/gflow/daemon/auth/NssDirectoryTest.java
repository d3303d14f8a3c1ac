package io.gflow.daemon.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class NssDirectoryTest {
  @TempDir Path dir;

  @Test
  @Timeout(10)
  void lookupUid_commandHangs_emptyAfterTimeout() throws IOException {
    Path id = script("hang", "exec sleep 30");
    NssDirectory directory =
        new NssDirectory(id.toString(), "/nonexistent", Duration.ofMillis(300));
    long start = System.nanoTime();

    assertTrue(directory.lookupUid(1001).isEmpty());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
  }

  @Test
  void lookupUid_command_getsFixedEnvironmentAndArguments() throws IOException {
    Path environment = dir.resolve("env.txt");
    Path id =
        script(
            "id",
            "tr '\\0' '\\n' < /proc/$$/environ | sort > " + environment,
            "echo \"$@\" >> " + environment,
            "echo 'uid=1001(bob) gid=1001(bob) groups=1001(bob),27(sudo)'");
    NssDirectory directory = new NssDirectory(id.toString(), "/nonexistent", Duration.ofSeconds(5));

    assertEquals("bob", directory.lookupUid(1001).orElseThrow().name());
    assertEquals(
        List.of("LC_ALL=C", "PATH=/usr/sbin:/usr/bin:/sbin:/bin", "-- +1001"),
        Files.readAllLines(environment));
  }

  @Test
  void lookups_commandFailsOrMissing_empty() throws IOException {
    Path fails = script("fails", "echo 'uid=1001(bob) gid=1001(bob) groups=1001(bob)'", "exit 1");
    NssDirectory failing =
        new NssDirectory(fails.toString(), fails.toString(), Duration.ofSeconds(5));
    NssDirectory missing =
        new NssDirectory("/nonexistent/id", "/nonexistent/getent", Duration.ofSeconds(5));

    assertTrue(failing.lookupUid(1001).isEmpty());
    assertTrue(failing.lookupGroup("bob").isEmpty());
    assertTrue(missing.lookupUid(1001).isEmpty());
    assertTrue(missing.lookupUser("bob").isEmpty());
  }

  @Test
  void lookups_implausibleNamesOrIds_emptyWithoutRunningAnything() {
    NssDirectory directory =
        new NssDirectory("/nonexistent/id", "/nonexistent/getent", Duration.ofSeconds(5));
    assertEquals(Optional.empty(), directory.lookupGroup("-x"));
    assertEquals(Optional.empty(), directory.lookupGroup("27"));
    assertEquals(Optional.empty(), directory.lookupUser(""));
    assertEquals(Optional.empty(), directory.lookupUser("a:b"));
    assertEquals(Optional.empty(), directory.lookupUid(4_294_967_295L));
    assertEquals(Optional.empty(), directory.lookupUid(-1));
  }

  private Path script(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + String.join("\n", lines) + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }
}
