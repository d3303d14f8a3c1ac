package io.gflow.daemon.job;

import io.gflow.protocol.job.DependencyMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the submitter asked for, fixed at submit (a script's text is stored, not its path). Exactly
 * one of {@code command} (argv, never re-parsed by a shell) and {@code script} is set. Optional
 * fields are null when not given. Immutable and thread-safe.
 *
 * @param gpus number of GPUs wanted (0 = CPU only)
 * @param priority 0–100, higher first
 * @param output stdout path pattern (%j %A %a %x %u), null for the default
 * @param error stderr path pattern, null to share stdout's file
 * @param arrayThrottle for array tasks: most tasks of the array running at once, null = no limit
 */
public record JobSpec(
    List<String> command,
    String script,
    String name,
    String cwd,
    Map<String, String> env,
    int gpus,
    int priority,
    Duration timeLimit,
    Instant begin,
    List<Long> dependsOn,
    DependencyMode dependencyMode,
    boolean autoCancel,
    String group,
    String project,
    String output,
    String error,
    Integer arrayThrottle) {

  public JobSpec {
    if ((command == null || command.isEmpty()) == (script == null)) {
      throw new IllegalArgumentException("exactly one of command and script");
    }
    command = command == null ? null : List.copyOf(command);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cwd, "cwd");
    env = Map.copyOf(env);
    dependsOn = List.copyOf(dependsOn);
    Objects.requireNonNull(dependencyMode, "dependencyMode");
  }
}
