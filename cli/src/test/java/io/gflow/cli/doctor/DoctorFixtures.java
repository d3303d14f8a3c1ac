package io.gflow.cli.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A {@code gflowd} launcher for tests: the daemon's main class on this JVM's class path. */
final class DoctorFixtures {
  private DoctorFixtures() {}

  static Path gflowdScript(Path dir) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    String classPath = System.getProperty("java.class.path");
    if (classPath.contains("'")) {
      throw new IllegalStateException("class path with a quote: " + classPath);
    }
    Path script = dir.resolve("gflowd");
    Files.writeString(
        script,
        "#!/bin/sh\nexec '"
            + java
            + "' -XX:TieredStopAtLevel=1 -XX:-UsePerfData -cp '"
            + classPath
            + "' io.gflow.daemon.DaemonMain \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }
}
