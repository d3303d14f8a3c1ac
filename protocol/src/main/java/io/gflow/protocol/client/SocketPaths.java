package io.gflow.protocol.client;

import java.nio.file.Path;
import java.util.Map;

/**
 * The default socket locations of SPEC §2, computed from an environment map and a uid so that tests
 * can pass their own. Stateless and thread-safe.
 */
public final class SocketPaths {
  /** The system daemon's socket. */
  public static final Path SYSTEM_SOCKET = Path.of("/run/gflow/gflowd.sock");

  /** Longest path that fits in {@code sockaddr_un.sun_path} with its terminating NUL. */
  public static final int MAX_SOCKET_PATH_BYTES = 107;

  private SocketPaths() {}

  /** {@code $XDG_RUNTIME_DIR/gflow/gflowd.sock}, else {@code /tmp/gflow-$UID/gflowd.sock}. */
  public static Path personalSocket(Map<String, String> env, long uid) {
    String runtime = env.get("XDG_RUNTIME_DIR");
    if (runtime != null && runtime.startsWith("/")) {
      return Path.of(runtime, "gflow", "gflowd.sock");
    }
    return Path.of("/tmp", "gflow-" + uid, "gflowd.sock");
  }

  /** The hint shown when nothing answers at {@code socket}. */
  public static String startHint(Path socket) {
    return socket.startsWith("/run/gflow")
        ? "is the daemon running? try: systemctl status gflowd"
        : "is the daemon running? try: gflowd start";
  }
}
