package io.gflow.protocol.rpc;

import java.util.List;

/**
 * What one NDJSON frame holds after decoding: either entries to dispatch (one, or a batch), or a
 * frame-level error to send as the only reply. {@code closeAfter} says the connection must be
 * closed once the reply is written (a limit was broken). Immutable and thread-safe.
 */
public record DecodedFrame(
    boolean batch, List<Entry> entries, Response frameError, boolean closeAfter) {
  public DecodedFrame {
    entries = List.copyOf(entries);
  }

  static DecodedFrame single(Entry entry) {
    return new DecodedFrame(false, List.of(entry), null, false);
  }

  static DecodedFrame batch(List<Entry> entries) {
    return new DecodedFrame(true, entries, null, false);
  }

  static DecodedFrame error(Response error, boolean closeAfter) {
    return new DecodedFrame(false, List.of(), error, closeAfter);
  }

  /** One element of a frame: a valid request, or the error reply for an invalid one. */
  public record Entry(Request request, Response invalid) {
    public Entry {
      if ((request == null) == (invalid == null)) {
        throw new IllegalArgumentException("an entry is either a request or an error");
      }
    }
  }
}
