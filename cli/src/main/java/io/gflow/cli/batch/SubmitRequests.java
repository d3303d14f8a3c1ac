package io.gflow.cli.batch;

import io.gflow.cli.BeginTimes;
import io.gflow.cli.JobIds;
import io.gflow.cli.TimeLimits;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.job.ArraySpec;
import io.gflow.protocol.job.DependencyMode;
import io.gflow.protocol.job.SubmitRequest;
import io.gflow.protocol.job.SubmitResult;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Turns gbatch's options and job source into a {@code job.submit} request, and its result into
 * text. Pure functions; stateless and thread-safe.
 */
final class SubmitRequests {
  private SubmitRequests() {}

  /**
   * The request; relative {@code --output}/{@code --error} paths are made absolute against {@code
   * cwd}.
   *
   * @throws IllegalArgumentException naming the option and the bad value
   */
  static SubmitRequest build(
      SubmitOptions options,
      JobSource source,
      String cwd,
      Map<String, String> env,
      Instant now,
      ZoneId zone) {
    List<Long> dependsOn =
        options.dependsOn == null ? List.of() : JobIds.parseDependencies(options.dependsOn);
    Long timeLimit = options.time == null ? null : TimeLimits.parse(options.time);
    Instant begin = options.begin == null ? null : BeginTimes.parse(options.begin, now, zone);
    ArraySpec array;
    try {
      array = options.array == null ? null : ArraySpec.parse(options.array);
    } catch (RpcException bad) {
      throw new IllegalArgumentException(bad.getMessage(), bad);
    }
    return new SubmitRequest(
        source.command(),
        source.script(),
        options.name != null ? options.name : source.defaultName(),
        cwd,
        env,
        options.gpus == null ? 0 : options.gpus,
        options.priority,
        timeLimit,
        begin,
        dependsOn,
        Boolean.TRUE.equals(options.dependsAny) ? DependencyMode.ANY : DependencyMode.ALL,
        !Boolean.TRUE.equals(options.noAutoCancel),
        array,
        options.group,
        options.project,
        absolute(cwd, options.output),
        absolute(cwd, options.error),
        Boolean.TRUE.equals(options.hold));
  }

  private static String absolute(String cwd, String pattern) {
    if (pattern == null || pattern.isEmpty() || pattern.startsWith("/")) {
      return pattern;
    }
    return Path.of(cwd).resolve(pattern).toString();
  }

  /** {@code Submitted job 42}, or {@code Submitted array job 42 (tasks 42-51)}. */
  static String submitted(SubmitResult result, boolean array) {
    List<Long> ids = result.ids();
    if (!array) {
      return "Submitted job " + ids.get(0);
    }
    String tasks =
        ids.size() == 1
            ? "task " + ids.get(0)
            : contiguous(ids)
                ? "tasks " + ids.get(0) + "-" + ids.get(ids.size() - 1)
                : "tasks " + String.join(",", ids.stream().map(String::valueOf).toList());
    return "Submitted array job " + ids.get(0) + " (" + tasks + ")";
  }

  /** Why the new jobs will not start soon: {@code the daemon is draining; job 5 will wait …}. */
  static String drainingNote(SubmitResult result) {
    List<Long> ids = result.ids();
    String jobs =
        ids.size() == 1
            ? "job " + ids.get(0) + " will wait"
            : "jobs " + ids.get(0) + "-" + ids.get(ids.size() - 1) + " will wait";
    return "the daemon is draining; " + jobs + " until an admin runs gctl resume";
  }

  /** {@code --parsable}: the id, or the ids joined by commas (gcancel and -d accept that). */
  static String parsable(SubmitResult result) {
    return String.join(",", result.ids().stream().map(String::valueOf).toList());
  }

  private static boolean contiguous(List<Long> ids) {
    return ids.get(ids.size() - 1) - ids.get(0) == ids.size() - 1;
  }
}
