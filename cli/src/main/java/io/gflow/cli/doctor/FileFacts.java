package io.gflow.cli.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code lstat} says about one path: its type, owner, group and mode bits. The input of the
 * pure rules in {@link ModeRules}. Immutable and thread-safe.
 */
record FileFacts(Path path, Type type, long uid, long gid, String group, int mode) {
  static final int STICKY = 01000;
  static final int GROUP_WRITE = 020;
  static final int OTHERS_WRITE = 02;

  /** The file types the doctor tells apart. */
  enum Type {
    DIRECTORY("a directory"),
    SOCKET("a socket"),
    REGULAR("a regular file"),
    SYMLINK("a symbolic link"),
    OTHER("a special file");

    private final String description;

    Type(String description) {
      this.description = description;
    }

    String description() {
      return description;
    }
  }

  /** The facts about {@code path} without following a symlink; empty if nothing is there. */
  static Optional<FileFacts> lstat(Path path) throws IOException {
    Map<String, Object> attributes;
    try {
      attributes = Files.readAttributes(path, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException absent) {
      return Optional.empty();
    }
    int mode = (Integer) attributes.get("mode");
    long uid = ((Integer) attributes.get("uid")) & 0xFFFF_FFFFL;
    long gid = ((Integer) attributes.get("gid")) & 0xFFFF_FFFFL;
    String group;
    try {
      group =
          Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
              .group()
              .getName();
    } catch (IOException | UnsupportedOperationException unnamed) {
      group = Long.toString(gid);
    }
    return Optional.of(new FileFacts(path, typeOf(mode), uid, gid, group, mode & 07777));
  }

  private static Type typeOf(int mode) {
    return switch (mode & 0170000) {
      case 0040000 -> Type.DIRECTORY;
      case 0140000 -> Type.SOCKET;
      case 0100000 -> Type.REGULAR;
      case 0120000 -> Type.SYMLINK;
      default -> Type.OTHER;
    };
  }

  /** The mode as four octal digits, e.g. {@code 0755}. */
  String octalMode() {
    return String.format("%04o", mode);
  }

  boolean isSticky() {
    return (mode & STICKY) != 0;
  }

  /** "g", "o" or "go" for who besides the owner may write; empty if nobody. */
  String writableBy() {
    return ((mode & GROUP_WRITE) != 0 ? "g" : "") + ((mode & OTHERS_WRITE) != 0 ? "o" : "");
  }
}
