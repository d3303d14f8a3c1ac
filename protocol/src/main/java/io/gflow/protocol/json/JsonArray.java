package io.gflow.protocol.json;

import java.util.List;

/** A JSON array. Immutable and thread-safe. */
public record JsonArray(List<JsonValue> elements) implements JsonValue {
  public JsonArray {
    elements = List.copyOf(elements);
  }

  public static JsonArray of(List<? extends JsonValue> elements) {
    return new JsonArray(List.copyOf(elements));
  }

  public static JsonArray ofStrings(List<String> strings) {
    return new JsonArray(strings.stream().map(s -> (JsonValue) new JsonString(s)).toList());
  }

  public static JsonArray ofLongs(List<Long> numbers) {
    return new JsonArray(numbers.stream().map(n -> (JsonValue) JsonNumber.of(n)).toList());
  }

  public int size() {
    return elements.size();
  }

  @Override
  public String typeName() {
    return "array";
  }
}
