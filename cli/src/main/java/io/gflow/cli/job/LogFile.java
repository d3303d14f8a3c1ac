package io.gflow.cli.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A log file read incrementally: each {@link #copyNew} prints what was appended since the last
 * call, decoding UTF-8 (malformed bytes become U+FFFD, a split character waits for its rest). Not
 * thread-safe.
 */
final class LogFile {
  private final Path file;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
  private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
  private long position;

  LogFile(Path file) {
    this.file = file;
  }

  boolean exists() {
    return Files.exists(file);
  }

  /** Prints the bytes appended since the last call; starts over if the file was truncated. */
  void copyNew(PrintWriter out) throws IOException {
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      if (channel.size() < position) {
        position = 0;
      }
      channel.position(position);
      try (InputStream in = Channels.newInputStream(channel)) {
        byte[] buffer = new byte[bytes.capacity()];
        int read;
        while ((read = in.read(buffer, 0, bytes.remaining())) > 0) {
          position += read;
          bytes.put(buffer, 0, read);
          bytes.flip();
          decoder.decode(bytes, chars, false);
          bytes.compact();
          chars.flip();
          out.append(chars);
          chars.clear();
        }
      }
    } catch (NoSuchFileException gone) {
      throw new IOException("cannot read " + file + ": no such file", gone);
    } catch (AccessDeniedException denied) {
      throw new IOException("cannot read " + file + ": permission denied", denied);
    } catch (IOException failed) {
      throw new IOException("cannot read " + file + ": " + failed.getMessage(), failed);
    }
    out.flush();
  }
}
