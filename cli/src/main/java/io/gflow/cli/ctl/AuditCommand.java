package io.gflow.cli.ctl;

import io.gflow.cli.ClientOptions;
import io.gflow.cli.Connector;
import io.gflow.protocol.Methods;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.control.AuditRequest;
import io.gflow.protocol.control.AuditResult;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonValue;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gctl audit}: the newest audit records, oldest first (admins only). */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Show the newest audit records, oldest first (admin).")
final class AuditCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Option(
      names = "--since",
      paramLabel = "TIME",
      description = "Only records from TIME on: 30m, 2h, 7d back, or 2026-12-07[T08:00:00Z].")
  String since;

  @Option(names = "--user", paramLabel = "USER", description = "Only calls by USER (name or uid).")
  String user;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "At most N records, the newest (default 100, at most 10000).")
  int limit = AuditRequest.DEFAULT_LIMIT;

  @Override
  public Integer call() throws Exception {
    AuditRequest request = request();
    JsonValue result;
    try (RpcClient client = Connector.connect(options, System.getenv())) {
      result = client.call(Methods.ADMIN_AUDIT, request.toJson());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (options.json()) {
      out.println(Json.write(result));
    } else {
      out.print(AuditFormat.table(AuditResult.fromJson(result).records()));
    }
    out.flush();
    return 0;
  }

  private AuditRequest request() {
    if (limit < 1 || limit > AuditRequest.MAX_LIMIT) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--limit (" + limit + ") must be in 1.." + AuditRequest.MAX_LIMIT);
    }
    if (user != null && user.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--user must not be empty");
    }
    Instant from = null;
    if (since != null) {
      Clock clock = Clock.systemDefaultZone();
      try {
        from = AuditFormat.since(since, clock.instant(), clock.getZone());
      } catch (IllegalArgumentException bad) {
        throw new CommandLine.ParameterException(spec.commandLine(), bad.getMessage(), bad);
      }
    }
    return new AuditRequest(from, user, limit);
  }
}
