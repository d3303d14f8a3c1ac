package io.gflow.protocol.rpc;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonString;
import io.gflow.protocol.json.JsonValue;
import io.gflow.protocol.json.PlainJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes frames into a buffer it reuses: the bytes are those of {@code Json.write(x.toJson()) +
 * "\n"} in UTF-8, without building the tree of a request's or a response's envelope. Plain JSON is
 * written straight to bytes ({@link PlainJson}), the rest through one Jackson generator kept for
 * the connection. One per connection; not thread-safe.
 */
public final class FrameWriter {
  /** Buffers grown past this by a big reply are dropped before the next frame. */
  private static final int KEEP_CHARS = 64 * 1024;

  private static final int KEEP_BYTES = 4 * KEEP_CHARS;

  private final PlainJson.Output plain = new PlainJson.Output();
  private boolean plainFrame;
  private final CharSink chars = new CharSink();
  private JsonGenerator generator;
  private byte[] bytes = new byte[256];
  private int length;

  /** Encodes a response; the frame is in {@link #bytes()} until the next call. */
  public FrameWriter response(Response response) {
    beginPlain();
    boolean written =
        response.error() == null
            ? member("result", response.result())
            : member("error", response.error().toJson());
    if (written && member("id", response.id()) && endEnvelope()) {
      return this;
    }
    JsonGenerator out = begin();
    try {
      out.writeStartObject();
      out.writeStringField("jsonrpc", "2.0");
      if (response.error() == null) {
        out.writeFieldName("result");
        Json.write(out, response.result());
      } else {
        out.writeFieldName("error");
        Json.write(out, response.error().toJson());
      }
      out.writeFieldName("id");
      Json.write(out, response.id());
      out.writeEndObject();
    } catch (IOException | RuntimeException failed) {
      throw abandon(failed);
    }
    return end();
  }

  /** Encodes a request. */
  public FrameWriter request(Request request) {
    beginPlain();
    boolean written =
        member("method", new JsonString(request.method()))
            && (request.params() == null || member("params", request.params()))
            && (request.id() == null || member("id", request.id()));
    if (written && endEnvelope()) {
      return this;
    }
    JsonGenerator out = begin();
    try {
      out.writeStartObject();
      out.writeStringField("jsonrpc", "2.0");
      out.writeStringField("method", request.method());
      if (request.params() != null) {
        out.writeFieldName("params");
        Json.write(out, request.params());
      }
      if (request.id() != null) {
        out.writeFieldName("id");
        Json.write(out, request.id());
      }
      out.writeEndObject();
    } catch (IOException | RuntimeException failed) {
      throw abandon(failed);
    }
    return end();
  }

  /** Encodes any value, e.g. the array of a batch's replies. */
  public FrameWriter value(JsonValue value) {
    plain.shrink(KEEP_BYTES);
    plain.reset();
    if (PlainJson.write(value, plain) && endPlain()) {
      return this;
    }
    JsonGenerator out = begin();
    try {
      Json.write(out, value);
    } catch (IOException | RuntimeException failed) {
      throw abandon(failed);
    }
    return end();
  }

  /** The frame's bytes, newline included, from index 0 to {@link #length()}. */
  public byte[] bytes() {
    return plainFrame ? plain.bytes() : bytes;
  }

  public int length() {
    return plainFrame ? plain.length() : length;
  }

  /**
   * Drops buffers a big frame grew, once that frame has been sent, so that an idle connection does
   * not hold a listing's worth of memory; {@link #bytes()} is invalid afterwards.
   */
  public void trim() {
    plain.shrink(KEEP_BYTES);
    chars.reset(KEEP_CHARS);
    if (bytes.length > KEEP_BYTES) {
      bytes = new byte[256];
    }
    length = 0;
  }

  /** Starts an envelope: {@code {"jsonrpc":"2.0"}, then members. */
  private void beginPlain() {
    plain.shrink(KEEP_BYTES);
    plain.reset();
    plain.appendAscii("{\"jsonrpc\":\"2.0\"");
  }

  private boolean member(String name, JsonValue value) {
    plain.append(',');
    if (!PlainJson.writeString(name, plain)) {
      return false;
    }
    plain.append(':');
    return PlainJson.write(value, plain);
  }

  /** Ends an envelope written plain; always true, for chaining. */
  private boolean endEnvelope() {
    plain.append('}');
    return endPlain();
  }

  /** Ends a frame written plain; always true, for chaining. */
  private boolean endPlain() {
    plain.append('\n');
    plainFrame = true;
    return true;
  }

  private JsonGenerator begin() {
    plainFrame = false;
    chars.reset(KEEP_CHARS);
    if (bytes.length > KEEP_BYTES) {
      bytes = new byte[256];
    }
    if (generator == null) {
      try {
        generator = Json.generator(chars);
      } catch (IOException impossible) {
        throw new UncheckedIOException(impossible);
      }
      // One generator writes frame after frame: no separator between its root values.
      generator.setRootValueSeparator(null);
    }
    return generator;
  }

  private FrameWriter end() {
    try {
      generator.flush();
    } catch (IOException impossible) {
      throw abandon(impossible);
    }
    chars.encodeLine(this);
    return this;
  }

  /** A generator that failed mid-value is in an unknown state: the next frame gets a new one. */
  private RuntimeException abandon(Exception failed) {
    generator = null;
    return failed instanceof RuntimeException unchecked
        ? unchecked
        : new UncheckedIOException((IOException) failed);
  }

  private void store(byte[] source, int sourceLength, char[] ascii, int asciiLength) {
    int needed = (source == null ? asciiLength : sourceLength) + 1;
    if (bytes.length < needed) {
      bytes = new byte[Math.max(needed, bytes.length * 2)];
    }
    if (source == null) {
      for (int index = 0; index < asciiLength; index++) {
        bytes[index] = (byte) ascii[index];
      }
    } else {
      System.arraycopy(source, 0, bytes, 0, sourceLength);
    }
    length = needed;
    bytes[length - 1] = '\n';
  }

  /** The generator's output: chars, turned into UTF-8 like {@code String.getBytes} does. */
  private static final class CharSink extends Writer {
    private char[] buffer = new char[256];
    private int size;

    void reset(int keep) {
      size = 0;
      if (buffer.length > keep) {
        buffer = new char[256];
      }
    }

    void encodeLine(FrameWriter target) {
      for (int index = 0; index < size; index++) {
        if (buffer[index] >= 0x80) {
          // Rare; and String.getBytes replaces a lone surrogate with '?' as the tree path did.
          byte[] utf8 = new String(buffer, 0, size).getBytes(StandardCharsets.UTF_8);
          target.store(utf8, utf8.length, null, 0);
          return;
        }
      }
      target.store(null, 0, buffer, size);
    }

    @Override
    public void write(char[] source, int offset, int count) {
      if (size + count > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(size + count, buffer.length * 2));
      }
      System.arraycopy(source, offset, buffer, size, count);
      size += count;
    }

    @Override
    public void write(String source, int offset, int count) {
      if (size + count > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(size + count, buffer.length * 2));
      }
      source.getChars(offset, offset + count, buffer, size);
      size += count;
    }

    @Override
    public void write(int c) {
      write(new char[] {(char) c}, 0, 1);
    }

    @Override
    public void flush() {
      // Everything is in the buffer already.
    }

    @Override
    public void close() {
      // Nothing to release.
    }
  }
}
