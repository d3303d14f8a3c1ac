package io.gflow.protocol.control;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonValue;

/** Validation for methods that take no parameters: absent or {@code {}} only. Stateless. */
public final class NoParams {
  private NoParams() {}

  /** Throws INVALID_PARAMS naming the first member when {@code params} is not empty. */
  public static void check(JsonValue params, String method) {
    Fields.of(params, "params of " + method).end();
  }
}
