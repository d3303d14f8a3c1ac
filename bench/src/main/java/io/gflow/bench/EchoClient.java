package io.gflow.bench;

import java.io.EOFException;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A raw client of {@link EchoServer}: sends one line the size of a JSON-RPC ping and reads it back,
 * with no framing or parsing beyond finding the newline. Not thread-safe.
 */
final class EchoClient implements Measure.Client {
  /** What a ping looks like on the wire, so both floors move the same bytes. */
  static final byte[] LINE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"daemon.ping\"}\n"
          .getBytes(StandardCharsets.UTF_8);

  private final SocketChannel channel;
  private final ByteBuffer out = ByteBuffer.wrap(LINE);
  private final ByteBuffer in = ByteBuffer.allocate(4096);

  private EchoClient(SocketChannel channel) {
    this.channel = channel;
  }

  static EchoClient connect(Path socket) throws IOException {
    return new EchoClient(SocketChannel.open(UnixDomainSocketAddress.of(socket)));
  }

  /** Connect, one round trip, close: the raw shape of what one CLI call does. */
  static void connectEchoClose(Path socket) throws IOException {
    try (EchoClient client = connect(socket)) {
      client.call();
    }
  }

  @Override
  public void call() throws IOException {
    out.clear();
    while (out.hasRemaining()) {
      channel.write(out);
    }
    in.clear();
    while (true) {
      if (channel.read(in) < 0) {
        throw new EOFException("echo server closed the connection");
      }
      if (in.position() > 0 && in.get(in.position() - 1) == '\n') {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
