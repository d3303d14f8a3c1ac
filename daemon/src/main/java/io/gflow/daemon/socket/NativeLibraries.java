package io.gflow.daemon.socket;

import io.gflow.protocol.client.ProcessIdentity;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Points junixsocket and sqlite-jdbc at a private directory for the native libraries they extract
 * (SPEC §6.5). Stateless and thread-safe, but see {@link #usePrivateDir} for when to call it.
 *
 * <p>Both libraries otherwise extract into {@code java.io.tmpdir}: that fails where {@code /tmp} is
 * mounted {@code noexec}, and a shared {@code /tmp} lets another user race the extraction and have
 * the daemon load their code. A directory only the daemon's user can write closes both.
 */
public final class NativeLibraries {
  /** junixsocket's {@code NativeLibraryLoader.PROP_LIBRARY_TMPDIR}. */
  public static final String JUNIXSOCKET_TMPDIR = "org.newsclub.net.unix.library.tmpdir";

  /** sqlite-jdbc's {@code SQLiteJDBCLoader} extraction directory. */
  public static final String SQLITE_TMPDIR = "org.sqlite.tmpdir";

  private static final Set<PosixFilePermission> PRIVATE =
      Set.copyOf(PosixFilePermissions.fromString("rwx------"));

  private NativeLibraries() {}

  /**
   * Creates {@code <stateDir>/native} (mode 0700, owned by this process's user; the state directory
   * itself must exist) and points both libraries' extraction at it.
   *
   * <p>Call it in {@code main} before anything loads junixsocket or sqlite-jdbc classes: each reads
   * its property once, when its native loader first runs. Setting system properties is the daemon's
   * one deliberate global mutation: these libraries read no other configuration, and the value is
   * the same for the whole process.
   *
   * @return the private directory
   * @throws IOException if the directory cannot be created, or exists but is a symbolic link, not a
   *     directory, or owned by another user
   */
  public static Path usePrivateDir(Path stateDir) throws IOException {
    Path dir = stateDir.resolve("native");
    long ownUid = ProcessIdentity.uid();
    try {
      Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PRIVATE));
    } catch (FileAlreadyExistsException e) {
      // Checked below like a fresh one: it may be a leftover from an earlier run, or a trap.
    }
    Optional<FileStatus> status = FileStatus.lstat(dir);
    if (status.isEmpty()) {
      throw new IOException(dir + " vanished right after it was created");
    }
    if (status.get().type() != FileStatus.Type.DIRECTORY || !status.get().isOwnedBy(ownUid)) {
      throw new IOException(
          "native library dir "
              + dir
              + " is "
              + status.get().describe()
              + ", not a directory owned by "
              + FileStatus.describeOwner(ownUid)
              + ": remove it");
    }
    // Exactly 0700, whatever the umask or an earlier run left; it is ours, so fixing is safe.
    Files.setPosixFilePermissions(dir, PRIVATE);
    String path = dir.toAbsolutePath().toString();
    System.setProperty(JUNIXSOCKET_TMPDIR, path);
    System.setProperty(SQLITE_TMPDIR, path);
    return dir;
  }
}
