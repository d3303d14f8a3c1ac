package io.gflow.cli.ctl;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A test-only impostor daemon: binds the given path and answers every connection with a ping
 * result. Run as another user to check that clients refuse it.
 */
public final class FakeServer {
  private FakeServer() {}

  public static void main(String[] args) throws IOException {
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(Path.of(args[0])));
      while (true) {
        try (SocketChannel client = server.accept()) {
          client.write(
              ByteBuffer.wrap(
                  "{\"jsonrpc\":\"2.0\",\"result\":{},\"id\":1}\n"
                      .getBytes(StandardCharsets.UTF_8)));
        }
      }
    }
  }
}
