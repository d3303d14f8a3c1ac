package io.gflow.protocol.job;

import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;

/**
 * What a multi-id call did to one job: applied ({@code ok}, with the job's state afterwards) or
 * refused (with the JSON-RPC error code and a message). {@code state} is null when the job was not
 * found. Immutable and thread-safe.
 *
 * @param errorCode the JSON-RPC code ({@link ErrorCode#code()}) when not ok, else null
 */
public record JobOutcome(long id, boolean ok, JobState state, Integer errorCode, String message) {
  public JobOutcome {
    Checks.atLeast("id", id, 1);
    if (ok && errorCode != null) {
      throw RpcException.invalidParams(
          "outcome of job " + id + " is ok but has error_code " + errorCode);
    }
    if (!ok && errorCode == null) {
      throw RpcException.invalidParams("outcome of job " + id + " failed without an error_code");
    }
    Checks.maxChars("message", message, Checks.MAX_STRING_CHARS);
  }

  /** The action was applied; {@code state} is the job's state afterwards. */
  public static JobOutcome applied(long id, JobState state) {
    return new JobOutcome(id, true, state, null, null);
  }

  /** The action was refused for this job; {@code state} may be null (e.g. not found). */
  public static JobOutcome refused(long id, JobState state, RpcException error) {
    return new JobOutcome(id, false, state, error.code().code(), error.getMessage());
  }

  /** The error as an {@link ErrorCode}, or null when ok. */
  public ErrorCode error() {
    return errorCode == null ? null : ErrorCode.fromCode(errorCode);
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("id", id)
        .put("ok", ok)
        .put("state", state == null ? null : state.wireName())
        .put("error_code", WireFields.of(errorCode))
        .put("message", message)
        .build();
  }

  public static JobOutcome fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "job outcome");
    long id = fields.requiredLong("id", Long.MIN_VALUE, Long.MAX_VALUE);
    boolean ok = fields.optionalBoolean("ok", false);
    String state = fields.optionalString("state");
    Integer errorCode = WireFields.optionalInt(fields, "error_code");
    String message = fields.optionalString("message");
    fields.end();
    return new JobOutcome(id, ok, state == null ? null : JobState.parse(state), errorCode, message);
  }
}
