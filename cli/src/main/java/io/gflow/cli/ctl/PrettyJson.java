package io.gflow.cli.ctl;

import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.Iterator;
import java.util.Map;

/**
 * Indented JSON for people (two blanks per level), with C1 control characters escaped as well so
 * that untrusted strings cannot drive the terminal. Pure function; stateless.
 */
final class PrettyJson {
  private PrettyJson() {}

  static String write(JsonValue value) {
    StringBuilder out = new StringBuilder();
    write(value, 0, out);
    return out.append('\n').toString();
  }

  private static void write(JsonValue value, int depth, StringBuilder out) {
    if (value instanceof JsonObject object && object.size() > 0) {
      out.append("{\n");
      Iterator<Map.Entry<String, JsonValue>> members = object.members().entrySet().iterator();
      while (members.hasNext()) {
        Map.Entry<String, JsonValue> member = members.next();
        indent(depth + 1, out).append(scalar(JsonValue.of(member.getKey()))).append(": ");
        write(member.getValue(), depth + 1, out);
        out.append(members.hasNext() ? ",\n" : "\n");
      }
      indent(depth, out).append('}');
    } else if (value instanceof JsonArray array && array.size() > 0) {
      out.append("[\n");
      for (int index = 0; index < array.size(); index++) {
        indent(depth + 1, out);
        write(array.elements().get(index), depth + 1, out);
        out.append(index < array.size() - 1 ? ",\n" : "\n");
      }
      indent(depth, out).append(']');
    } else {
      out.append(scalar(value));
    }
  }

  private static String scalar(JsonValue value) {
    String text = Json.write(value);
    StringBuilder safe = new StringBuilder(text.length());
    for (int index = 0; index < text.length(); index++) {
      char next = text.charAt(index);
      if ((next >= 0x7f && next <= 0x9f) || next == '\u2028' || next == '\u2029') {
        safe.append(String.format("\\u%04x", (int) next));
      } else {
        safe.append(next);
      }
    }
    return safe.toString();
  }

  private static StringBuilder indent(int depth, StringBuilder out) {
    return out.append("  ".repeat(depth));
  }
}
