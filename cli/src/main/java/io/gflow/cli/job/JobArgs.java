package io.gflow.cli.job;

import io.gflow.cli.JobIds;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Checks gjob's job arguments, turning bad ones into usage errors (exit 2). Stateless. */
final class JobArgs {
  private JobArgs() {}

  static long id(CommandSpec spec, long id) {
    if (id < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "job ids start at 1, got " + id);
    }
    return id;
  }

  static List<Long> ids(CommandSpec spec, List<String> tokens) {
    try {
      return JobIds.parse(tokens);
    } catch (IllegalArgumentException bad) {
      throw new CommandLine.ParameterException(spec.commandLine(), bad.getMessage(), bad);
    }
  }
}
