package io.gflow.protocol.rpc;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into NDJSON frames, never buffering more than the frame limit. Blank lines
 * are skipped; a last frame without a newline is returned at end of stream. Not thread-safe.
 */
public final class FrameReader {
  /** Called before every read from the underlying stream, e.g. to set a socket timeout. */
  @FunctionalInterface
  public interface ReadHook {
    void beforeRead(boolean midFrame) throws IOException;
  }

  /** The most bytes read from the stream at once, unless a reader is made with its own bound. */
  public static final int CHUNK = 16 * 1024;

  /**
   * The bytes asked for by a reader's first reads: a request or a small reply takes one. It is
   * small because a read may cost in proportion to what it asks for, not to what it gets:
   * junixsocket copies the whole length asked for into the Java array (16 KiB per daemon request,
   * ~4 % of the daemon's CPU for a ping).
   */
  public static final int FIRST_CHUNK = 4 * 1024;

  private final InputStream in;
  private final int maxFrameBytes;
  private final ReadHook hook;
  private final int maxChunkBytes;
  private byte[] chunk;
  private int chunkPos;
  private int chunkEnd;
  private byte[] frame = new byte[1024];
  private int frameLength;

  /**
   * @param maxChunkBytes the most bytes read from {@code in} at once: reads start at {@link
   *     #FIRST_CHUNK} bytes (or this bound if less) and double, up to it, while a frame is longer
   *     than they are, so that a big frame takes few reads; a reader of many connections keeps it
   *     small
   */
  public FrameReader(InputStream in, int maxFrameBytes, int maxChunkBytes, ReadHook hook) {
    this.in = in;
    this.maxFrameBytes = maxFrameBytes;
    this.maxChunkBytes = maxChunkBytes;
    this.chunk = new byte[Math.min(FIRST_CHUNK, maxChunkBytes)];
    this.hook = hook;
  }

  public FrameReader(InputStream in, int maxFrameBytes, ReadHook hook) {
    this(in, maxFrameBytes, CHUNK, hook);
  }

  public FrameReader(InputStream in, int maxFrameBytes, int maxChunkBytes) {
    this(in, maxFrameBytes, maxChunkBytes, midFrame -> {});
  }

  public FrameReader(InputStream in, int maxFrameBytes) {
    this(in, maxFrameBytes, CHUNK);
  }

  /**
   * The next non-blank frame without its newline (valid until the next call), or null at end of
   * stream.
   */
  public byte[] next() throws IOException {
    int length = nextInPlace();
    return length < 0 ? null : Arrays.copyOf(frame, length);
  }

  /**
   * Reads the next non-blank frame without copying it: its bytes are {@link #frame()} from index 0
   * to the length returned, valid until the next call; -1 at end of stream.
   */
  public int nextInPlace() throws IOException {
    frameLength = 0;
    while (true) {
      int newline = indexOfNewline();
      if (newline >= 0) {
        append(chunkPos, newline - chunkPos);
        chunkPos = newline + 1;
        if (isBlank()) {
          frameLength = 0;
          continue;
        }
        return frameLength;
      }
      append(chunkPos, chunkEnd - chunkPos);
      chunkPos = chunkEnd;
      if (frameLength >= chunk.length && chunk.length < maxChunkBytes) {
        chunk = new byte[Math.min(2 * chunk.length, maxChunkBytes)]; // every byte was consumed
      }
      hook.beforeRead(!isBlank());
      int read = in.read(chunk, 0, chunk.length);
      if (read < 0) {
        return isBlank() ? -1 : frameLength;
      }
      chunkPos = 0;
      chunkEnd = read;
    }
  }

  /** The buffer holding the frame {@link #nextInPlace()} returned. */
  public byte[] frame() {
    return frame;
  }

  private int indexOfNewline() {
    for (int index = chunkPos; index < chunkEnd; index++) {
      if (chunk[index] == '\n') {
        return index;
      }
    }
    return -1;
  }

  private void append(int from, int length) throws FrameTooLargeException {
    if (frameLength + length > maxFrameBytes) {
      throw new FrameTooLargeException(maxFrameBytes);
    }
    if (frameLength + length > frame.length) {
      frame =
          Arrays.copyOf(
              frame, Math.min(maxFrameBytes, Math.max(frame.length * 2, frameLength + length)));
    }
    System.arraycopy(chunk, from, frame, frameLength, length);
    frameLength += length;
  }

  private boolean isBlank() {
    for (int index = 0; index < frameLength; index++) {
      byte b = frame[index];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
