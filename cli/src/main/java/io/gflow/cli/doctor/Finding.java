package io.gflow.cli.doctor;

import io.gflow.protocol.json.JsonObject;
import java.util.Objects;

/**
 * One line of the doctor's report: which check, how it came out, the object it looked at, what it
 * found and (for WARN and FAIL) how to fix it. Immutable and thread-safe.
 */
record Finding(String check, Status status, String object, String message, String fix) {
  Finding {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(message, "message");
    if (status != Status.OK) {
      Objects.requireNonNull(fix, "fix");
    }
  }

  static Finding ok(String check, Object object, String message) {
    return new Finding(check, Status.OK, String.valueOf(object), message, null);
  }

  static Finding warn(String check, Object object, String message, String fix) {
    return new Finding(check, Status.WARN, String.valueOf(object), message, fix);
  }

  static Finding fail(String check, Object object, String message, String fix) {
    return new Finding(check, Status.FAIL, String.valueOf(object), message, fix);
  }

  JsonObject toJson() {
    return JsonObject.builder()
        .put("check", check)
        .put("status", status.wireName())
        .put("object", object)
        .put("message", message)
        .put("fix", fix) // null for OK: every element has the same five members
        .build();
  }
}
