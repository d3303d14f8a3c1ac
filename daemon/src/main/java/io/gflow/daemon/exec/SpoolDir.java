package io.gflow.daemon.exec;

import io.gflow.daemon.job.ExitStatus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One job's spool directory, {@code <stateDir>/spool/<jobId>/}: the daemon writes the job's script
 * and GPUs here and reads back what the launcher and the wrapper recorded ({@link SpoolStatus}).
 * Files the wrapper writes are read without following links, only if regular and only their first
 * {@value #MAX_RECORD} bytes, because in system mode the directory belongs to the job's user.
 * Immutable and thread-safe (the files are not guarded: one launch per job).
 */
final class SpoolDir {
  /** The directory under the state dir that holds one spool per job. */
  static final String ROOT = "spool";

  static final String INPUTS = "inputs";
  static final String SCRIPT = "script";
  static final String STATUS = "status";
  // One file per record, as written for wrappers started by gflow 0.1 (they may still run when an
  // upgraded daemon starts): read when there is no STATUS.
  static final String WRAPPER = "wrapper";
  static final String JOBPID = "jobpid";
  static final String EXIT = "exit";
  static final String LAUNCH_ERROR = "launch_error";
  static final String GPUS = "gpus";
  private static final int MAX_RECORD = 4096;
  private static final Set<PosixFilePermission> PRIVATE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> RUNNABLE =
      PosixFilePermissions.fromString("rwx------");

  private final Path path;

  SpoolDir(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  boolean exists() {
    return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
  }

  /** Creates the directory (0700); fails if it exists, since a stale spool must be cleaned up. */
  void create() throws IOException {
    Files.createDirectory(path, PosixFilePermissions.asFileAttribute(RUNNABLE));
    Files.setPosixFilePermissions(path, RUNNABLE);
  }

  /** Writes the script text (0700) and returns its path, the job's argv[0]. */
  Path writeScript(String text) throws IOException {
    Path script = path.resolve(SCRIPT);
    writeNew(script, text.getBytes(StandardCharsets.UTF_8), RUNNABLE);
    return script;
  }

  /**
   * The job's inputs for the wrapper, sent with the launch request (and kept in a file named {@link
   * #INPUTS} only by someone running the wrapper by hand): NUL-terminated items, {@code cwd},
   * {@code stdout}, {@code stderr}, the number of argv items, the argv items, then the environment
   * as {@code NAME=value} items. No item holds a NUL ({@link LaunchInputs} refuses them).
   */
  static byte[] encodeInputs(
      List<String> argv, Map<String, String> env, String cwd, OutputPaths outputs) {
    StringBuilder text = new StringBuilder();
    text.append(cwd).append('\0');
    text.append(outputs.stdout()).append('\0');
    text.append(outputs.stderr()).append('\0');
    text.append(argv.size()).append('\0');
    argv.forEach(arg -> text.append(arg).append('\0'));
    env.forEach((name, value) -> text.append(name).append('=').append(value).append('\0'));
    return utf8(text.toString());
  }

  /** Records the GPU indices the job was launched with, for a daemon that must re-adopt it. */
  void writeGpus(List<Integer> gpus) throws IOException {
    StringBuilder text = new StringBuilder();
    gpus.forEach(index -> text.append(index).append('\n'));
    writeNew(path.resolve(GPUS), utf8(text.toString()), PRIVATE);
  }

  /**
   * The GPU indices recorded at launch; empty if malformed, or absent (a job launched without GPUs
   * has no record).
   */
  Optional<List<Integer>> gpus() {
    return read(GPUS)
        .flatMap(
            text -> {
              try {
                return Optional.of(text.lines().map(Integer::valueOf).toList());
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }

  /**
   * Whether a wrapper was started for this spool: the launcher recorded it (the {@code status}
   * file), or it recorded a launch error, or an earlier version recorded the wrapper, the job's pid
   * or the exit.
   */
  boolean wrapperStarted() {
    for (String name : List.of(STATUS, LAUNCH_ERROR, WRAPPER, JOBPID, EXIT)) {
      if (Files.exists(path.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
        return true;
      }
    }
    return false;
  }

  /**
   * About when the job was launched: the directory's last change, made when the launcher recorded
   * the wrapper; later records are appended to that file and leave the directory alone (in the
   * spool of an earlier version, each record was a file: the time of the last one). Empty if
   * unknown.
   */
  Optional<Instant> launched() {
    try {
      return Optional.of(Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Hands the directory and everything in it to the job's user (system mode). */
  void chown(long uid, long gid) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
      for (Path entry : entries) {
        chownOne(entry, uid, gid);
      }
    }
    chownOne(path, uid, gid);
  }

  /**
   * What the launcher and the wrapper recorded (see {@link SpoolStatus}), from one read of the
   * {@code status} file; without one, from the one-file-per-record spool of a wrapper that an
   * earlier version started.
   */
  SpoolStatus status() {
    Optional<String> text = read(STATUS);
    if (text.isPresent()) {
      return SpoolStatus.parse(text.get());
    }
    return new SpoolStatus(
        read(WRAPPER).flatMap(SpoolStatus::parseWrapper),
        read(JOBPID).map(SpoolStatus::parsePid).orElse(OptionalLong.empty()),
        read(EXIT).flatMap(SpoolDir::parseExit));
  }

  Optional<WrapperId> wrapperRecord() {
    return status().wrapper();
  }

  OptionalLong jobPid() {
    return status().jobPid();
  }

  /** The wrapper's exit record, "code N" or "signal N"; empty if absent or malformed. */
  Optional<ExitStatus> exitStatus() {
    return status().exit();
  }

  static Optional<ExitStatus> parseExit(String text) {
    String[] parts = text.trim().split(" ");
    if (parts.length != 2) {
      return Optional.empty();
    }
    try {
      int number = Integer.parseInt(parts[1]);
      return switch (parts[0]) {
        case "code" -> Optional.of(ExitStatus.exited(number));
        case "signal" -> Optional.of(ExitStatus.killed(number));
        default -> Optional.empty();
      };
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  Optional<String> launchError() {
    return read(LAUNCH_ERROR).map(String::strip).filter(text -> !text.isEmpty());
  }

  boolean hasExitRecord() {
    return exitStatus().isPresent();
  }

  /**
   * The first bytes of a regular file the wrapper wrote, never following a link. The directory may
   * belong to the job's user, who can swap the file at any time, so the checks before opening are
   * advisory (a hard link to someone else's file, nlink > 1, is refused) and the open itself must
   * be safe on whatever is there by then: see {@link #readOpened}.
   */
  Optional<String> read(String name) {
    Path file = path.resolve(name);
    try {
      Map<String, Object> attributes =
          Files.readAttributes(file, "unix:isRegularFile,nlink", LinkOption.NOFOLLOW_LINKS);
      if (!Boolean.TRUE.equals(attributes.get("isRegularFile"))
          || !Integer.valueOf(1).equals(attributes.get("nlink"))) {
        return Optional.empty();
      }
      return readOpened(file);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Opens {@code file} without following a link and reads its first {@value #MAX_RECORD} bytes
   * without ever blocking on a FIFO swapped in after the type check: read-write, since on Linux an
   * {@code O_RDWR} open of a FIFO returns at once where {@code O_RDONLY} waits for a writer (the
   * daemon's thread would hang), and positional reads, which fail on a FIFO ({@code ESPIPE}).
   * Nothing is ever written.
   */
  static Optional<String> readOpened(Path file) throws IOException {
    try (FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      ByteBuffer buffer = ByteBuffer.allocate(MAX_RECORD);
      while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
        // Fill up to the cap; a positional read advances the buffer, not the channel.
      }
      return Optional.of(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
    }
  }

  /**
   * Deletes the directory and all in it. Works relative to open directories and never follows a
   * link, so a user who owns the directory cannot steer the deletion elsewhere.
   */
  void delete() throws IOException {
    if (!exists()) {
      return;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(path)) {
      deleteContents(stream);
    }
    Files.deleteIfExists(path);
  }

  private static void deleteContents(DirectoryStream<Path> stream) throws IOException {
    if (!(stream instanceof SecureDirectoryStream<Path> secure)) {
      throw new IOException("no SecureDirectoryStream on this platform");
    }
    for (Path entry : secure) {
      Path name = entry.getFileName();
      try {
        BasicFileAttributes attributes =
            secure
                .getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .readAttributes();
        if (attributes.isDirectory()) {
          try (SecureDirectoryStream<Path> child =
              secure.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS)) {
            deleteContents(child);
          }
          secure.deleteDirectory(name);
        } else {
          secure.deleteFile(name);
        }
      } catch (NoSuchFileException e) {
        // Gone meanwhile: nothing left to delete.
      }
    }
  }

  /** Creates {@code file} with {@code content}; only while the directory is still root's. */
  private static void writeNew(Path file, byte[] content, Set<PosixFilePermission> mode)
      throws IOException {
    createNew(file, content, mode);
    // Undo a restrictive umask: safe only because no one else can yet write the directory.
    Files.setPosixFilePermissions(file, mode);
  }

  /** Creates {@code file} exclusively ({@code O_EXCL}: never through a link) with {@code mode}. */
  private static void createNew(Path file, byte[] content, Set<PosixFilePermission> mode)
      throws IOException {
    try (SeekableByteChannel channel =
        Files.newByteChannel(
            file,
            EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            PosixFilePermissions.asFileAttribute(mode))) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }
  }

  private static void chownOne(Path file, long uid, long gid) throws IOException {
    Files.setAttribute(file, "unix:uid", (int) uid, LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(file, "unix:gid", (int) gid, LinkOption.NOFOLLOW_LINKS);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
