package io.gflow.daemon.launch;

import io.gflow.protocol.ExitCodes;
import io.gflow.protocol.Methods;
import io.gflow.protocol.client.DaemonUnreachableException;
import io.gflow.protocol.client.ProcessIdentity;
import io.gflow.protocol.client.RpcClient;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gflowd stop}: asks the daemon to shut down and waits until its socket is gone. */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the daemon.")
final class StopCommand implements Callable<Integer> {
  private static final long WAIT_MILLIS = 15_000;

  @Mixin PathOptions paths;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path socket =
        Locations.resolve(paths, System.getenv(), ProcessIdentity.uid()).settings().socket();
    try (RpcClient client = Control.connect(socket)) {
      client.call(Methods.ADMIN_SHUTDOWN, null);
    } catch (DaemonUnreachableException unreachable) {
      spec.commandLine().getErr().println("gflowd: not running: " + unreachable.getMessage());
      return ExitCodes.UNREACHABLE;
    }
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
      if (System.currentTimeMillis() > deadline) {
        spec.commandLine().getErr().println("gflowd: asked to stop, but " + socket + " remains");
        return ExitCodes.TEMPORARY;
      }
      Thread.sleep(50);
    }
    spec.commandLine().getOut().println("gflowd: stopped (" + socket + ")");
    return ExitCodes.OK;
  }
}
