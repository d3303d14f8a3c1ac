package io.gflow.protocol.control;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;

/** Validation for methods that take no parameters: absent or {@code {}} only. Stateless. */
public final class NoParams {
  private NoParams() {}

  /** Throws INVALID_PARAMS naming the first member when {@code params} is not empty. */
  public static void check(JsonValue params, String method) {
    if (params == null || params instanceof JsonObject object && object.size() == 0) {
      return; // the common case, without building the context of a message never shown
    }
    Fields.of(params, "params of " + method).end();
  }
}
