package io.gflow.daemon.store;

import io.gflow.daemon.job.JobSpec;
import io.gflow.protocol.job.DependencyMode;
import io.gflow.protocol.job.WireInstants;
import java.util.List;
import java.util.Map;

/**
 * The members of a stored spec as its readers ({@link SpecReader}, {@link PlainSpecReader}) find
 * them, and the checks that make them a {@link JobSpec}. Not thread-safe; one per spec.
 */
final class SpecParts {
  List<String> command;
  String script;
  String name;
  String cwd;
  Map<String, String> env;
  Integer gpus;
  Integer priority;
  String timeLimit;
  String begin;
  List<Long> dependsOn;
  String dependencyMode;
  boolean autoCancel;
  String group;
  String project;
  String output;
  String error;
  Integer arrayThrottle;

  /**
   * The spec.
   *
   * @throws IllegalStateException if a member is missing or of the wrong type
   * @throws RuntimeException as {@link JobSpec}, {@link TimeText} and {@link WireInstants} refuse a
   *     value (the readers turn it into an {@link IllegalStateException})
   */
  JobSpec build() {
    if (env == null) {
      throw SpecReader.malformed("env is not an object");
    }
    if (dependsOn == null) {
      throw SpecReader.malformed("depends_on is not an array");
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
      throw SpecReader.malformed(member + " is missing");
    }
    return value;
  }
}
