package io.gflow.protocol.control;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.List;

/**
 * Result of {@code admin.reload}: which config file was read ({@code null} when none exists and
 * defaults apply), and the keys whose new values differ from those the daemon started with but take
 * effect only at its next start ({@code socket}, {@code scheduler.slots} …), in the file's order.
 * Immutable and thread-safe.
 */
public record ReloadResult(String config, List<String> restartRequired) {
  /** More keys than gflowd.toml has; bounds what a client accepts. */
  public static final int MAX_KEYS = 64;

  public ReloadResult {
    restartRequired = List.copyOf(restartRequired);
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("config", JsonValue.of(config))
        .put("restart_required", JsonArray.ofStrings(restartRequired))
        .build();
  }

  /** Reads a result; a daemon from before {@code restart_required} existed reports none. */
  public static ReloadResult fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "admin.reload result");
    ReloadResult result =
        new ReloadResult(
            fields.optionalString("config"), fields.stringList("restart_required", MAX_KEYS));
    fields.end();
    return result;
  }
}
