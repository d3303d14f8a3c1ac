package io.gflow.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A test-only raw protocol client for running as other uids: {@code RawCall SOCKET N LINE...} sends
 * each line, then prints the first N reply lines (or what came before the daemon closed).
 */
public final class RawCall {
  private RawCall() {}

  public static void main(String[] args) throws IOException {
    try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(Path.of(args[0])))) {
      int expected = Integer.parseInt(args[1]);
      IOException writeFailure = null;
      try {
        for (int index = 2; index < args.length; index++) {
          ByteBuffer buffer =
              ByteBuffer.wrap((args[index] + "\n").getBytes(StandardCharsets.UTF_8));
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
        }
      } catch (IOException failed) {
        // A daemon that refuses the caller at connect writes its error and closes, possibly
        // before we write (EPIPE): its reply is still readable, as RpcClient does.
        writeFailure = failed;
      }
      InputStream in = Channels.newInputStream(channel);
      StringBuilder line = new StringBuilder();
      int printed = 0;
      int next;
      while (printed < expected && (next = in.read()) >= 0) {
        if (next == '\n') {
          System.out.println(line);
          line.setLength(0);
          printed++;
        } else {
          line.append((char) next);
        }
      }
      if (printed == 0 && writeFailure != null) {
        throw writeFailure;
      }
    }
  }
}
