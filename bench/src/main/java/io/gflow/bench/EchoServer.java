package io.gflow.bench;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor for RPC round trips: a raw AF_UNIX echo server on the JDK's own {@link
 * ServerSocketChannel}, one thread per connection, sending back whatever it reads. Thread-safe.
 */
final class EchoServer implements AutoCloseable {
  private final Path path;
  private final ServerSocketChannel server;
  private final Thread acceptor;

  private EchoServer(Path path, ServerSocketChannel server) {
    this.path = path;
    this.server = server;
    this.acceptor = new Thread(this::acceptLoop, "echo-acceptor");
    acceptor.setDaemon(true);
  }

  static EchoServer start(Path path) throws IOException {
    Files.deleteIfExists(path);
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(path), 1024);
    EchoServer echo = new EchoServer(path, server);
    echo.acceptor.start();
    return echo;
  }

  Path path() {
    return path;
  }

  private void acceptLoop() {
    while (true) {
      SocketChannel channel;
      try {
        channel = server.accept();
      } catch (IOException closed) {
        return;
      }
      Thread handler = new Thread(() -> echo(channel), "echo-connection");
      handler.setDaemon(true);
      handler.start();
    }
  }

  private static void echo(SocketChannel channel) {
    ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
    try (channel) {
      while (channel.read(buffer) >= 0) {
        buffer.flip();
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        buffer.clear();
      }
    } catch (ClosedChannelException ignored) {
      // The client went away: nothing to echo.
    } catch (IOException ignored) {
      // A reset by the client ends its connection only.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    Files.deleteIfExists(path);
  }
}
