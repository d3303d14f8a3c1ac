package io.gflow.protocol.job;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/** Assertions and JSON edits shared by the job validation tests. */
final class Invalid {
  private Invalid() {}

  /** Runs {@code action}, which must fail with INVALID_PARAMS; returns the message. */
  static String message(Executable action) {
    RpcException error = assertThrows(RpcException.class, action);
    assertSame(ErrorCode.INVALID_PARAMS, error.code(), error::getMessage);
    return error.getMessage();
  }

  /** {@code base} with member {@code name} set to {@code value} (kept in place, else appended). */
  static JsonObject with(JsonValue base, String name, JsonValue value) {
    JsonObject.Builder builder = JsonObject.builder();
    boolean replaced = false;
    for (Map.Entry<String, JsonValue> member : ((JsonObject) base).members().entrySet()) {
      if (member.getKey().equals(name)) {
        builder.put(name, value);
        replaced = true;
      } else {
        builder.put(member.getKey(), member.getValue());
      }
    }
    return replaced ? builder.build() : builder.put(name, value).build();
  }

  static JsonObject without(JsonValue base, String name) {
    JsonObject.Builder builder = JsonObject.builder();
    ((JsonObject) base)
        .members()
        .forEach(
            (key, value) -> {
              if (!key.equals(name)) {
                builder.put(key, value);
              }
            });
    return builder.build();
  }
}
