package io.gflow.cli;

import io.gflow.protocol.client.DaemonUnreachableException;
import io.gflow.protocol.client.ProcessIdentity;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.client.ServerTrust;
import io.gflow.protocol.client.SocketPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the daemon (SPEC §2): {@code --socket}, then {@code GFLOW_SOCKET}, then the personal socket
 * if a daemon answers there, then the system socket. Stateless.
 */
public final class Connector {
  private Connector() {}

  public static RpcClient connect(ClientOptions options, Map<String, String> env)
      throws IOException {
    long uid = ProcessIdentity.uid();
    ServerTrust trust = ServerTrust.of(uid, env.get("GFLOW_SERVER_USER"));
    if (options.socket() != null) {
      return RpcClient.connect(options.socket(), trust);
    }
    String fromEnv = env.get("GFLOW_SOCKET");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return RpcClient.connect(Path.of(fromEnv), trust);
    }
    Path personal = SocketPaths.personalSocket(env, uid);
    try {
      return RpcClient.connect(personal, trust);
    } catch (DaemonUnreachableException unreachable) {
      if (!unreachable.nothingListening()) {
        throw unreachable;
      }
    }
    try {
      return RpcClient.connect(SocketPaths.SYSTEM_SOCKET, trust);
    } catch (DaemonUnreachableException unreachable) {
      if (!unreachable.nothingListening()) {
        throw unreachable;
      }
      throw new DaemonUnreachableException(
          "cannot reach gflowd at "
              + personal
              + " or "
              + SocketPaths.SYSTEM_SOCKET
              + ": no daemon is listening (start yours with: gflowd start; for the shared one"
              + " try: systemctl status gflowd)",
          unreachable,
          true);
    }
  }
}
