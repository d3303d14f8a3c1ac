package io.gflow.daemon.socket;

import io.gflow.protocol.Utf8;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * A listening AF_UNIX socket handed to gflowd by systemd socket activation ({@code
 * sd_listen_fds(3)}): descriptor 3, with {@code LISTEN_PID} naming this process and {@code
 * LISTEN_FDS} at least 1. Immutable and thread-safe.
 *
 * <p>The daemon never unlinks this socket: systemd created it and keeps it open across daemon
 * restarts, so clients that connect while gflowd restarts wait instead of failing.
 *
 * <p>{@code LISTEN_*} cannot be removed from a JVM's environment (and the JDK hands children its
 * start-up snapshot anyway); instead every process gflowd starts gets an environment built from
 * nothing, so none of them sees these variables.
 */
public final class InheritedSocket {
  /** {@code SD_LISTEN_FDS_START}: the first descriptor systemd passes. */
  static final int FIRST_FD = 3;

  /** {@code __SO_ACCEPTCON} in the Flags column of {@code /proc/net/unix}: a listening socket. */
  private static final long ACCEPTING = 0x10000L;

  private static final int SOCK_STREAM = 1;

  private final Path path;
  private final int count;

  private InheritedSocket(Path path, int count) {
    this.path = path;
    this.count = count;
  }

  /**
   * The socket passed by systemd, or empty if this process was not socket-activated ({@code
   * LISTEN_PID} unset or naming another process, {@code LISTEN_FDS} unset or 0).
   *
   * @throws SocketSetupException if the variables are malformed, or descriptor 3 is not a listening
   *     AF_UNIX stream socket bound to a path
   */
  public static Optional<InheritedSocket> fromEnvironment(Map<String, String> env, long ownPid)
      throws SocketSetupException {
    int count = listenFds(env, ownPid);
    if (count == 0) {
      return Optional.empty();
    }
    String target;
    try {
      target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + FIRST_FD)).toString();
    } catch (IOException e) {
      throw activationError("descriptor 3 is not open (" + FileErrors.describe(e) + ")");
    }
    if (!target.startsWith("socket:[") || !target.endsWith("]")) {
      throw activationError("descriptor 3 is " + target + ", not a socket");
    }
    String inode = target.substring("socket:[".length(), target.length() - 1);
    List<String> table;
    try {
      table = lines(Files.readAllBytes(Path.of("/proc/self/net/unix")));
    } catch (IOException e) {
      throw activationError("cannot read /proc/self/net/unix: " + FileErrors.describe(e));
    }
    return Optional.of(new InheritedSocket(listeningPath(table, inode), count));
  }

  /**
   * The lines of {@code /proc/net/unix}, its bytes taken as Latin-1: it lists every user's sockets
   * with their paths as bound, any bytes at all, so a strict UTF-8 reading would let one socket
   * bound at a non-UTF-8 path keep gflowd from starting. {@link #listeningPath} decodes only ours.
   */
  static List<String> lines(byte[] table) {
    return List.of(new String(table, StandardCharsets.ISO_8859_1).split("\n"));
  }

  /**
   * The number of descriptors systemd passed to process {@code ownPid}: 0 unless {@code LISTEN_PID}
   * is exactly that pid.
   */
  static int listenFds(Map<String, String> env, long ownPid) throws SocketSetupException {
    String pid = env.get("LISTEN_PID");
    String fds = env.get("LISTEN_FDS");
    if (pid == null || fds == null || !pid.equals(Long.toString(ownPid))) {
      return 0;
    }
    if (!fds.matches("[0-9]{1,4}")) {
      throw activationError("LISTEN_FDS (" + fds + ") is not a small number");
    }
    return Integer.parseInt(fds);
  }

  /**
   * The path of the listening AF_UNIX stream socket with {@code inode} in {@code table} (the lines
   * of {@code /proc/net/unix}: Num RefCount Protocol Flags Type St Inode Path).
   */
  static Path listeningPath(List<String> table, String inode) throws SocketSetupException {
    for (String line : table.subList(Math.min(1, table.size()), table.size())) {
      String[] fields = line.strip().split(" +", 8);
      if (fields.length < 7 || !fields[6].equals(inode)) {
        continue;
      }
      long flags = Long.parseLong(fields[3], 16);
      int type = Integer.parseInt(fields[4], 16);
      if (type != SOCK_STREAM || (flags & ACCEPTING) == 0) {
        throw activationError(
            "descriptor 3 is an AF_UNIX socket that is not a listening stream socket: use"
                + " ListenStream= in gflowd.socket, without Accept=yes");
      }
      if (fields.length < 8 || !fields[7].startsWith("/")) {
        throw activationError(
            "descriptor 3 is not bound to a file system path (gflowd never uses the abstract"
                + " namespace): use ListenStream=/run/gflow/gflowd.sock");
      }
      return Path.of(utf8(fields[7]));
    }
    throw activationError("descriptor 3 is not an AF_UNIX socket: use ListenStream=<path>");
  }

  /** The socket's path, as the kernel recorded it at bind. */
  public Path path() {
    return path;
  }

  /** How many descriptors systemd passed; only the first is used. */
  public int count() {
    return count;
  }

  /**
   * Wraps descriptor 3 as a server socket that never deletes its file on close. Call it once, after
   * junixsocket's native library location is set ({@link NativeLibraries}).
   */
  public AFUNIXServerSocket open() throws IOException {
    AFUNIXServerSocket socket =
        FileDescriptorCast.unsafeUsing(FIRST_FD).as(AFUNIXServerSocket.class);
    socket.setDeleteOnClose(false);
    return socket;
  }

  /** A path read as Latin-1 from {@code /proc/net/unix}, decoded as the UTF-8 it must be. */
  private static String utf8(String latin1) throws SocketSetupException {
    byte[] bytes = latin1.getBytes(StandardCharsets.ISO_8859_1);
    try {
      return Utf8.decodeStrict(bytes, 0, bytes.length);
    } catch (CharacterCodingException e) {
      throw activationError(
          "descriptor 3 is bound to a path that is not UTF-8:"
              + " use ListenStream=/run/gflow/gflowd.sock");
    }
  }

  private static SocketSetupException activationError(String what) {
    return new SocketSetupException(
        "socket activation (LISTEN_FDS): "
            + what
            + "; check gflowd.socket, or unset LISTEN_PID and LISTEN_FDS to bind normally");
  }
}
