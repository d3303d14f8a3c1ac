package io.gflow.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * A {@link PrintWriter} over a byte stream (a client's stdout) that can also take ASCII text that
 * is already in bytes, such as the jobs of a {@code job.list} page, without turning it into chars
 * and back: ASCII is the same bytes in every charset a locale can name, so the output is the same
 * as {@link #write(String)} of that text. Not thread-safe (one command writes).
 */
public final class ByteWriter extends PrintWriter {
  private final OutputStream bytes;

  /** As {@code new PrintWriter(out, autoFlush)}, whose charset this writer keeps. */
  public ByteWriter(OutputStream out, boolean autoFlush) {
    super(out, autoFlush);
    this.bytes = out;
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
