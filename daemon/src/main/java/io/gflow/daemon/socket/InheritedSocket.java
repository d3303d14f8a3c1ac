package io.gflow.daemon.socket;

import io.gflow.protocol.Utf8;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * A listening AF_UNIX socket handed to gflowd by systemd socket activation ({@code
 * sd_listen_fds(3)}): descriptor 3, with {@code LISTEN_PID} naming this process and {@code
 * LISTEN_FDS} at least 1. Immutable and thread-safe.
 *
 * <p>The daemon never unlinks this socket: systemd created it and keeps it open across daemon
 * restarts, so clients that connect while gflowd restarts wait instead of failing.
 *
 * <p>Its path comes from the kernel ({@code getsockname} on descriptor 3, in {@link #open}), never
 * from {@code /proc/net/unix}: that table prints every user's socket paths raw, newlines included,
 * so any local user can bind a socket whose path forges a whole line naming our socket's inode. The
 * table is only read for what {@code getsockname} cannot tell, whether descriptor 3 listens, and
 * there a forged line can at worst let a misconfigured socket through to fail at accept.
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

  private final int count;

  /** Descriptor 3 as a server socket, and the path the kernel says it is bound to. */
  public record Listener(AFUNIXServerSocket socket, Path path) {}

  private InheritedSocket(int count) {
    this.count = count;
  }

  /**
   * The socket passed by systemd, or empty if this process was not socket-activated ({@code
   * LISTEN_PID} unset or naming another process, {@code LISTEN_FDS} unset or 0).
   *
   * @throws SocketSetupException if the variables are malformed, or descriptor 3 is not a listening
   *     AF_UNIX stream socket
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
    checkListening(table, inode);
    return Optional.of(new InheritedSocket(count));
  }

  /**
   * The lines of {@code /proc/net/unix}, its bytes taken as Latin-1: it lists every user's sockets
   * with their paths as bound, any bytes at all, so a strict UTF-8 reading would let one socket
   * bound at a non-UTF-8 path keep gflowd from starting.
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
   * Checks that {@code table} (the lines of {@code /proc/net/unix}: Num RefCount Protocol Flags
   * Type St Inode Path) lists the socket with {@code inode} as a listening stream socket. Another
   * user's socket path can forge lines naming that inode, so one line saying so is enough: a forged
   * line can then neither refuse our socket nor lend it a path, since no path is taken from here.
   */
  static void checkListening(List<String> table, String inode) throws SocketSetupException {
    boolean listed = false;
    for (String line : table.subList(Math.min(1, table.size()), table.size())) {
      String[] fields = line.strip().split(" +", 8);
      if (fields.length < 7 || !fields[6].equals(inode)) {
        continue;
      }
      listed = true;
      if (isListeningStream(fields[3], fields[4])) {
        return;
      }
    }
    if (!listed) {
      throw activationError("descriptor 3 is not an AF_UNIX socket: use ListenStream=<path>");
    }
    throw notListeningStream();
  }

  private static boolean isListeningStream(String flags, String type) {
    try {
      return Integer.parseInt(type, 16) == SOCK_STREAM
          && (Long.parseLong(flags, 16) & ACCEPTING) != 0;
    } catch (NumberFormatException forged) {
      return false;
    }
  }

  /** How many descriptors systemd passed; only the first is used. */
  public int count() {
    return count;
  }

  /**
   * Wraps descriptor 3 as a server socket that never deletes its file on close, with the path the
   * kernel gives for it. Call it once, after junixsocket's native library location is set ({@link
   * NativeLibraries}).
   *
   * @throws SocketSetupException if descriptor 3 is not a stream socket or is not bound to a UTF-8
   *     file system path
   */
  public Listener open() throws IOException, SocketSetupException {
    AFUNIXServerSocket socket;
    try {
      socket = FileDescriptorCast.unsafeUsing(FIRST_FD).as(AFUNIXServerSocket.class);
    } catch (ClassCastException notStream) {
      throw notListeningStream();
    }
    socket.setDeleteOnClose(false);
    try {
      return new Listener(socket, boundPath(socket.getLocalSocketAddress()));
    } catch (SocketSetupException refused) {
      socket.close();
      throw refused;
    }
  }

  /**
   * The file system path in {@code address}, which {@code getsockname} returned for descriptor 3.
   */
  static Path boundPath(SocketAddress address) throws SocketSetupException {
    byte[] path =
        address instanceof AFUNIXSocketAddress unix && !unix.isInAbstractNamespace()
            ? unix.getPathAsBytes()
            : new byte[0];
    if (path.length == 0 || path[0] != '/') {
      throw activationError(
          "descriptor 3 is not bound to a file system path (gflowd never uses the abstract"
              + " namespace): use ListenStream=/run/gflow/gflowd.sock");
    }
    try {
      return Path.of(Utf8.decodeStrict(path, 0, path.length));
    } catch (CharacterCodingException e) {
      throw activationError(
          "descriptor 3 is bound to a path that is not UTF-8:"
              + " use ListenStream=/run/gflow/gflowd.sock");
    }
  }

  private static SocketSetupException notListeningStream() {
    return activationError(
        "descriptor 3 is an AF_UNIX socket that is not a listening stream socket: use"
            + " ListenStream= in gflowd.socket, without Accept=yes");
  }

  private static SocketSetupException activationError(String what) {
    return new SocketSetupException(
        "socket activation (LISTEN_FDS): "
            + what
            + "; check gflowd.socket, or unset LISTEN_PID and LISTEN_FDS to bind normally");
  }
}
