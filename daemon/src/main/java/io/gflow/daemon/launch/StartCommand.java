package io.gflow.daemon.launch;

import io.gflow.daemon.DaemonSettings;
import io.gflow.daemon.socket.FileErrors;
import io.gflow.protocol.ExitCodes;
import io.gflow.protocol.client.ProcessIdentity;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code gflowd start}: starts {@code gflowd run} in the background in its own session, logging to
 * {@code gflowd.log} in the state dir, and returns once it answers.
 */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = "Start a personal daemon in the background; return when it is ready.")
final class StartCommand implements Callable<Integer> {
  private static final long READY_MILLIS = 20_000;

  @Mixin PathOptions paths;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    DaemonSettings settings =
        Locations.resolve(paths, System.getenv(), ProcessIdentity.uid()).settings();
    if (Control.answers(settings.socket())) {
      spec.commandLine().getOut().println("gflowd: already running at " + settings.socket());
      return ExitCodes.OK;
    }
    Path log;
    try {
      log = prepareLog(settings.stateDir());
    } catch (IOException failed) {
      spec.commandLine()
          .getErr()
          .println(
              "gflowd: "
                  + FileErrors.cannotCreate(
                      "state dir", settings.stateDir(), settings.ownUid(), "--state-dir", failed));
      return ExitCodes.ERROR;
    }
    Process process =
        new ProcessBuilder(command(settings))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectErrorStream(true)
            .start();
    long deadline = System.currentTimeMillis() + READY_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      if (Control.answers(settings.socket())) {
        spec.commandLine()
            .getOut()
            .printf(
                "gflowd: started (pid %d), socket %s, log %s%n",
                process.pid(), settings.socket(), log);
        return ExitCodes.OK;
      }
      if (!process.isAlive()) {
        break;
      }
      Thread.sleep(50);
    }
    spec.commandLine().getErr().println("gflowd: did not start; see " + log + ":\n" + tail(log));
    return ExitCodes.ERROR;
  }

  private List<String> command(DaemonSettings settings) {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      command.add("/usr/bin/setsid");
    }
    command.add(ProcessHandle.current().info().command().orElse("java"));
    // The same JVM options as this one: bin/gflowd's class-data archive, etc/gflowd.jvm,
    // GFLOWD_JAVA_OPTS and -Dgflow.home (the launcher put them there).
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.gflow.daemon.DaemonMain");
    command.add("run");
    command.add("--socket");
    command.add(settings.socket().toString());
    command.add("--state-dir");
    command.add(settings.stateDir().toString());
    if (settings.configRequired()) {
      command.add("--config");
      command.add(settings.configFile().toString());
    }
    if (paths.system) {
      command.add("--system");
    }
    return command;
  }

  private static Path prepareLog(Path stateDir) throws IOException {
    if (!Files.exists(stateDir)) {
      Files.createDirectories(stateDir);
      Files.setPosixFilePermissions(stateDir, PosixFilePermissions.fromString("rwx------"));
    }
    return stateDir.resolve("gflowd.log");
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException unreadable) {
      return "(cannot read the log: " + unreadable.getMessage() + ")";
    }
  }
}
