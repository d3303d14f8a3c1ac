package io.gflow.daemon.exec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Finds the job launcher and wrapper {@code gflow-job}, a C program built with the daemon ({@code
 * src/main/c}) into its jar. Stateless and thread-safe.
 *
 * <p>An installed distribution sets the system property {@code gflow.home} and ships the wrapper in
 * {@code ${gflow.home}/libexec/}. Without it (tests, a bare jar) the copy inside the jar is
 * extracted to {@code <stateDir>/libexec/gflow-job}: a program cannot be executed from inside a
 * jar; the state dir, unlike {@code /tmp}, is private to the daemon's user and not mounted {@code
 * noexec} on sane hosts; and dir 0755 / file 0755 (not 0700) because in system mode the wrapper
 * runs after the privilege drop, as the job's user, who must be able to read and run it. The copy
 * is rewritten on every start, so it always matches the daemon's version.
 */
public final class WrapperProgram {
  static final String RESOURCE = "gflow-job";
  private static final Set<PosixFilePermission> PUBLIC =
      PosixFilePermissions.fromString("rwxr-xr-x");

  private WrapperProgram() {}

  /** The wrapper to run: {@code ${gflow.home}/libexec/gflow-job} or the extracted copy. */
  public static Path locate(Path stateDir) throws IOException {
    String home = System.getProperty("gflow.home");
    if (home != null && !home.isBlank()) {
      Path installed = Path.of(home, "libexec", RESOURCE);
      if (!Files.isRegularFile(installed)) {
        throw new IOException("job wrapper missing: " + installed + " (gflow.home=" + home + ")");
      }
      return installed;
    }
    return extract(stateDir.resolve("libexec"));
  }

  /** Copies the wrapper out of the jar into {@code dir} (0755), atomically replacing a copy. */
  static Path extract(Path dir) throws IOException {
    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PUBLIC));
    Files.setPosixFilePermissions(dir, PUBLIC);
    Path target = dir.resolve(RESOURCE);
    Path temp = Files.createTempFile(dir, ".gflow-job", ".tmp");
    try (InputStream in = WrapperProgram.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("resource " + RESOURCE + " missing from the daemon jar");
      }
      Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(temp, PUBLIC);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    return target;
  }
}
