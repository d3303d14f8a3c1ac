package io.gflow.protocol.json;

/** The JSON {@code null}. A singleton enum; thread-safe. */
public enum JsonNull implements JsonValue {
  INSTANCE;

  @Override
  public String typeName() {
    return "null";
  }
}
