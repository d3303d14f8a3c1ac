package io.gflow.daemon.socket;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code lstat(2)} says about one path: type, owner, permission bits and identity. Never
 * follows a symbolic link. Immutable and thread-safe.
 */
record FileStatus(
    Path path,
    Type type,
    long uid,
    String ownerName,
    int mode,
    long dev,
    long ino,
    FileTime ctime) {

  private static final int S_IFMT = 0170000;
  private static final int S_ISVTX = 01000;
  private static final int GROUP_WRITE = 0020;
  private static final int OTHERS_WRITE = 0002;

  /** The file types that {@code st_mode} distinguishes. */
  enum Type {
    SOCKET(0140000, "a socket"),
    SYMLINK(0120000, "a symbolic link"),
    REGULAR(0100000, "a regular file"),
    BLOCK_DEVICE(0060000, "a block device"),
    DIRECTORY(0040000, "a directory"),
    CHAR_DEVICE(0020000, "a character device"),
    FIFO(0010000, "a named pipe (fifo)"),
    UNKNOWN(-1, "a file of unknown type");

    private final int bits;
    private final String description;

    Type(int bits, String description) {
      this.bits = bits;
      this.description = description;
    }

    static Type ofMode(int mode) {
      for (Type type : values()) {
        if (type.bits == (mode & S_IFMT)) {
          return type;
        }
      }
      return UNKNOWN;
    }
  }

  /** Returns the status of {@code path} itself (not a link's target), or empty if absent. */
  static Optional<FileStatus> lstat(Path path) throws IOException {
    Map<String, Object> attributes;
    try {
      attributes =
          Files.readAttributes(
              path, "unix:mode,uid,owner,dev,ino,ctime", LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    int mode = (Integer) attributes.get("mode");
    return Optional.of(
        new FileStatus(
            path,
            Type.ofMode(mode),
            Integer.toUnsignedLong((Integer) attributes.get("uid")),
            ((UserPrincipal) attributes.get("owner")).getName(),
            mode & 07777,
            (Long) attributes.get("dev"),
            (Long) attributes.get("ino"),
            (FileTime) attributes.get("ctime")));
  }

  boolean isOwnedBy(long someUid) {
    return uid == someUid;
  }

  boolean isSticky() {
    return (mode & S_ISVTX) != 0;
  }

  /** Which of group and others may write: "" (neither), "g", "o" or "go". */
  String writableBy() {
    return ((mode & GROUP_WRITE) != 0 ? "g" : "") + ((mode & OTHERS_WRITE) != 0 ? "o" : "");
  }

  /**
   * Whether both describe the same file, unchanged. The inode number alone is not enough: a file
   * system reuses a freed inode at once, so a socket replaced by another often keeps it.
   */
  boolean isSameFileAs(FileStatus other) {
    return dev == other.dev && ino == other.ino && ctime.equals(other.ctime);
  }

  /** The mode as {@code ls -l}-style octal, e.g. "1777". */
  String octalMode() {
    return String.format("%04o", mode);
  }

  /** E.g. "uid 1234" or "alice (uid 1000)". */
  String owner() {
    return ownerName.equals(Long.toString(uid)) ? "uid " + uid : ownerName + " (uid " + uid + ")";
  }

  /** E.g. "a regular file owned by alice (uid 1000)" or "a symbolic link to /x owned by …". */
  String describe() {
    String what = type.description;
    if (type == Type.SYMLINK) {
      try {
        what += " to " + Files.readSymbolicLink(path);
      } catch (IOException | UnsupportedOperationException e) {
        // The link vanished or cannot be read; its type and owner still say enough.
      }
    }
    return what + " owned by " + owner();
  }

  static String describeOwner(long uid) {
    return uid == 0 ? "root" : "uid " + uid;
  }
}
