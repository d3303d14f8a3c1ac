package io.gflow.daemon.launch;

import io.gflow.daemon.Daemon;
import io.gflow.daemon.StartupException;
import io.gflow.daemon.config.ConfigException;
import io.gflow.daemon.socket.FileErrors;
import io.gflow.daemon.socket.InheritedSocket;
import io.gflow.daemon.socket.SocketSetupException;
import io.gflow.protocol.ExitCodes;
import io.gflow.protocol.client.ProcessIdentity;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gflowd run}: the daemon in the foreground, logging to stderr (systemd, tests). */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run in the foreground.")
final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Mixin PathOptions paths;

  @Option(names = "--check-config", description = "Validate the config file and exit.")
  boolean checkConfig;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Locations.Resolved resolved;
    try {
      resolved = Locations.resolve(paths, System.getenv(), ProcessIdentity.uid());
    } catch (ConfigException invalid) {
      spec.commandLine().getErr().println("gflowd: " + invalid.getMessage());
      return ExitCodes.USAGE;
    }
    if (checkConfig) {
      spec.commandLine().getOut().println("gflowd: config OK: " + resolved.settings().configFile());
      return ExitCodes.OK;
    }
    Daemon daemon;
    try {
      Optional<InheritedSocket> inherited =
          InheritedSocket.fromEnvironment(System.getenv(), ProcessHandle.current().pid());
      if (inherited.isPresent() && inherited.get().count() > 1) {
        LOG.warn(
            "systemd passed {} sockets; gflowd serves only the first (descriptor 3)",
            inherited.get().count());
      }
      daemon = Daemon.start(resolved.settings(), resolved.config(), Clock.systemUTC(), inherited);
    } catch (SocketSetupException refused) {
      spec.commandLine().getErr().println("gflowd: cannot start: " + refused.getMessage());
      return ExitCodes.ERROR;
    } catch (StartupException refused) {
      spec.commandLine().getErr().println("gflowd: cannot start: " + refused.getMessage());
      return ExitCodes.ERROR;
    } catch (IOException failed) {
      spec.commandLine().getErr().println("gflowd: cannot start: " + FileErrors.describe(failed));
      return ExitCodes.ERROR;
    }
    Signals.onTerminate(daemon::requestShutdown);
    Signals.onHangup(
        () -> {
          try {
            daemon.reload();
          } catch (RuntimeException refused) {
            LOG.error("SIGHUP reload refused: {}", refused.getMessage());
          }
        });
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    daemon.close();
                  } catch (Exception failed) {
                    LOG.error("shutdown failed: {}", failed.toString());
                  }
                },
                "gflowd-shutdown-hook"));
    daemon.awaitStopped();
    return ExitCodes.OK;
  }
}
