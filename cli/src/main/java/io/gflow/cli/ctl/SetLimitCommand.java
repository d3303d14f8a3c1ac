package io.gflow.cli.ctl;

import io.gflow.cli.ClientOptions;
import io.gflow.protocol.Methods;
import io.gflow.protocol.admin.LimitsResult;
import io.gflow.protocol.admin.SetGroupLimitRequest;
import io.gflow.protocol.json.JsonValue;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gctl set-limit}: most running jobs of a group or a job array (admins only). */
@Command(
    name = "set-limit",
    mixinStandardHelpOptions = true,
    description = {
      "Set the most jobs of a group (gbatch --group) or tasks of a job array that may run at once"
          + " (admin). N=none removes the limit; without N, show it."
    })
final class SetLimitCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  /** Exactly one of --group and --array. */
  static final class Target {
    @Option(names = "--group", paramLabel = "GROUP", description = "The group to limit.")
    String group;

    @Option(
        names = "--array",
        paramLabel = "ID",
        description = "The job array to limit (its id: the first task's id).")
    Long array;
  }

  @Parameters(arity = "0..1", paramLabel = "N|none", description = "Most running at once.")
  String limit;

  @Override
  public Integer call() throws Exception {
    JsonValue result;
    Integer value;
    if (limit == null) {
      result = CtlCall.call(options, Methods.ADMIN_LIMITS);
      LimitsResult limits = LimitsResult.fromJson(result);
      value =
          target.group != null
              ? limits.groupLimits().get(target.group)
              : limits.arrayLimits().get(target.array);
    } else {
      value = parseLimit(limit);
      SetGroupLimitRequest request;
      try {
        request = new SetGroupLimitRequest(target.group, target.array, value);
      } catch (io.gflow.protocol.RpcException bad) {
        throw new CommandLine.ParameterException(spec.commandLine(), bad.getMessage(), bad);
      }
      result = CtlCall.call(options, Methods.ADMIN_SET_GROUP_LIMIT, request.toJson());
    }
    String text =
        target.group != null
            ? LimitsFormat.groupLimit(target.group, value)
            : LimitsFormat.arrayLimit(target.array, value);
    CtlCall.print(spec.commandLine().getOut(), options, result, text);
    return 0;
  }

  private Integer parseLimit(String text) {
    if (text.equals("none")) {
      return null;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // Reported below.
    }
    throw new CommandLine.ParameterException(
        spec.commandLine(), "limit must be a number >= 0 or 'none', not '" + text + "'");
  }
}
