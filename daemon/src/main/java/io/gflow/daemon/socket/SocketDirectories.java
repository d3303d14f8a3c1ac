package io.gflow.daemon.socket;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that nobody but root and the daemon's owner can rename, replace or add entries in the
 * directories leading to the socket, and creates the socket's own directory. Stateless and
 * thread-safe.
 *
 * <p>The sticky bit stops others from renaming what they do not own, so it excuses a shared
 * writable directory such as {@code /tmp} above the socket's directory. It does not excuse the
 * socket's own directory: there another user could still plant the socket path or its lock before
 * the daemon does.
 */
final class SocketDirectories {
  private SocketDirectories() {}

  /**
   * Checks every directory from {@code /} down to the socket's parent, creating that parent (and
   * only that one) first if it is missing.
   */
  static void prepare(Path socket, long ownUid, DirPolicy policy) throws SocketSetupException {
    Path ownDir = socket.getParent();
    for (Path dir : fromRoot(ownDir.getParent())) {
      check(dir, ownUid, true);
    }
    createIfMissing(ownDir, ownUid, policy);
    check(ownDir, ownUid, false);
  }

  /** Checks one directory; {@code aboveOwnDir} says whether the sticky bit may excuse it. */
  static void check(Path dir, long ownUid, boolean aboveOwnDir) throws SocketSetupException {
    FileStatus status =
        lstat(dir)
            .orElseThrow(
                () ->
                    new SocketSetupException(
                        "cannot use socket path: " + dir + " does not exist; create it first"));
    checkIsRealDirectory(status);
    checkOwner(status, ownUid);
    String writableBy = status.writableBy();
    if (writableBy.isEmpty() || (aboveOwnDir && status.isSticky())) {
      return;
    }
    throw new SocketSetupException(
        "unsafe socket path: "
            + (aboveOwnDir ? "" : "socket directory ")
            + dir
            + " is mode "
            + status.octalMode()
            + " (writable by "
            + (writableBy.equals("go")
                ? "group and others"
                : writableBy.equals("g") ? "group" : "others")
            + (!aboveOwnDir && status.isSticky()
                ? "; the sticky bit does not protect the socket's own directory"
                : "")
            + "): chmod "
            + writableBy
            + "-w "
            + dir);
  }

  private static void checkIsRealDirectory(FileStatus status) throws SocketSetupException {
    if (status.type() == FileStatus.Type.SYMLINK) {
      throw new SocketSetupException(
          "unsafe socket path: "
              + status.path()
              + " is "
              + status.describe()
              + "; use a --socket path whose directories are not symbolic links");
    }
    if (status.type() != FileStatus.Type.DIRECTORY) {
      throw new SocketSetupException(
          "unsafe socket path: "
              + status.path()
              + " is "
              + status.describe()
              + ", not a directory");
    }
  }

  private static void checkOwner(FileStatus status, long ownUid) throws SocketSetupException {
    if (status.isOwnedBy(0) || status.isOwnedBy(ownUid)) {
      return;
    }
    throw new SocketSetupException(
        "unsafe socket path: "
            + status.path()
            + " is owned by "
            + status.owner()
            + (ownUid == 0 ? ", not by root" : ", not by root or uid " + ownUid)
            + ": chown "
            + ownUid
            + " "
            + status.path()
            + " or use another --socket");
  }

  private static void createIfMissing(Path dir, long ownUid, DirPolicy policy)
      throws SocketSetupException {
    try {
      Files.createDirectory(
          dir, PosixFilePermissions.asFileAttribute(policy.directoryPermissions()));
    } catch (FileAlreadyExistsException e) {
      return; // Whoever made it, check() decides whether it is safe.
    } catch (IOException e) {
      throw new SocketSetupException(
          FileErrors.cannotCreate("socket directory", dir, ownUid, "--socket", e), e);
    }
    try {
      // createDirectory's mode is filtered by the umask; the policy's mode is meant exactly.
      Files.setPosixFilePermissions(dir, policy.directoryPermissions());
    } catch (IOException e) {
      throw new SocketSetupException(
          "cannot chmod socket directory " + dir + ": " + FileErrors.reason(e), e);
    }
  }

  private static List<Path> fromRoot(Path dir) {
    List<Path> dirs = new ArrayList<>();
    for (Path current = dir; current != null; current = current.getParent()) {
      dirs.add(0, current);
    }
    return dirs;
  }

  private static java.util.Optional<FileStatus> lstat(Path path) throws SocketSetupException {
    try {
      return FileStatus.lstat(path);
    } catch (IOException e) {
      throw new SocketSetupException("cannot inspect " + path + ": " + e, e);
    }
  }
}
