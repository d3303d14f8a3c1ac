package io.gflow.daemon.socket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's claim on its socket path (SPEC §6.4): safe directories, an exclusive {@code
 * <socket>.lock}, and no stale or foreign file at the path. Thread-safe.
 *
 * <p>Use: {@link #acquire}, bind the socket (junixsocket silently replaces whatever is at the path,
 * which is why all checks happen here first), call {@link #bound()}, and {@link #close()} on
 * shutdown. Close unlinks the socket only if it is still the one this daemon bound. A socket passed
 * by systemd is taken with {@link #adopt} instead and never unlinked.
 *
 * <p>The lock is a POSIX record lock ({@link FileChannel#tryLock()} is {@code fcntl(F_SETLK)}),
 * which the kernel keeps per process and drops when the process closes <em>any</em> descriptor of
 * the lock file. So nothing else in the daemon may open the lock file. A second {@code acquire} of
 * the same socket in the same JVM is refused before it opens the file, going by {@code
 * /proc/locks}; without procfs it is refused too, but closing its descriptor would then release the
 * first guard's lock.
 */
public final class SocketGuard implements AutoCloseable {
  /**
   * {@code sizeof(sun_path)} on Linux is 108 with the terminating NUL, so the kernel and
   * junixsocket take 107 bytes; but the JDK's {@code UnixDomainSocketAddress}, which the gflow
   * client uses, refuses 107 (JDK 17), so a daemon there would be unreachable.
   */
  static final int MAX_PATH_BYTES = 106;

  private static final Logger LOG = LoggerFactory.getLogger(SocketGuard.class);

  private final Path socket;
  private final long ownUid;
  private final FileChannel lockChannel;

  // Guarded by this.
  private FileStatus boundSocket;
  private boolean closed;

  private SocketGuard(Path socket, long ownUid, FileChannel lockChannel) {
    this.socket = socket;
    this.ownUid = ownUid;
    this.lockChannel = lockChannel;
  }

  /**
   * Makes {@code socket} safe to bind for the daemon running as {@code ownUid}: checks the path and
   * its directories, takes the lock and removes a stale socket left by a dead daemon.
   *
   * @throws SocketSetupException with a user-facing message if any check fails or another daemon
   *     holds the lock; nothing is held then
   */
  public static SocketGuard acquire(Path socket, long ownUid, DirPolicy policy)
      throws SocketSetupException {
    checkPathShape(socket);
    SocketDirectories.prepare(socket, ownUid, policy);
    Path lockFile = socket.resolveSibling(socket.getFileName() + ".lock");
    FileChannel channel = openLockFile(lockFile, socket, ownUid);
    try {
      lock(channel, socket);
      removeStaleSocket(socket, ownUid);
      return new SocketGuard(socket, ownUid, channel);
    } catch (SocketSetupException | RuntimeException e) {
      closeQuietly(channel, e);
      throw e;
    }
  }

  /**
   * Like {@link #acquire} for a socket that systemd has already bound at {@code socket} and passed
   * to the daemon: checks the path and its directories and takes the lock, but removes nothing. The
   * guard never unlinks the socket, not even on {@link #close()}.
   *
   * @throws SocketSetupException if a check fails, another daemon holds the lock, or the path is
   *     not a socket owned by the daemon's uid; nothing is held then
   */
  public static SocketGuard adopt(Path socket, long ownUid, DirPolicy policy)
      throws SocketSetupException {
    checkPathShape(socket);
    SocketDirectories.prepare(socket, ownUid, policy);
    Path lockFile = socket.resolveSibling(socket.getFileName() + ".lock");
    FileChannel channel = openLockFile(lockFile, socket, ownUid);
    try {
      lock(channel, socket);
      checkAdoptable(socket, ownUid);
      return new SocketGuard(socket, ownUid, channel);
    } catch (SocketSetupException | RuntimeException e) {
      closeQuietly(channel, e);
      throw e;
    }
  }

  /** The socket path this guard protects. */
  public Path socket() {
    return socket;
  }

  /**
   * Records that the caller has bound the socket, so that {@link #close()} may unlink it.
   *
   * @throws SocketSetupException if the path is not now a socket owned by the daemon's uid
   * @throws IllegalStateException if called twice or after close
   */
  public synchronized void bound() throws SocketSetupException {
    if (closed || boundSocket != null) {
      throw new IllegalStateException(closed ? "guard is closed" : "bound() already called");
    }
    FileStatus status;
    try {
      status = FileStatus.lstat(socket).orElse(null);
    } catch (IOException e) {
      throw new SocketSetupException("cannot inspect bound socket " + socket + ": " + e, e);
    }
    if (status == null || !isOwnSocket(status)) {
      throw new SocketSetupException(
          "after binding, "
              + socket
              + " is "
              + (status == null ? "missing" : status.describe())
              + ", not a socket owned by "
              + FileStatus.describeOwner(ownUid));
    }
    boundSocket = status;
  }

  /**
   * Unlinks the socket if this daemon bound it and it is still that socket, then releases the lock
   * (the lock file stays: deleting it would let two daemons lock different files). Repeated calls
   * do nothing.
   */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (boundSocket != null) {
        unlinkIfStillOurs();
      }
    } finally {
      lockChannel.close(); // releases the lock
    }
  }

  private void unlinkIfStillOurs() throws IOException {
    Optional<FileStatus> now = FileStatus.lstat(socket);
    if (now.isPresent() && isOwnSocket(now.get()) && now.get().isSameFileAs(boundSocket)) {
      try {
        Files.delete(socket);
      } catch (NoSuchFileException e) {
        // Someone removed it between lstat and unlink; the outcome is the same.
      }
    } else {
      LOG.warn(
          "not removing {}: it is no longer the socket this daemon bound (now {})",
          socket,
          now.map(FileStatus::describe).orElse("missing"));
    }
  }

  private boolean isOwnSocket(FileStatus status) {
    return status.type() == FileStatus.Type.SOCKET && status.isOwnedBy(ownUid);
  }

  private static void checkPathShape(Path socket) throws SocketSetupException {
    if (!socket.isAbsolute()) {
      throw new SocketSetupException(
          "socket path " + socket + " is not absolute: use an absolute --socket");
    }
    for (Path name : socket) {
      if (name.toString().equals(".") || name.toString().equals("..")) {
        throw new SocketSetupException(
            "socket path " + socket + " contains '.' or '..': use a --socket without them");
      }
    }
    if (socket.getParent() == null) {
      throw new SocketSetupException("socket path " + socket + " names no file");
    }
    int bytes = socket.toString().getBytes(pathEncoding()).length;
    if (bytes > MAX_PATH_BYTES) {
      throw new SocketSetupException(
          "socket path is "
              + bytes
              + " bytes; the limit is "
              + MAX_PATH_BYTES
              + " (sun_path): use a shorter --socket");
    }
  }

  /** The charset the JDK encodes file names with: its bytes are what {@code sun_path} holds. */
  private static Charset pathEncoding() {
    String name = System.getProperty("sun.jnu.encoding");
    try {
      return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }

  private static FileChannel openLockFile(Path lockFile, Path socket, long ownUid)
      throws SocketSetupException {
    try {
      Optional<FileStatus> existing = FileStatus.lstat(lockFile);
      if (existing.isPresent()
          && (existing.get().type() != FileStatus.Type.REGULAR
              || !existing.get().isOwnedBy(ownUid))) {
        throw new SocketSetupException(
            "lock file "
                + lockFile
                + " is "
                + existing.get().describe()
                + ", not a regular file owned by "
                + FileStatus.describeOwner(ownUid)
                + ": remove it");
      }
      long ownPid = ProcessHandle.current().pid();
      if (existing.isPresent() && ProcLocks.heldBy(ownPid, existing.get())) {
        // Opening and closing the file now would drop that lock (see the class javadoc).
        throw alreadyServing(socket, Long.toString(ownPid));
      }
      return FileChannel.open(
          lockFile,
          Set.of(
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE,
              LinkOption.NOFOLLOW_LINKS),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (IOException e) {
      throw new SocketSetupException("cannot open lock file " + lockFile + ": " + e, e);
    }
  }

  private static void lock(FileChannel channel, Path socket) throws SocketSetupException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // this JVM holds it already
    } catch (IOException e) {
      throw new SocketSetupException("cannot lock " + socket + ".lock: " + e, e);
    }
    if (lock == null) {
      throw alreadyServing(socket, holderPid(channel));
    }
    try {
      // The pid lets the next daemon's refusal name this one.
      byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(pid), 0);
    } catch (IOException e) {
      throw new SocketSetupException("cannot write pid to " + socket + ".lock: " + e, e);
    }
  }

  private static SocketSetupException alreadyServing(Path socket, String pid) {
    return new SocketSetupException(
        "another gflowd is already serving " + socket + " (pid " + pid + ")");
  }

  private static String holderPid(FileChannel channel) {
    ByteBuffer buffer = ByteBuffer.allocate(32);
    try {
      channel.read(buffer, 0);
    } catch (IOException e) {
      return "unknown";
    }
    String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
    String pid = text.strip();
    return pid.matches("[0-9]{1,10}") ? pid : "unknown";
  }

  private static void removeStaleSocket(Path socket, long ownUid) throws SocketSetupException {
    try {
      Optional<FileStatus> existing = FileStatus.lstat(socket);
      if (existing.isEmpty()) {
        return;
      }
      FileStatus status = existing.get();
      if (status.type() == FileStatus.Type.SOCKET && status.isOwnedBy(ownUid)) {
        // We hold the lock, so no live gflowd serves it: a crashed daemon left it behind.
        LOG.info("removing stale socket {}", socket);
        Files.deleteIfExists(socket);
        return;
      }
      throw new SocketSetupException(
          "refusing to use "
              + socket
              + ": it is "
              + status.describe()
              + "; remove it or use another --socket");
    } catch (IOException e) {
      throw new SocketSetupException("cannot remove stale socket " + socket + ": " + e, e);
    }
  }

  private static void checkAdoptable(Path socket, long ownUid) throws SocketSetupException {
    Optional<FileStatus> existing;
    try {
      existing = FileStatus.lstat(socket);
    } catch (IOException e) {
      throw new SocketSetupException("cannot inspect " + socket + ": " + e, e);
    }
    if (existing.isEmpty()
        || existing.get().type() != FileStatus.Type.SOCKET
        || !existing.get().isOwnedBy(ownUid)) {
      throw new SocketSetupException(
          "the socket passed by systemd is bound to "
              + socket
              + ", but that path is "
              + existing.map(FileStatus::describe).orElse("missing")
              + ", not a socket owned by "
              + FileStatus.describeOwner(ownUid)
              + ": restart gflowd.socket (systemctl restart gflowd.socket gflowd)");
    }
  }

  private static void closeQuietly(FileChannel channel, Exception failure) {
    try {
      channel.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
