package io.gflow.protocol.json;

import java.nio.charset.StandardCharsets;

/**
 * A JSON value that is already encoded: compact UTF-8 text as {@link JsonStreams} writes it, for
 * big results that are streamed from their source (a {@code job.list} page) instead of built as a
 * tree. Written as is; never read back into this form. The bytes must not be changed after
 * construction. Immutable and thread-safe.
 */
public final class JsonEncoded implements JsonValue {
  private final byte[] utf8;
  private final int length;

  /** Takes the first {@code length} bytes of {@code utf8}, which the caller hands over. */
  public JsonEncoded(byte[] utf8, int length) {
    if (length < 0 || length > utf8.length) {
      throw new IllegalArgumentException("length (" + length + ") must be in 0.." + utf8.length);
    }
    this.utf8 = utf8;
    this.length = length;
  }

  byte[] bytes() {
    return utf8;
  }

  int length() {
    return length;
  }

  /** The text, decoded. */
  public String text() {
    return new String(utf8, 0, length, StandardCharsets.UTF_8);
  }

  @Override
  public String typeName() {
    return "encoded JSON";
  }

  @Override
  public String toString() {
    return text();
  }
}
