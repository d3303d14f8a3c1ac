package io.gflow.cli.doctor;

import java.nio.file.Path;
import java.util.Set;

/**
 * The owner and mode rules of SPEC §6.4 and §7 as pure functions of {@link FileFacts}, each giving
 * one {@link Finding} with the fix. They mirror what gflowd itself refuses at start-up, so that the
 * doctor explains a refusal before the daemon hits it. Stateless.
 */
final class ModeRules {
  /** junixsocket binds 107 bytes, but the JDK client refuses more than 106 (see the README). */
  static final int MAX_SOCKET_PATH_BYTES = 106;

  private ModeRules() {}

  /** The socket path must fit {@code sun_path} as the JDK client sees it. */
  static Finding socketPathLength(Path socket, int bytes) {
    if (bytes > MAX_SOCKET_PATH_BYTES) {
      return Finding.fail(
          "socket path",
          socket,
          "is " + bytes + " bytes; the limit is " + MAX_SOCKET_PATH_BYTES + " (sun_path)",
          "use a shorter path: --socket (gflowd and clients) or socket = \"...\" in gflowd.toml");
    }
    return Finding.ok(
        "socket path", socket, bytes + " bytes (limit " + MAX_SOCKET_PATH_BYTES + ")");
  }

  /**
   * A directory on the way to the socket: a real directory, owned by root or the daemon's uid, not
   * writable by group or others; the sticky bit excuses that only above the socket's own directory
   * ({@code aboveOwnDir}), as it does for {@code /tmp}.
   */
  static Finding socketDir(FileFacts dir, long daemonUid, boolean aboveOwnDir) {
    String check = aboveOwnDir ? "socket dir parent" : "socket dir";
    if (dir.type() != FileFacts.Type.DIRECTORY) {
      return Finding.fail(
          check,
          dir.path(),
          "is " + dir.type().description() + ", not a directory",
          "use a --socket path whose directories are real directories (no symbolic links)");
    }
    if (dir.uid() != 0 && dir.uid() != daemonUid) {
      return Finding.fail(
          check,
          dir.path(),
          "is owned by uid " + dir.uid() + ", not by " + owners(daemonUid),
          "chown "
              + (daemonUid == 0 ? "root" : Long.toString(daemonUid))
              + " "
              + dir.path()
              + " (or use another --socket)");
    }
    String writableBy = dir.writableBy();
    if (!writableBy.isEmpty() && !(aboveOwnDir && dir.isSticky())) {
      return Finding.fail(
          check,
          dir.path(),
          "is mode "
              + dir.octalMode()
              + ", writable by "
              + who(writableBy)
              + (dir.isSticky()
                  ? "; the sticky bit does not protect the socket's own directory"
                  : " without the sticky bit")
              + ", so others can replace the socket",
          "chmod " + writableBy + "-w " + dir.path());
    }
    return Finding.ok(check, dir.path(), "mode " + dir.octalMode() + ", owner uid " + dir.uid());
  }

  /** What is at the socket path must be a socket. */
  static Finding socketFile(FileFacts socket) {
    if (socket.type() != FileFacts.Type.SOCKET) {
      return Finding.fail(
          "socket",
          socket.path(),
          "is " + socket.type().description() + ", not a socket; gflowd refuses to replace it",
          "look at it, then remove it: rm " + socket.path());
    }
    return Finding.ok(
        "socket",
        socket.path(),
        "a socket, mode " + socket.octalMode() + ", owner uid " + socket.uid());
  }

  /**
   * The daemon's state dir: a real directory owned by the daemon's uid, not writable by group or
   * others; listable by others is a warning (0700 personal, 0711 system is what gflowd makes).
   */
  static Finding stateDir(FileFacts dir, long daemonUid) {
    if (dir.type() != FileFacts.Type.DIRECTORY) {
      return Finding.fail(
          "state dir",
          dir.path(),
          "is " + dir.type().description() + ", not a directory; gflowd refuses it",
          "remove it, or point --state-dir / state_dir = \"...\" at a directory");
    }
    if (dir.uid() != daemonUid) {
      return Finding.fail(
          "state dir",
          dir.path(),
          "is owned by uid " + dir.uid() + ", not by the daemon's uid " + daemonUid,
          "chown -R " + daemonUid + " " + dir.path());
    }
    String writableBy = dir.writableBy();
    if (!writableBy.isEmpty()) {
      return Finding.fail(
          "state dir",
          dir.path(),
          "is mode "
              + dir.octalMode()
              + ", writable by "
              + who(writableBy)
              + ", who could change the job database",
          "chmod " + writableBy + "-w " + dir.path() + " (gflowd uses 0700, or 0711 as root)");
    }
    if ((dir.mode() & 044) != 0) {
      return Finding.warn(
          "state dir",
          dir.path(),
          "is mode " + dir.octalMode() + ": others can list it",
          "chmod go-r " + dir.path());
    }
    return Finding.ok(
        "state dir", dir.path(), "mode " + dir.octalMode() + ", owner uid " + dir.uid());
  }

  /** A private file in the state dir ({@code gflow.db}, the lock): owner only. */
  static Finding privateFile(String check, FileFacts file, long daemonUid, int allowedMode) {
    if (file.type() != FileFacts.Type.REGULAR) {
      return Finding.fail(
          check,
          file.path(),
          "is " + file.type().description() + ", not a regular file; gflowd refuses it",
          "stop gflowd, then remove it: rm " + file.path());
    }
    if (file.uid() != daemonUid) {
      return Finding.fail(
          check,
          file.path(),
          "is owned by uid " + file.uid() + ", not by the daemon's uid " + daemonUid,
          "chown " + daemonUid + " " + file.path());
    }
    int extra = file.mode() & ~allowedMode & 0777;
    if (extra != 0) {
      return Finding.fail(
          check,
          file.path(),
          "is mode "
              + file.octalMode()
              + "; it must not allow more than "
              + String.format("%04o", allowedMode),
          "chmod " + String.format("%o", allowedMode) + " " + file.path());
    }
    return Finding.ok(check, file.path(), "mode " + file.octalMode() + ", owner uid " + file.uid());
  }

  /**
   * Whether {@code uid} with {@code groups} may use {@code file} for {@code bits} (1 = search or
   * execute, 2 = write), as the kernel decides without ACLs: root may, else the owner, group or
   * other bits apply, in that order.
   */
  static boolean allows(FileFacts file, long uid, Set<Long> groups, int bits) {
    if (uid == 0) {
      return true;
    }
    if (file.uid() == uid) {
      return (file.mode() & (bits << 6)) == bits << 6;
    }
    if (groups.contains(file.gid())) {
      return (file.mode() & (bits << 3)) == bits << 3;
    }
    return (file.mode() & bits) == bits;
  }

  private static String owners(long daemonUid) {
    return daemonUid == 0 ? "root" : "root or the daemon's uid " + daemonUid;
  }

  private static String who(String writableBy) {
    return switch (writableBy) {
      case "go" -> "group and others";
      case "g" -> "group";
      default -> "others";
    };
  }
}
