package io.gflow.cli.doctor;

import io.gflow.daemon.AsUser;
import io.gflow.daemon.DaemonMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@code gflowd} launcher for tests: the daemon's main class on a copy of this JVM's class path
 * that any uid can read (so that doctor runs as other users can use it too). Stateless.
 */
final class DoctorFixtures {
  private DoctorFixtures() {}

  static Path gflowdScript(Path dir) throws IOException {
    List<String> command = AsUser.java(DaemonMain.class.getName(), List.of());
    if (command.stream().anyMatch(word -> word.contains("'"))) {
      throw new IllegalStateException("a quote in the java command line: " + command);
    }
    Path script = dir.resolve("gflowd");
    Files.writeString(
        script,
        "#!/bin/sh\nexec "
            + command.stream().map(word -> "'" + word + "'").collect(Collectors.joining(" "))
            + " \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }
}
