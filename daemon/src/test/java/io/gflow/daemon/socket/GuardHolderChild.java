package io.gflow.daemon.socket;

import io.gflow.protocol.client.ProcessIdentity;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;

/**
 * A stand-in daemon for {@link SocketGuardIT}, run as a child JVM: acquires the guard for the
 * socket named by {@code args[0]}, binds it, prints "ready" and serves until stdin closes or it is
 * killed; if refused, prints "refused: " and the message and exits 3. Uses the JDK's own AF_UNIX
 * support so that it starts without extracting a native library. Not thread-safe; single use.
 */
final class GuardHolderChild {
  private GuardHolderChild() {}

  public static void main(String[] args) throws Exception {
    Path socket = Path.of(args[0]);
    SocketGuard guard;
    try {
      guard = SocketGuard.acquire(socket, ProcessIdentity.uid(), DirPolicy.PERSONAL);
    } catch (SocketSetupException e) {
      System.out.println("refused: " + e.getMessage());
      System.exit(3);
      return;
    }
    try (guard;
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      guard.bound();
      System.out.println("ready");
      System.out.flush();
      while (System.in.read() >= 0) {
        // Serve until the parent closes our stdin.
      }
    }
  }
}
