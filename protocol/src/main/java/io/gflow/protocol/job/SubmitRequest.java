package io.gflow.protocol.job;

import io.gflow.protocol.RpcException;
import io.gflow.protocol.SafeText;
import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Params of {@code job.submit}: what to run (an argv list or a script's text, exactly one), where
 * and with which environment (the caller's), and how to schedule it. There is no identity field:
 * the job runs as the caller the kernel reports, and {@code uid}, {@code user} … are unknown
 * fields. Optional values are null when not given. Immutable and thread-safe.
 *
 * @param command argv, program first, never re-parsed by a shell; null when {@code script} is set
 * @param script a script's text, stored at submit; null when {@code command} is set
 * @param env the caller's environment (may be empty, never null)
 * @param priority 0..100, null for the daemon's default
 * @param timeLimitSeconds 1..31536000, null for no limit
 * @param begin do not start before this instant, null for now
 * @param dependencyMode how {@code dependsOn} combine; null reads as {@link DependencyMode#ALL}
 * @param autoCancel cancel this job when a dependency fails (else it waits)
 * @param array expand into one job per index, null for a single job
 * @param output stdout path pattern (%j %A %a %x %u), null for the default
 * @param error stderr path pattern, null to share stdout's file
 * @param hold submit held, to be released later
 */
public record SubmitRequest(
    List<String> command,
    String script,
    String name,
    String cwd,
    Map<String, String> env,
    int gpus,
    Integer priority,
    Long timeLimitSeconds,
    Instant begin,
    List<Long> dependsOn,
    DependencyMode dependencyMode,
    boolean autoCancel,
    ArraySpec array,
    String group,
    String project,
    String output,
    String error,
    boolean hold) {

  /** Most argv elements, and most environment variables. */
  public static final int MAX_ARGV = 4096;

  public static final int MAX_ENV = 4096;

  /** Longest script text (the 1 MiB frame limit still holds). */
  public static final int MAX_SCRIPT_CHARS = 1024 * 1024;

  /** Most dependencies of one job. */
  public static final int MAX_DEPENDS_ON = 1000;

  private static final String CONTEXT = "job.submit params";

  public SubmitRequest {
    if (command != null && script != null) {
      throw RpcException.invalidParams("give either command or script, not both");
    }
    if (command == null && script == null) {
      throw RpcException.invalidParams("one of command (an argv list) or script is required");
    }
    if (command != null) {
      command = checkCommand(command);
    } else {
      checkScript(script);
    }
    Checks.label("name", name);
    checkCwd(cwd);
    env = checkEnv(env);
    Checks.range("gpus", gpus, 0, Checks.MAX_GPUS);
    if (priority != null) {
      Checks.range("priority", priority, 0, Checks.MAX_PRIORITY);
    }
    if (timeLimitSeconds != null) {
      Checks.range("time_limit", timeLimitSeconds, 1, Checks.MAX_TIME_LIMIT_SECONDS);
    }
    dependsOn = Checks.ids("depends_on", dependsOn, 0, MAX_DEPENDS_ON);
    dependencyMode = dependencyMode == null ? DependencyMode.ALL : dependencyMode;
    Checks.label("group", group);
    Checks.label("project", project);
    Checks.path("output", output);
    Checks.path("error", error);
  }

  private static List<String> checkCommand(List<String> command) {
    List<String> argv = List.copyOf(command);
    if (argv.isEmpty()) {
      throw RpcException.invalidParams("command must not be empty: give the program first");
    }
    if (argv.size() > MAX_ARGV) {
      throw RpcException.invalidParams(
          "command has " + argv.size() + " arguments, more than " + MAX_ARGV);
    }
    for (int index = 0; index < argv.size(); index++) {
      String argument = argv.get(index);
      // The field's name only when it is needed for a message: not once per argument and submit.
      if (argument.length() > Checks.MAX_STRING_CHARS || argument.indexOf('\0') >= 0) {
        String field = "command[" + index + "]";
        Checks.maxChars(field, argument, Checks.MAX_STRING_CHARS);
        Checks.noNul(field, argument);
      }
    }
    if (argv.get(0).isEmpty()) {
      throw RpcException.invalidParams("command[0] (the program) must not be empty");
    }
    return argv;
  }

  private static void checkScript(String script) {
    if (script.isEmpty()) {
      throw RpcException.invalidParams("script must not be empty");
    }
    if (script.length() > MAX_SCRIPT_CHARS) {
      throw RpcException.invalidParams(
          "script is longer than " + MAX_SCRIPT_CHARS + " characters (" + script.length() + ")");
    }
  }

  private static void checkCwd(String cwd) {
    Checks.required("cwd", cwd);
    Checks.path("cwd", cwd);
    if (!cwd.startsWith("/")) {
      throw RpcException.invalidParams(
          "cwd '" + SafeText.escape(cwd) + "' must be an absolute path");
    }
  }

  private static Map<String, String> checkEnv(Map<String, String> env) {
    Checks.required("env", env);
    if (env.size() > MAX_ENV) {
      throw RpcException.invalidParams(
          "env has " + env.size() + " variables, more than " + MAX_ENV);
    }
    // A submit carries the caller's whole environment: check each variable with plain tests, and
    // build the messages (which quote the name) only for the variable that fails.
    for (Map.Entry<String, String> variable : env.entrySet()) {
      String name = variable.getKey();
      String value = variable.getValue();
      if (name == null
          || name.isEmpty()
          || name.indexOf('=') >= 0
          || name.length() > Checks.MAX_STRING_CHARS
          || name.indexOf('\0') >= 0
          || value == null
          || value.length() > Checks.MAX_STRING_CHARS
          || value.indexOf('\0') >= 0) {
        refuseVariable(name, value);
      }
    }
    return Map.copyOf(env);
  }

  /** Throws the INVALID_PARAMS that names what is wrong with one environment variable. */
  private static void refuseVariable(String name, String value) {
    if (name == null || name.isEmpty()) {
      throw RpcException.invalidParams("env names must not be empty");
    }
    if (name.indexOf('=') >= 0) {
      throw RpcException.invalidParams(
          "env name '" + SafeText.escape(name) + "' must not contain '='");
    }
    Checks.maxChars("env name", name, Checks.MAX_STRING_CHARS);
    Checks.noNul("env name", name);
    Checks.required("env value of '" + SafeText.escape(name) + "'", value);
    Checks.maxChars("env value of '" + SafeText.escape(name) + "'", value, Checks.MAX_STRING_CHARS);
    if (value.indexOf('\0') >= 0) {
      throw RpcException.invalidParams(
          "env value of '" + SafeText.escape(name) + "' must not contain NUL");
    }
    throw new IllegalStateException("env variable refused without a reason");
  }

  public JsonObject toJson() {
    JsonObject.Builder json = JsonObject.builder();
    if (command != null) {
      json.put("command", JsonArray.ofStrings(command));
    } else {
      json.put("script", script);
    }
    return json.putIfNotNull("name", name)
        .put("cwd", cwd)
        .put("env", WireFields.ofStringMap(env))
        .put("gpus", gpus)
        .putIfNotNull("priority", priority == null ? null : WireFields.of(priority))
        .putIfNotNull(
            "time_limit", timeLimitSeconds == null ? null : WireFields.of(timeLimitSeconds))
        .putIfNotNull("begin", begin == null ? null : begin.toString())
        .put("depends_on", JsonArray.ofLongs(dependsOn))
        .put("dependency_mode", dependencyMode.wireName())
        .put("auto_cancel", autoCancel)
        .putIfNotNull("array", array == null ? null : array.toString())
        .putIfNotNull("group", group)
        .putIfNotNull("project", project)
        .putIfNotNull("output", output)
        .putIfNotNull("error", error)
        .put("hold", hold)
        .build();
  }

  /**
   * Reads params strictly: unknown fields (including any claim of identity such as {@code uid}) are
   * INVALID_PARAMS.
   */
  public static SubmitRequest fromJson(JsonValue value) {
    Fields fields = Fields.of(value, CONTEXT);
    List<String> command = WireFields.nullableStringList(fields, "command", MAX_ARGV);
    String script = fields.optionalString("script", MAX_SCRIPT_CHARS);
    String name = fields.optionalString("name");
    String cwd = fields.optionalString("cwd");
    Map<String, String> env = WireFields.stringMap(fields, CONTEXT, "env", MAX_ENV);
    int gpus = (int) fields.optionalLong("gpus", Integer.MIN_VALUE, Integer.MAX_VALUE, 0);
    Integer priority = WireFields.optionalInt(fields, "priority");
    Long timeLimit = fields.optionalLong("time_limit", Long.MIN_VALUE, Long.MAX_VALUE);
    Instant begin = WireFields.instant(fields, CONTEXT, "begin");
    List<Long> dependsOn = WireFields.idList(fields, "depends_on", MAX_DEPENDS_ON);
    String mode = fields.optionalString("dependency_mode");
    boolean autoCancel = fields.optionalBoolean("auto_cancel", true);
    String array = fields.optionalString("array");
    String group = fields.optionalString("group");
    String project = fields.optionalString("project");
    String output = fields.optionalString("output");
    String error = fields.optionalString("error");
    boolean hold = fields.optionalBoolean("hold", false);
    fields.end();
    return new SubmitRequest(
        command,
        script,
        name,
        cwd,
        env,
        gpus,
        priority,
        timeLimit,
        begin,
        dependsOn,
        mode == null ? DependencyMode.ALL : DependencyMode.parse(mode),
        autoCancel,
        array == null ? null : ArraySpec.parse(array),
        group,
        project,
        output,
        error,
        hold);
  }
}
