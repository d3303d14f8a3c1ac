package io.gflow.daemon;

import io.gflow.daemon.socket.FileErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Creates and checks the state directory: a real directory (no symlink), owned by the daemon's uid,
 * mode 0700 — or 0711 for a system daemon, whose jobs' wrappers (running as their users) must
 * traverse it to reach their own spool dirs; nothing in it is listable or readable by others.
 * Stateless.
 */
final class StateDir {
  private StateDir() {}

  static void prepare(Path dir, long ownUid, boolean traversable)
      throws IOException, StartupException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(
            dir, PosixFilePermissions.fromString(traversable ? "rwx--x--x" : "rwx------"));
      } catch (IOException failed) {
        throw new StartupException(
            FileErrors.cannotCreate("state dir", dir, ownUid, "--state-dir", failed));
      }
    }
    PosixFileAttributes attributes =
        Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!attributes.isDirectory()) {
      throw new StartupException(
          "state dir " + dir + " is not a directory (a symlink or file is refused): remove it");
    }
    int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    if (owner != ownUid) {
      throw new StartupException(
          "state dir " + dir + " belongs to uid " + owner + ", not " + ownUid + ": chown it");
    }
    Set<PosixFilePermission> permissions = attributes.permissions();
    if (permissions.contains(PosixFilePermission.GROUP_WRITE)
        || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
      throw new StartupException("state dir " + dir + " is writable by others: chmod 700 " + dir);
    }
    if (traversable
        && !(permissions.contains(PosixFilePermission.OTHERS_EXECUTE)
            && permissions.contains(PosixFilePermission.GROUP_EXECUTE))) {
      EnumSet<PosixFilePermission> widened = EnumSet.copyOf(permissions);
      widened.add(PosixFilePermission.GROUP_EXECUTE);
      widened.add(PosixFilePermission.OTHERS_EXECUTE);
      Files.setPosixFilePermissions(dir, widened);
    }
  }
}
