package io.gflow.daemon.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * Makes sure the database file is a regular file of ours with mode 0600 before SQLite opens it, so
 * a planted symbolic link or another user's file is refused. Stateless and thread-safe.
 */
final class DbFile {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      Set.copyOf(PosixFilePermissions.fromString("rw-------"));

  /** SQLite's companion files; it gives new ones the database's mode, old ones may differ. */
  private static final List<String> COMPANION_SUFFIXES = List.of("-wal", "-shm", "-journal");

  private DbFile() {}

  /**
   * Creates the file (mode 0600) if it is missing; checks and tightens an existing one.
   *
   * @throws IOException if its directory is missing, or the path is a symbolic link, not a regular
   *     file, or owned by another user
   */
  static void prepare(Path file) throws IOException {
    if (file.toString().indexOf('?') >= 0) {
      // The driver reads everything after '?' in its URL as connection options.
      throw new IOException("job store path " + file + " contains '?': choose another path");
    }
    Path dir = file.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new NoSuchFileException(
          String.valueOf(dir), null, "the job store's directory does not exist");
    }
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (FileAlreadyExistsException existing) {
      // Checked below like a fresh one: it may be last run's database, or a trap.
    }
    check(file);
    for (String suffix : COMPANION_SUFFIXES) {
      Path companion = Path.of(file + suffix);
      if (Files.exists(companion, LinkOption.NOFOLLOW_LINKS)) {
        check(companion);
      }
    }
  }

  private static void check(Path file) throws IOException {
    PosixFileAttributes attributes =
        Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (attributes.isSymbolicLink()) {
      throw new IOException(
          file + " is a symbolic link: refusing to use it as the job store; remove it");
    }
    if (!attributes.isRegularFile()) {
      throw new IOException(file + " is not a regular file: refusing to use it as the job store");
    }
    int owner = (Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    int self = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    if (owner != self) {
      throw new IOException(
          file + " is owned by uid " + owner + ", not by this process's uid " + self + ": fix it");
    }
    // Exactly 0600 whatever the umask or an earlier run left; it is ours, so fixing is safe.
    Files.setPosixFilePermissions(file, OWNER_ONLY);
  }
}
