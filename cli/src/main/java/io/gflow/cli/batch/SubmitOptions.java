package io.gflow.cli.batch;

import picocli.CommandLine.Option;

/**
 * The scheduling options of {@code gbatch}, shared by the command line and script directives. Every
 * field is null when not given, so that a command-line value can win over a directive. A picocli
 * mixin; one instance per parse, not thread-safe.
 */
final class SubmitOptions {
  @Option(
      names = {"-g", "--gpus"},
      paramLabel = "N",
      description = "GPUs the job needs (default 0).")
  Integer gpus;

  @Option(
      names = {"-t", "--time"},
      paramLabel = "LIMIT",
      description = "Time limit: MM, MM:SS, HH:MM:SS, D-HH[:MM[:SS]], 90s, 30m, 2h, 1d.")
  String time;

  @Option(
      names = {"-p", "--priority"},
      paramLabel = "N",
      description = "Priority 0..100, higher first (users may pick 0..50; default 50).")
  Integer priority;

  @Option(
      names = {"-d", "--depends-on"},
      paramLabel = "IDS",
      description = "Start after these jobs complete: 1,2 or 3-5 or afterok:1:2.")
  String dependsOn;

  @Option(names = "--depends-any", description = "Start when any one dependency completes.")
  Boolean dependsAny;

  @Option(
      names = "--no-auto-cancel",
      description = "When a dependency fails, keep waiting instead of cancelling this job.")
  Boolean noAutoCancel;

  @Option(
      names = {"-n", "-J", "--name"},
      paramLabel = "NAME",
      description = "Job name.")
  String name;

  @Option(
      names = {"-a", "--array"},
      paramLabel = "SPEC",
      description = "Job array: first-last[:step][%%throttle], e.g. 0-9%%2.")
  String array;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "PATTERN",
      description = "stdout file (%%j job id, %%A array job, %%a task, %%x name, %%u user).")
  String output;

  @Option(
      names = {"-e", "--error"},
      paramLabel = "PATTERN",
      description = "stderr file (default: with stdout).")
  String error;

  @Option(
      names = "--begin",
      paramLabel = "TIME",
      description = "Not before: 2026-12-01T08:00, 08:00, now+1h, an ISO-8601 instant.")
  String begin;

  @Option(names = "--hold", description = "Submit held; start it with: gjob release ID.")
  Boolean hold;

  @Option(names = "--group", paramLabel = "G", description = "Group (for group limits).")
  String group;

  @Option(names = "--project", paramLabel = "P", description = "Project (for accounting).")
  String project;

  /** These options where given, else {@code base}'s: the command line over directives. */
  SubmitOptions over(SubmitOptions base) {
    SubmitOptions merged = new SubmitOptions();
    merged.gpus = pick(gpus, base.gpus);
    merged.time = pick(time, base.time);
    merged.priority = pick(priority, base.priority);
    merged.dependsOn = pick(dependsOn, base.dependsOn);
    merged.dependsAny = pick(dependsAny, base.dependsAny);
    merged.noAutoCancel = pick(noAutoCancel, base.noAutoCancel);
    merged.name = pick(name, base.name);
    merged.array = pick(array, base.array);
    merged.output = pick(output, base.output);
    merged.error = pick(error, base.error);
    merged.begin = pick(begin, base.begin);
    merged.hold = pick(hold, base.hold);
    merged.group = pick(group, base.group);
    merged.project = pick(project, base.project);
    return merged;
  }

  private static <T> T pick(T preferred, T fallback) {
    return preferred != null ? preferred : fallback;
  }
}
