package io.gflow.daemon.socket;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;

/**
 * A stand-in daemon for {@link SocketGuardIT}, run as a child JVM: acquires the guard for the
 * socket named by {@code args[0]}, binds it, prints "ready" and serves until stdin closes or it is
 * killed. Uses the JDK's own AF_UNIX support so that it starts without extracting a native library.
 * Not thread-safe; single use.
 */
final class GuardHolderChild {
  private GuardHolderChild() {}

  public static void main(String[] args) throws Exception {
    Path socket = Path.of(args[0]);
    try (SocketGuard guard =
            SocketGuard.acquire(socket, FileStatus.processUid(), DirPolicy.PERSONAL);
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
