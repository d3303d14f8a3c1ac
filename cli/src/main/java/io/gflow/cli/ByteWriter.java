package io.gflow.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A {@link PrintWriter} over a byte stream (a client's stdout) that can also take ASCII text that
 * is already in bytes, such as the jobs of a {@code job.list} page, without turning it into chars
 * and back: ASCII is the same bytes in every charset a locale can name, so the output is the same
 * as {@link #write(String)} of that text. Not thread-safe (one command writes).
 */
public final class ByteWriter extends PrintWriter {
  /**
   * Text at least this long (a big table) goes straight to the byte stream when it is ASCII;
   * shorter text through the encoder, as flushing it first would cost a write per line.
   */
  static final int DIRECT_MIN_CHARS = 8192;

  private final OutputStream bytes;

  /** As {@code new PrintWriter(out, autoFlush)}, whose charset this writer keeps. */
  public ByteWriter(OutputStream out, boolean autoFlush) {
    super(out, autoFlush);
    this.bytes = out;
  }

  /** As {@link PrintWriter#write(String, int, int)}; long ASCII text without the char encoder. */
  @Override
  public void write(String text, int offset, int length) {
    if (length >= DIRECT_MIN_CHARS && isAscii(text, offset, length)) {
      byte[] ascii = text.substring(offset, offset + length).getBytes(StandardCharsets.ISO_8859_1);
      writeAscii(ascii, 0, ascii.length);
    } else {
      super.write(text, offset, length);
    }
  }

  private static boolean isAscii(String text, int offset, int length) {
    for (int index = offset; index < offset + length; index++) {
      if (text.charAt(index) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes {@code ascii[offset, offset + length)}, which the caller has found to hold only ASCII
   * bytes, after what was written before.
   */
  public void writeAscii(byte[] ascii, int offset, int length) {
    flush(); // chars written before these bytes go first
    try {
      bytes.write(ascii, offset, length);
    } catch (IOException failed) {
      setError(); // reported as PrintWriter reports its own failures: checkError()
    }
  }
}
