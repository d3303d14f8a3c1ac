package io.gflow.cli.ctl;

import io.gflow.cli.ClientOptions;
import io.gflow.protocol.Methods;
import io.gflow.protocol.control.ReloadResult;
import io.gflow.protocol.json.JsonValue;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gctl reload}: re-read the daemon's config (admins only). */
@Command(
    name = "reload",
    mixinStandardHelpOptions = true,
    description = "Re-read gflowd.toml; a bad file is refused and the old config stays (admin).")
final class ReloadCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    JsonValue result = CtlCall.call(options, Methods.ADMIN_RELOAD);
    CtlCall.print(
        spec.commandLine().getOut(),
        options,
        result,
        CtlFormat.reload(ReloadResult.fromJson(result)));
    return 0;
  }
}
