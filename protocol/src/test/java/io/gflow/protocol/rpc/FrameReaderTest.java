package io.gflow.protocol.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FrameReaderTest {
  private static final int MIB = 1024 * 1024;

  @Test
  void next_severalFrames_splitAtNewlines() throws IOException {
    FrameReader reader = reader("{\"a\":1}\n[2]\n\"three\"\n", 1024);

    assertEquals("{\"a\":1}", next(reader));
    assertEquals("[2]", next(reader));
    assertEquals("\"three\"", next(reader));
    assertNull(reader.next());
    assertNull(reader.next(), "end of stream stays end of stream");
  }

  @Test
  void nextInPlace_framesInTheReusedBuffer_withoutCopies() throws IOException {
    FrameReader reader = reader("{\"a\":1}\n\n[2]\nlast", 1024);

    int first = reader.nextInPlace();
    assertEquals("{\"a\":1}", new String(reader.frame(), 0, first, StandardCharsets.UTF_8));
    byte[] buffer = reader.frame();
    int second = reader.nextInPlace();
    assertSame(buffer, reader.frame(), "small frames reuse one buffer");
    assertEquals("[2]", new String(reader.frame(), 0, second, StandardCharsets.UTF_8));
    int last = reader.nextInPlace();
    assertEquals("last", new String(reader.frame(), 0, last, StandardCharsets.UTF_8));
    assertEquals(-1, reader.nextInPlace());
    assertEquals(-1, reader.nextInPlace(), "end of stream stays end of stream");
  }

  @Test
  void next_blankLines_skipped() throws IOException {
    FrameReader reader = reader("\n\n   \n\t\r\nfirst\n\r\n \n\nsecond\n\n", 1024);

    assertEquals("first", next(reader));
    assertEquals("second", next(reader));
    assertNull(reader.next());
  }

  @Test
  void next_onlyBlankLines_endOfStream() throws IOException {
    assertNull(reader("\n \r\n\t\n", 1024).next());
    assertNull(reader("", 1024).next());
    assertNull(reader("   ", 1024).next(), "trailing blanks without a newline are not a frame");
  }

  @Test
  void next_crlf_carriageReturnKeptForTheJsonParser() throws IOException {
    // JSON treats \r as whitespace, so the frame still parses; the reader does not rewrite bytes.
    assertEquals("[1]\r", next(reader("[1]\r\n", 1024)));
  }

  @Test
  void next_lastFrameWithoutNewline_returnedAtEndOfStream() throws IOException {
    FrameReader reader = reader("first\nsecond", 1024);

    assertEquals("first", next(reader));
    assertEquals("second", next(reader));
    assertNull(reader.next());
  }

  @Test
  void next_frameSpanningManyReads_reassembled() throws IOException {
    String big = "x".repeat(100_000);
    byte[] stream = (big + "\nnext\n").getBytes(StandardCharsets.US_ASCII);

    FrameReader reader = new FrameReader(new ScriptedInputStream(pieces(stream, 777)), MIB);

    assertEquals(big, next(reader));
    assertEquals("next", next(reader));
    assertNull(reader.next());
  }

  /** The byte counts each read of a {@link ByteArrayInputStream} was asked for. */
  private static final class RecordingStream extends ByteArrayInputStream {
    final List<Integer> asked = new ArrayList<>();

    RecordingStream(byte[] bytes) {
      super(bytes);
    }

    @Override
    public synchronized int read(byte[] into, int offset, int length) {
      asked.add(length);
      return super.read(into, offset, length);
    }
  }

  @Test
  void next_bigFrame_readsDoubleUpToTheirBound() throws IOException {
    String big = "b".repeat(700_000);
    byte[] stream = ("small\n" + big + "\nafter\n").getBytes(StandardCharsets.US_ASCII);
    RecordingStream in = new RecordingStream(stream);
    FrameReader reader = new FrameReader(in, MIB, 256 * 1024);

    assertEquals("small", next(reader));
    assertEquals(big, next(reader));
    assertEquals("after", next(reader));
    assertNull(reader.next());
    assertEquals(
        List.of(4096, 4096, 8192, 16384, 32768, 65536, 131072, 262144, 262144, 262144),
        in.asked,
        "4 KiB, then twice as much while the frame is longer, never more than 256 KiB");

    RecordingStream plain = new RecordingStream(stream);
    FrameReader daemonSide = new FrameReader(plain, MIB);
    assertEquals("small", next(daemonSide));
    assertEquals(big, next(daemonSide));
    assertEquals(List.of(4096, 4096, 8192), plain.asked.subList(0, 3));
    assertTrue(plain.asked.stream().allMatch(length -> length <= FrameReader.CHUNK));
    assertEquals(FrameReader.CHUNK, plain.asked.get(plain.asked.size() - 1));

    RecordingStream pings = new RecordingStream("ping\nping\n".getBytes(StandardCharsets.US_ASCII));
    FrameReader small = new FrameReader(pings, MIB);
    assertEquals("ping", next(small));
    assertEquals("ping", next(small));
    assertNull(small.next());
    assertTrue(pings.asked.stream().allMatch(length -> length == FrameReader.FIRST_CHUNK));
  }

  @Test
  void next_returnedFrame_notOverwrittenByLaterCalls() throws IOException {
    FrameReader reader = reader("aaaa\nbb\n", 1024);

    byte[] first = reader.next();
    reader.next();

    assertArrayEquals("aaaa".getBytes(StandardCharsets.US_ASCII), first);
  }

  @Test
  void next_frameOfExactlyTheLimit_accepted() throws IOException {
    String exact = "y".repeat(10);

    assertEquals(exact, next(reader(exact + "\n", 10)));
    assertEquals(exact, next(reader(exact, 10)), "also without the newline at end of stream");
  }

  @Test
  void next_frameOfExactlyOneMibAcrossChunks_accepted() throws IOException {
    byte[] frame = new byte[MIB];
    Arrays.fill(frame, (byte) 'z');
    byte[] stream = Arrays.copyOf(frame, MIB + 1);
    stream[MIB] = '\n';

    byte[] read = new FrameReader(new ByteArrayInputStream(stream), MIB).next();

    assertArrayEquals(frame, read);
  }

  @Test
  void next_frameOfLimitPlusOne_frameTooLarge() {
    assertThrows(FrameTooLargeException.class, () -> reader("y".repeat(11) + "\n", 10).next());
    assertThrows(FrameTooLargeException.class, () -> reader("y".repeat(11), 10).next());
  }

  @Test
  void next_limitCountsBytesNotChars() throws IOException {
    // Five two-byte characters are ten bytes.
    assertEquals("\u00e9".repeat(5), next(reader("\u00e9".repeat(5) + "\n", 10)));
    assertThrows(FrameTooLargeException.class, () -> reader("\u00e9".repeat(5) + "x\n", 10).next());
  }

  @Test
  void next_blankPaddingBeforeFrame_countsTowardsTheLimit() throws IOException {
    assertThrows(FrameTooLargeException.class, () -> reader("      abcdef\n", 10).next());
    assertEquals("abcdef", next(reader("      \nabcdef\n", 10)), "a newline resets the count");
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void next_endlessFrameOverOneMib_failsWithoutReadingMuchBeyondTheLimit() {
    CountingInputStream endless = new CountingInputStream(2 * MIB);
    FrameReader reader = new FrameReader(endless, MIB);

    FrameTooLargeException tooLarge = assertThrows(FrameTooLargeException.class, reader::next);

    assertTrue(tooLarge.getMessage().contains(Integer.toString(MIB)), tooLarge.getMessage());
    // One read buffer (16 KiB) of slack at most; certainly not the whole 2 MiB.
    assertTrue(
        endless.count <= MIB + 16 * 1024, () -> "read " + endless.count + " bytes before failing");
    assertTrue(endless.count > MIB, "the limit itself must be readable");
  }

  @Test
  void next_tooLargeAfterGoodFrames_goodFramesStillDelivered() throws IOException {
    FrameReader reader = reader("ok\n" + "q".repeat(11) + "\n", 10);

    assertEquals("ok", next(reader));
    assertThrows(FrameTooLargeException.class, reader::next);
  }

  @Test
  void next_readHook_toldWhetherAFrameIsUnderway() throws IOException {
    List<Boolean> midFrame = new ArrayList<>();
    ScriptedInputStream in = new ScriptedInputStream(List.of("ab", "c\nde", "f\n", "  \n", "g\n"));
    FrameReader reader = new FrameReader(in, 1024, midFrame::add);

    assertEquals("abc", next(reader));
    assertEquals(List.of(false, true), midFrame);
    midFrame.clear();

    assertEquals("def", next(reader));
    assertEquals(List.of(true), midFrame, "leftover 'de' is a started frame");
    midFrame.clear();

    assertEquals("g", next(reader));
    assertEquals(List.of(false, false), midFrame, "a blank line is not a started frame");
    midFrame.clear();

    assertNull(reader.next());
    assertEquals(List.of(false), midFrame);
  }

  @Test
  void next_readHookSeesBlankPrefixAsIdle() throws IOException {
    List<Boolean> midFrame = new ArrayList<>();
    FrameReader reader =
        new FrameReader(new ScriptedInputStream(List.of(" \t", "x\n")), 1024, midFrame::add);

    assertEquals(" \tx", next(reader));
    assertEquals(List.of(false, false), midFrame, "whitespace alone does not start a frame");
  }

  @Test
  void next_readHookThrows_exceptionPropagatesBeforeReading() {
    CountingInputStream in = new CountingInputStream(100);
    SocketTimeoutException timeout = new SocketTimeoutException("idle");
    FrameReader reader =
        new FrameReader(
            in,
            1024,
            midFrame -> {
              throw timeout;
            });

    assertSame(timeout, assertThrows(SocketTimeoutException.class, reader::next));
    assertEquals(0, in.count);
  }

  private static FrameReader reader(String stream, int limit) {
    return new FrameReader(
        new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), limit);
  }

  private static String next(FrameReader reader) throws IOException {
    byte[] frame = reader.next();
    return frame == null ? null : new String(frame, StandardCharsets.UTF_8);
  }

  private static List<String> pieces(byte[] stream, int size) {
    List<String> pieces = new ArrayList<>();
    for (int start = 0; start < stream.length; start += size) {
      int end = Math.min(stream.length, start + size);
      pieces.add(new String(stream, start, end - start, StandardCharsets.US_ASCII));
    }
    return pieces;
  }

  /** Produces {@code total} bytes of 'x' (never a newline) and counts what was taken. */
  private static final class CountingInputStream extends InputStream {
    private final long total;
    long count;

    CountingInputStream(long total) {
      this.total = total;
    }

    @Override
    public int read() {
      if (count >= total) {
        return -1;
      }
      count++;
      return 'x';
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (count >= total) {
        return -1;
      }
      int n = (int) Math.min(length, total - count);
      Arrays.fill(buffer, offset, offset + n, (byte) 'x');
      count += n;
      return n;
    }
  }

  /** Returns exactly one scripted piece per read, like a socket delivering separate packets. */
  private static final class ScriptedInputStream extends InputStream {
    private final ArrayDeque<byte[]> pieces = new ArrayDeque<>();

    ScriptedInputStream(List<String> pieces) {
      pieces.forEach(piece -> this.pieces.add(piece.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public int read() {
      throw new UnsupportedOperationException("FrameReader reads in chunks");
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      byte[] piece = pieces.poll();
      if (piece == null) {
        return -1;
      }
      if (piece.length > length) {
        throw new IllegalStateException("piece larger than the reader's buffer");
      }
      System.arraycopy(piece, 0, buffer, offset, piece.length);
      return piece.length;
    }
  }
}
