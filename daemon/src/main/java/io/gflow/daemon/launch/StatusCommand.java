package io.gflow.daemon.launch;

import io.gflow.protocol.ExitCodes;
import io.gflow.protocol.Methods;
import io.gflow.protocol.client.DaemonUnreachableException;
import io.gflow.protocol.client.ProcessIdentity;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.control.InfoResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gflowd status}: is a daemon serving the socket, and which. Exit 3 when not. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show daemon status.")
final class StatusCommand implements Callable<Integer> {
  @Mixin PathOptions paths;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var settings = Locations.resolve(paths, System.getenv(), ProcessIdentity.uid()).settings();
    try (RpcClient client = Control.connect(settings.socket())) {
      InfoResult info = InfoResult.fromJson(client.call(Methods.DAEMON_INFO, null));
      spec.commandLine()
          .getOut()
          .printf(
              "gflowd %s running: pid %d, mode %s, socket %s, up %d s%n",
              info.version(), info.pid(), info.mode(), info.socket(), info.uptimeSeconds());
      return ExitCodes.OK;
    } catch (DaemonUnreachableException unreachable) {
      spec.commandLine().getErr().println("gflowd: not running: " + unreachable.getMessage());
      return ExitCodes.UNREACHABLE;
    }
  }
}
