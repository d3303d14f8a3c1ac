package io.gflow.cli.queue;

import java.nio.charset.StandardCharsets;

/**
 * Where the jobs are in one {@code job.list} reply frame as gflowd writes it ({@code
 * {"jsonrpc":"2.0","result":{"jobs":[...],"next":N},"id":ID}}), found from the envelope at both
 * ends of the frame without reading the jobs: {@link #jobs} reads them for {@code gqueue --json},
 * which passes them on as they are, and a table reads them as it shows them ({@link PlainRows}).
 * Any other shape (an error, another daemon's layout) is not located, and the caller decodes the
 * frame strictly instead. Immutable.
 *
 * @param jobsStart index of the first job's opening brace (or of the closing bracket if none)
 * @param jobsEnd index of the array's closing bracket
 * @param next the {@code next} member: the following page's {@code after_id}, null on the last
 */
record PageFrame(int jobsStart, int jobsEnd, Long next) {
  private static final byte[] PREFIX = ascii("{\"jsonrpc\":\"2.0\",\"result\":{\"jobs\":[");
  private static final byte[] NEXT = ascii(",\"next\":");
  private static final byte[] NULL = ascii("null");
  private static final int MAX_ID_DIGITS = 18;

  /**
   * The jobs of a located page, read for where each one ends.
   *
   * @param count how many jobs the array holds
   * @param ascii whether every byte of the jobs is ASCII
   */
  record Jobs(int count, boolean ascii) {}

  /** The page in {@code frame}, the reply to request {@code id}; null if it has another shape. */
  static PageFrame locate(byte[] frame, long id) {
    byte[] end = ascii("},\"id\":" + id + "}");
    int pos = frame.length - end.length;
    if (!startsWith(frame, 0, PREFIX) || pos < PREFIX.length || !startsWith(frame, pos, end)) {
      return null;
    }
    Long next = null;
    if (startsWith(frame, pos - NULL.length, NULL)) {
      pos -= NULL.length;
    } else {
      int digits = 0;
      while (pos - digits > 0 && frame[pos - digits - 1] >= '0' && frame[pos - digits - 1] <= '9') {
        digits++;
      }
      if (digits == 0 || digits > MAX_ID_DIGITS || frame[pos - digits] == '0') {
        return null;
      }
      pos -= digits;
      next = Long.parseLong(new String(frame, pos, digits, StandardCharsets.US_ASCII));
    }
    int jobsEnd = pos - NEXT.length - 1;
    if (jobsEnd < PREFIX.length || frame[jobsEnd] != ']' || !startsWith(frame, jobsEnd + 1, NEXT)) {
      return null;
    }
    return new PageFrame(PREFIX.length, jobsEnd, next);
  }

  /** Whether the page holds no job. */
  boolean empty() {
    return jobsEnd == jobsStart;
  }

  /**
   * The page's jobs in {@code frame} (the frame it was located in), found by one pass over their
   * bytes without decoding them; null unless they are objects, one after the other with a comma
   * between, that fill the array exactly.
   */
  Jobs jobs(byte[] frame) {
    Scan scan = new Scan(frame);
    int count = 0;
    int pos = jobsStart;
    while (pos < jobsEnd) {
      if (frame[pos] != '{') {
        return null;
      }
      pos = scan.afterObject(pos);
      if (pos < 0 || pos > jobsEnd) {
        return null;
      }
      count++;
      if (pos < jobsEnd && (frame[pos] != ',' || ++pos == jobsEnd)) {
        return null;
      }
    }
    return new Jobs(count, !scan.beyondAscii);
  }

  /**
   * One pass over a page's jobs: where each object ends, and whether any byte is beyond ASCII. Each
   * byte costs one look-up in {@link #KINDS}, as most are plain text inside strings. Not
   * thread-safe.
   */
  private static final class Scan {
    private static final byte PLAIN = 0;
    private static final byte QUOTE = 1;
    private static final byte BACKSLASH = 2;
    private static final byte CONTROL = 3;
    private static final byte OPEN = 4;
    private static final byte CLOSE_OBJECT = 5;
    private static final byte CLOSE_ARRAY = 6;
    private static final byte BEYOND_ASCII = 7;
    private static final byte[] KINDS = kinds();

    private final byte[] frame;
    private boolean beyondAscii;

    Scan(byte[] frame) {
      this.frame = frame;
    }

    /**
     * The index just after the object that opens at {@code start}, or -1 if it does not close or
     * holds a raw control character in a string (never valid JSON).
     */
    int afterObject(int start) {
      byte[] kinds = KINDS;
      int depth = 0;
      boolean inString = false;
      for (int pos = start; pos < frame.length; pos++) {
        byte kind = kinds[frame[pos] & 0xFF];
        if (kind == PLAIN) {
          continue;
        }
        if (kind == BEYOND_ASCII) {
          beyondAscii = true;
        } else if (inString) {
          if (kind == QUOTE) {
            inString = false;
          } else if (kind == BACKSLASH) {
            pos++; // the escaped char
            beyondAscii |= pos < frame.length && frame[pos] < 0;
          } else if (kind == CONTROL) {
            return -1;
          }
        } else if (kind == QUOTE) {
          inString = true;
        } else if (kind == OPEN) {
          depth++;
        } else if (kind == CLOSE_OBJECT || kind == CLOSE_ARRAY) {
          if (--depth == 0) {
            return kind == CLOSE_OBJECT ? pos + 1 : -1;
          }
        }
      }
      return -1;
    }

    private static byte[] kinds() {
      byte[] kinds = new byte[256];
      for (int b = 0; b < 0x20; b++) {
        kinds[b] = CONTROL;
      }
      for (int b = 0x80; b < 0x100; b++) {
        kinds[b] = BEYOND_ASCII;
      }
      kinds['"'] = QUOTE;
      kinds['\\'] = BACKSLASH;
      kinds['{'] = OPEN;
      kinds['['] = OPEN;
      kinds['}'] = CLOSE_OBJECT;
      kinds[']'] = CLOSE_ARRAY;
      return kinds;
    }
  }

  /** Whether {@code frame} holds {@code expected} at {@code pos}. */
  static boolean startsWith(byte[] frame, int pos, byte[] expected) {
    if (pos < 0 || pos + expected.length > frame.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (frame[pos + i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
