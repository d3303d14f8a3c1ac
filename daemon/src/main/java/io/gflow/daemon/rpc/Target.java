package io.gflow.daemon.rpc;

import io.gflow.protocol.SafeText;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonString;
import io.gflow.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the object a call acts on, for its audit record ({@code "job 42"}, {@code "user=bob
 * gpus=[0,2]"}), from the raw request params. It sees params before the handler validates them, so
 * it never throws and keeps its output short; it must only pick fields that identify an object,
 * never env, commands or scripts. Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface Target {
  /** Calls that name no object. */
  Target NONE = params -> null;

  int MAX_CHARS = 200;
  int MAX_IDS = 50;

  /** The target of a call with {@code params} (may be null or any JSON), or null. */
  String of(JsonValue params);

  /** Jobs named by {@code id} or {@code ids}: {@code "job 42"}, {@code "jobs 4,5,6"}. */
  static Target jobIds() {
    return params -> {
      if (!(params instanceof JsonObject object)) {
        return null;
      }
      if (object.get("id") instanceof JsonNumber id) {
        return SafeText.escape("job " + Json.write(id), MAX_CHARS);
      }
      if (object.get("ids") instanceof JsonArray ids && ids.size() > 0) {
        List<String> numbers = new ArrayList<>();
        for (JsonValue element : ids.elements()) {
          if (element instanceof JsonNumber && numbers.size() < MAX_IDS) {
            numbers.add(Json.write(element));
          }
        }
        String text =
            (ids.size() == 1 ? "job " : "jobs ")
                + String.join(",", numbers)
                + (ids.size() > numbers.size() ? ",…" : "");
        return SafeText.escape(text, MAX_CHARS);
      }
      return null;
    };
  }

  /**
   * The named top-level fields that are present, as {@code name=value} pairs in the order given
   * ({@code fields("user", "group", "gpus")}); strings unquoted, numbers and arrays as JSON.
   */
  static Target fields(String... names) {
    List<String> fieldNames = List.of(names);
    return params -> {
      if (!(params instanceof JsonObject object)) {
        return null;
      }
      List<String> parts = new ArrayList<>();
      for (String name : fieldNames) {
        JsonValue value = object.get(name);
        if (value instanceof JsonString text) {
          parts.add(name + "=" + text.value());
        } else if (value instanceof JsonNumber || value instanceof JsonArray) {
          parts.add(name + "=" + Json.write(value));
        }
      }
      return parts.isEmpty() ? null : SafeText.escape(String.join(" ", parts), MAX_CHARS);
    };
  }
}
