package io.gflow.daemon.store;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  private SpecReader(JsonParser parser) {
    this.parser = parser;
  }

  /**
   * Reads a spec written by {@link SpecJson#write}.
   *
   * @throws IllegalStateException if it is not such a spec (a damaged database)
   */
  static JobSpec read(byte[] utf8) {
    try (JsonParser parser = JsonStreams.parser(utf8, 0, utf8.length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw malformed("not a JSON object");
      }
      SpecReader reader = new SpecReader(parser);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String member = parser.currentName();
        parser.nextToken();
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
    Map<String, String> values = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      if (parser.nextToken() != JsonToken.VALUE_STRING) {
        throw malformed("env value is not a string");
      }
      values.put(key, parser.getText());
    }
    return values;
  }

  private static IllegalStateException malformed(String detail) {
    return new IllegalStateException("stored job spec is malformed: " + detail);
  }
}
