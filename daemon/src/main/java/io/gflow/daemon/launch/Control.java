package io.gflow.daemon.launch;

import io.gflow.protocol.client.DaemonUnreachableException;
import io.gflow.protocol.client.ProcessIdentity;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.client.ServerTrust;
import java.io.IOException;
import java.nio.file.Path;

/** Connects {@code gflowd start|stop|status} to a running daemon. Stateless. */
final class Control {
  private Control() {}

  static RpcClient connect(Path socket) throws IOException {
    return RpcClient.connect(
        socket, ServerTrust.of(ProcessIdentity.uid(), System.getenv("GFLOW_SERVER_USER")));
  }

  /** True when a trusted daemon answers at {@code socket}. */
  static boolean answers(Path socket) {
    try (RpcClient client = connect(socket)) {
      client.call(io.gflow.protocol.Methods.DAEMON_PING, null);
      return true;
    } catch (DaemonUnreachableException unreachable) {
      return false;
    } catch (IOException | RuntimeException other) {
      return false;
    }
  }
}
