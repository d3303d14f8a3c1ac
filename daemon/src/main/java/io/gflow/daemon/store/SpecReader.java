package io.gflow.daemon.store;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.gflow.daemon.job.JobSpec;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.job.DependencyMode;
import io.gflow.protocol.job.WireInstants;
import io.gflow.protocol.json.JsonStreams;
import java.io.IOException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code spec} column's JSON (written by {@link SpecJson}) straight from its UTF-8 bytes
 * with a streaming parser: the same {@link JobSpec} and the same checks as reading it as a tree,
 * without the tree (a listing reads one per job). Unknown members are skipped, as before. Not
 * thread-safe; one per spec.
 */
final class SpecReader {
  private final JsonParser parser;
  private List<String> command;
  private String script;
  private String name;
  private String cwd;
  private Map<String, String> env;
  private Integer gpus;
  private Integer priority;
  private String timeLimit;
  private String begin;
  private List<Long> dependsOn;
  private String dependencyMode;
  private boolean autoCancel;
  private String group;
  private String project;
  private String output;
  private String error;
  private Integer arrayThrottle;

  /** The members read, each with its bit in {@link #seen}. */
  private static final Map<String, Integer> KNOWN = known();

  private final boolean withEnv;
  private int seen;
  private Set<String> unknown;

  private SpecReader(JsonParser parser, boolean withEnv) {
    this.parser = parser;
    this.withEnv = withEnv;
  }

  /** Fails on a member named twice, as the strict parser does. */
  private void once(String member) throws IOException {
    Integer bit = KNOWN.get(member);
    boolean first;
    if (bit != null) {
      first = (seen & 1 << bit) == 0;
      seen |= 1 << bit;
    } else {
      unknown = unknown == null ? new HashSet<>() : unknown;
      first = unknown.add(member);
    }
    if (!first) {
      throw new JsonParseException(parser, "Duplicate field '" + member + "'");
    }
  }

  private static Map<String, Integer> known() {
    List<String> names =
        List.of(
            "command",
            "script",
            "name",
            "cwd",
            "env",
            "gpus",
            "priority",
            "time_limit",
            "begin",
            "depends_on",
            "dependency_mode",
            "auto_cancel",
            "group",
            "project",
            "output",
            "error",
            "array_throttle");
    Map<String, Integer> bits = new HashMap<>();
    for (int index = 0; index < names.size(); index++) {
      bits.put(names.get(index), index);
    }
    return Map.copyOf(bits);
  }

  /**
   * Reads a spec written by {@link SpecJson#write}.
   *
   * @throws IllegalStateException if it is not such a spec (a damaged database)
   */
  static JobSpec read(byte[] utf8) {
    return read(utf8, true);
  }

  /**
   * As {@link #read(byte[])}; without {@code withEnv} the spec's environment is skipped (checked to
   * be an object, not read) and left empty, for a reader that never shows it (a listing).
   */
  static JobSpec read(byte[] utf8, boolean withEnv) {
    try (JsonParser parser = JsonStreams.parser(utf8, 0, utf8.length)) {
      // The parser's set of names per object costs more than the rest of a small spec; members
      // are told apart here anyway, so repeated ones are found here (env: in env()).
      parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw malformed("not a JSON object");
      }
      SpecReader reader = new SpecReader(parser, withEnv);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String member = parser.currentName();
        parser.nextToken();
        reader.once(member);
        reader.member(member);
      }
      if (parser.nextToken() != null) {
        throw malformed("data after the object");
      }
      return reader.build();
    } catch (IOException e) {
      throw malformed("not a JSON object: " + e.getMessage());
    } catch (DateTimeParseException
        | IllegalArgumentException
        | ArithmeticException
        | RpcException e) {
      throw malformed(e.getMessage());
    }
  }

  private void member(String member) throws IOException {
    switch (member) {
      case "command" -> command = strings(member);
      case "script" -> script = string(member);
      case "name" -> name = string(member);
      case "cwd" -> cwd = string(member);
      case "env" -> env = env();
      case "gpus" -> gpus = integer(member);
      case "priority" -> priority = integer(member);
      case "time_limit" -> timeLimit = string(member);
      case "begin" -> begin = string(member);
      case "depends_on" -> dependsOn = longs(member);
      case "dependency_mode" -> dependencyMode = string(member);
      case "auto_cancel" -> autoCancel = parser.currentToken() == JsonToken.VALUE_TRUE;
      case "group" -> group = string(member);
      case "project" -> project = string(member);
      case "output" -> output = string(member);
      case "error" -> error = string(member);
      case "array_throttle" -> arrayThrottle = integer(member);
      default -> parser.skipChildren();
    }
  }

  private JobSpec build() {
    if (env == null) {
      throw malformed("env is not an object");
    }
    if (dependsOn == null) {
      throw malformed("depends_on is not an array");
    }
    return new JobSpec(
        command,
        script,
        required("name", name),
        required("cwd", cwd),
        env,
        required("gpus", gpus),
        required("priority", priority),
        timeLimit == null ? null : TimeText.duration(timeLimit),
        begin == null ? null : WireInstants.parse(begin),
        dependsOn,
        DependencyMode.parse(required("dependency_mode", dependencyMode)),
        autoCancel,
        group,
        project,
        output,
        error,
        arrayThrottle);
  }

  private static <T> T required(String member, T value) {
    if (value == null) {
      throw malformed(member + " is missing");
    }
    return value;
  }

  private String string(String member) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw malformed(member + " is not a string");
    }
    return parser.getText();
  }

  private Integer integer(String member) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT
        || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw malformed(member + " is not an integer");
    }
    return Math.toIntExact(parser.getLongValue());
  }

  private List<String> strings(String member) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw malformed(member + " is not an array");
    }
    List<String> values = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        throw malformed(member + " has a non-string element");
      }
      values.add(parser.getText());
    }
    return values;
  }

  private List<Long> longs(String member) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw malformed(member + " is not an array");
    }
    List<Long> values = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT
          || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        throw malformed(member + " has a non-integer element");
      }
      values.add(parser.getLongValue());
    }
    return values;
  }

  private Map<String, String> env() throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw malformed("env is not an object");
    }
    if (!withEnv) {
      parser.skipChildren();
      return Map.of();
    }
    Map<String, String> values = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      if (parser.nextToken() != JsonToken.VALUE_STRING) {
        throw malformed("env value is not a string");
      }
      if (values.put(key, parser.getText()) != null) {
        throw new JsonParseException(parser, "Duplicate field '" + key + "'");
      }
    }
    return values;
  }

  private static IllegalStateException malformed(String detail) {
    return new IllegalStateException("stored job spec is malformed: " + detail);
  }
}
