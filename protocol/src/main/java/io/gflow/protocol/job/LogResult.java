package io.gflow.protocol.job;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;

/**
 * Result of {@code job.log}: where the job's stdout and stderr go (the same path twice when both
 * share one file). The client reads the files with its own rights; the daemon never opens them for
 * it. Immutable and thread-safe.
 */
public record LogResult(String stdoutPath, String stderrPath) {
  public LogResult {
    Checks.path("stdout_path", Checks.required("stdout_path", stdoutPath));
    Checks.path("stderr_path", Checks.required("stderr_path", stderrPath));
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("stdout_path", stdoutPath)
        .put("stderr_path", stderrPath)
        .build();
  }

  public static LogResult fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "job.log result");
    LogResult result =
        new LogResult(fields.requiredString("stdout_path"), fields.requiredString("stderr_path"));
    fields.end();
    return result;
  }
}
