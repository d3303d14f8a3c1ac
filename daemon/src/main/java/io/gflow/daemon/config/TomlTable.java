package io.gflow.daemon.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gflow.protocol.SafeText;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One table of a parsed config file with strict, typed getters whose errors name the source, the
 * line and the dotted key. Not thread-safe; used once per load.
 */
final class TomlTable {
  private static final long MAX_ID = 4_294_967_294L;
  private static final int MAX_NAME_CHARS = 256;

  private final String source;
  private final TomlKeyLines lines;
  private final ObjectNode node;
  private final List<String> path;

  TomlTable(String source, TomlKeyLines lines, ObjectNode node, List<String> path) {
    this.source = source;
    this.lines = lines;
    this.node = node;
    this.path = List.copyOf(path);
  }

  /** The sub-table {@code key}; an empty one when absent. */
  TomlTable table(String key) throws ConfigException {
    JsonNode value = node.get(key);
    if (value == null) {
      value = JsonNodeFactory.instance.objectNode();
    } else if (!value.isObject()) {
      throw typeError(key, "a table", value);
    }
    return new TomlTable(source, lines, (ObjectNode) value, append(path, key));
  }

  /** Fails on the first key not in {@code known}, naming it with its line. */
  void rejectUnknownKeys(Set<String> known) throws ConfigException {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (known.contains(field.getKey())) {
        continue;
      }
      List<String> unknown = append(path, field.getKey());
      for (JsonNode value = field.getValue(); value.isObject() && value.size() > 0; ) {
        Map.Entry<String, JsonNode> first = value.properties().iterator().next();
        unknown = append(unknown, first.getKey());
        value = first.getValue();
      }
      throw new ConfigException(
          location(unknown)
              + "unknown key '"
              + SafeText.escape(String.join(".", unknown))
              + "' "
              + hint(field.getKey(), known));
    }
  }

  Path path(String key, Path fallback) throws ConfigException {
    JsonNode value = node.get(key);
    if (value == null) {
      return fallback;
    }
    if (!value.isTextual()) {
      throw typeError(key, "a string", value);
    }
    String text = value.textValue();
    try {
      Path result = Path.of(text);
      if (!result.isAbsolute() || text.chars().anyMatch(Character::isISOControl)) {
        throw error(key, "must be an absolute path, got \"" + SafeText.escape(text) + "\"");
      }
      return result.normalize();
    } catch (InvalidPathException e) {
      throw error(key, "is not a valid path: " + SafeText.escape(e.getReason()));
    }
  }

  boolean bool(String key, boolean fallback) throws ConfigException {
    JsonNode value = node.get(key);
    if (value == null) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw typeError(key, "true or false", value);
    }
    return value.booleanValue();
  }

  int integer(String key, int fallback, long min, long max) throws ConfigException {
    JsonNode value = node.get(key);
    if (value == null) {
      return fallback;
    }
    if (!value.isIntegralNumber()) {
      throw typeError(key, "an integer", value);
    }
    if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
      throw error(key, "(" + value.asText() + ") must be in " + min + ".." + max);
    }
    return (int) value.longValue();
  }

  Duration duration(String key, Duration fallback, Duration min, Duration max)
      throws ConfigException {
    JsonNode value = node.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      if (!value.isTextual()) {
        throw new IllegalArgumentException(
            "expected a duration string like \"60s\", got " + describe(value));
      }
      Duration result = DurationParser.parse(value.textValue());
      DurationParser.checkRange(key, result, min, max);
      return result;
    } catch (IllegalArgumentException e) {
      throw error(key, e.getMessage().replaceFirst("^" + Pattern.quote(key) + " ", ""));
    }
  }

  String text(String key, String fallback) throws ConfigException {
    JsonNode value = node.get(key);
    if (value == null) {
      return fallback;
    }
    if (!value.isTextual()) {
      throw typeError(key, "a string", value);
    }
    return value.textValue();
  }

  /** A list of user or group names or numeric ids; numbers become decimal strings. */
  List<String> names(String key, List<String> fallback) throws ConfigException {
    JsonNode value = node.get(key);
    if (value == null) {
      return fallback;
    }
    if (!value.isArray()) {
      throw typeError(key, "an array of names or ids", value);
    }
    List<String> names = new ArrayList<>();
    for (JsonNode element : value) {
      if (element.isIntegralNumber()) {
        if (!element.canConvertToLong()
            || element.longValue() < 0
            || element.longValue() > MAX_ID) {
          throw error(key, "id (" + element.asText() + ") must be in 0.." + MAX_ID);
        }
        names.add(Long.toString(element.longValue()));
      } else if (element.isTextual() && isValidName(element.textValue())) {
        names.add(element.textValue());
      } else {
        throw error(
            key,
            "expected user or group names or numeric ids, got "
                + (element.isTextual()
                    ? "\"" + SafeText.escape(element.textValue()) + "\""
                    : describe(element)));
      }
    }
    return names;
  }

  GpuSetting gpus(String key, GpuSetting fallback) throws ConfigException {
    JsonNode value = node.get(key);
    if (value == null) {
      return fallback;
    }
    if (value.isTextual() && value.textValue().equals("auto")) {
      return GpuSetting.auto();
    }
    if (value.isTextual() && value.textValue().equals("none")) {
      return GpuSetting.none();
    }
    if (!value.isArray()) {
      throw error(key, "expected \"auto\", \"none\" or a list like [0, 1], got " + show(value));
    }
    List<Integer> indices = new ArrayList<>();
    for (JsonNode element : value) {
      if (!element.isIntegralNumber()
          || !element.canConvertToInt()
          || element.intValue() < 0
          || element.intValue() > GpuSetting.MAX_INDEX) {
        throw error(
            key,
            "GPU index " + show(element) + " must be an integer in 0.." + GpuSetting.MAX_INDEX);
      }
      indices.add(element.intValue());
    }
    try {
      return GpuSetting.of(indices);
    } catch (IllegalArgumentException e) {
      throw error(key, e.getMessage().replaceFirst("^gpus: ", ""));
    }
  }

  /** {@code "<source>:<line>: <dotted key> <message>"}. */
  ConfigException error(String key, String message) {
    List<String> keyPath = append(path, key);
    return new ConfigException(
        location(keyPath) + SafeText.escape(String.join(".", keyPath)) + " " + message);
  }

  private ConfigException typeError(String key, String expected, JsonNode value) {
    return error(key, "must be " + expected + ", got " + describe(value));
  }

  private String location(List<String> keyPath) {
    int line = lines.lineOf(keyPath);
    return line > 0 ? source + ":" + line + ": " : source + ": ";
  }

  private static String hint(String key, Set<String> known) {
    for (String candidate : known) {
      if (editDistance(key, candidate) <= 2) {
        return "(did you mean '" + candidate + "'?)";
      }
    }
    return "(known keys here: " + String.join(", ", new TreeSet<>(known)) + ")";
  }

  private static int editDistance(String left, String right) {
    int[] previous = new int[right.length() + 1];
    int[] current = new int[right.length() + 1];
    for (int j = 0; j <= right.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= left.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= right.length(); j++) {
        int substitution = left.charAt(i - 1) == right.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + substitution);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[right.length()];
  }

  private static boolean isValidName(String name) {
    return !name.isEmpty()
        && name.length() <= MAX_NAME_CHARS
        && !name.startsWith("-")
        && name.chars().noneMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))
        && name.indexOf(':') < 0;
  }

  private static String show(JsonNode value) {
    if (value.isTextual()) {
      return "\"" + SafeText.escape(value.textValue()) + "\"";
    }
    return value.isNumber() ? value.asText() : describe(value);
  }

  private static String describe(JsonNode value) {
    if (value.isTextual()) {
      return "a string";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    if (value.isIntegralNumber()) {
      return "an integer (" + value.asText() + ")";
    }
    if (value.isNumber()) {
      return "a float (" + value.asText() + ")";
    }
    if (value.isArray()) {
      return "an array";
    }
    return value.isObject() ? "a table" : value.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static List<String> append(List<String> path, String key) {
    List<String> result = new ArrayList<>(path);
    result.add(key);
    return List.copyOf(result);
  }
}
