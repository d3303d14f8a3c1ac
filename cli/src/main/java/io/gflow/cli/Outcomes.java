package io.gflow.cli;

import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.ExitCodes;
import io.gflow.protocol.Methods;
import io.gflow.protocol.SafeText;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.control.WhoamiResult;
import io.gflow.protocol.job.JobOutcome;
import io.gflow.protocol.job.OutcomesResult;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs a multi-id call ({@code job.cancel}, {@code job.hold}, {@code job.release}) and reports one
 * line per job: applied ones on stdout, refused ones on stderr; the exit code is the worst per-job
 * code (SPEC §8). Stateless and thread-safe.
 */
public final class Outcomes {
  /** What to print: lines for stdout and for stderr. */
  public record Lines(List<String> out, List<String> err) {}

  private Outcomes() {}

  /**
   * Calls {@code method} and prints the outcomes ({@code --json}: the result document).
   *
   * @param done the past participle for applied jobs ("cancelled", "held", "released")
   * @return the exit code
   */
  public static int run(
      String program,
      ClientOptions options,
      String method,
      JsonObject params,
      String done,
      PrintWriter out,
      PrintWriter err)
      throws IOException {
    OutcomesResult result;
    WhoamiResult who = null;
    try (RpcClient client = Connector.connect(options, System.getenv())) {
      result = OutcomesResult.fromJson(client.call(method, params));
      if (options.json()) {
        out.println(Json.write(result.toJson()));
      } else if (result.worst() == ErrorCode.FORBIDDEN
          || result.worst() == ErrorCode.UNAUTHENTICATED) {
        who = WhoamiResult.fromJson(client.call(Methods.AUTH_WHOAMI, null));
      }
    }
    if (!options.json()) {
      Lines lines = lines(program, done, result, who);
      lines.out().forEach(out::println);
      lines.err().forEach(err::println);
    }
    out.flush();
    err.flush();
    return exitCode(result);
  }

  /** 0 when every job was done, else the worst per-job exit code. */
  public static int exitCode(OutcomesResult result) {
    ErrorCode worst = result.worst();
    return worst == null ? ExitCodes.OK : worst.exitCode();
  }

  /** The lines for people; {@code who} (may be null) names the caller in permission denials. */
  public static Lines lines(String program, String done, OutcomesResult result, WhoamiResult who) {
    List<String> out = new ArrayList<>();
    List<String> err = new ArrayList<>();
    for (JobOutcome outcome : result.outcomes()) {
      if (outcome.ok()) {
        out.add(program + ": " + done + " job " + outcome.id());
      } else {
        err.add(program + ": " + refusal(outcome, who));
      }
    }
    return new Lines(List.copyOf(out), List.copyOf(err));
  }

  private static String refusal(JobOutcome outcome, WhoamiResult who) {
    String message =
        outcome.message() == null
            ? outcome.error().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
            : SafeText.escape(outcome.message(), 2000);
    if (!Pattern.compile("\\bjob " + outcome.id() + "\\b").matcher(message).find()) {
      message = "job " + outcome.id() + ": " + message;
    }
    ErrorCode error = outcome.error();
    if (who != null && (error == ErrorCode.FORBIDDEN || error == ErrorCode.UNAUTHENTICATED)) {
      message += " (you are " + SafeText.escape(who.user()) + ", uid " + who.uid() + ")";
    }
    return message;
  }
}
