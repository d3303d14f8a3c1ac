package io.gflow.cli.doctor;

import io.gflow.cli.ClientOptions;
import io.gflow.protocol.client.DaemonPaths;
import io.gflow.protocol.client.SocketPaths;
import io.gflow.protocol.control.InfoResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gctl doctor}: checks the installation as the caller sees it and says how to fix each
 * problem (SPEC §8). Exit 0 when every check is OK or WARN, 1 when any FAILs.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = "Check the socket, daemon, state dir, config, GPUs and JDK; print fixes.")
public final class DoctorCommand implements Callable<Integer> {
  @Mixin ClientOptions options;
  @Spec CommandSpec spec;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "The daemon's state dir.")
  Path stateDir;

  @Option(names = "--config", paramLabel = "FILE", description = "The config file to validate.")
  Path config;

  @Option(
      names = "--nvidia-smi",
      paramLabel = "PATH",
      defaultValue = "nvidia-smi",
      description = "The nvidia-smi to probe GPUs with (default: ${DEFAULT-VALUE}).")
  String nvidiaSmi;

  @Option(
      names = "--gflowd",
      paramLabel = "PATH",
      description =
          "The gflowd that validates the config (default: bin/gflowd next to gctl, PATH).")
  Path gflowd;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "Bound on each daemon call and program run (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Override
  public Integer call() {
    if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--timeout (" + timeoutSeconds + ") must be in 1..3600 seconds");
    }
    List<Finding> findings = check(System.getenv());
    PrintWriter out = spec.commandLine().getOut();
    out.print(options.json() ? Report.json(findings) + "\n" : Report.text(findings));
    out.flush();
    return Report.exitCode(findings);
  }

  private List<Finding> check(Map<String, String> env) {
    Duration timeout = Duration.ofSeconds(timeoutSeconds);
    Caller caller = Caller.current();
    Path socket = socket(env, caller.uid()).toAbsolutePath().normalize();
    List<Finding> findings = new ArrayList<>();
    SocketChecks.Outcome sockets = SocketChecks.run(socket, caller);
    findings.addAll(sockets.findings());
    Optional<InfoResult> info = Optional.empty();
    if (sockets.socketOwner().isPresent()) {
      DaemonChecks.Outcome daemon =
          DaemonChecks.run(socket, env.get("GFLOW_SERVER_USER"), caller.uid(), timeout);
      findings.addAll(daemon.findings());
      info = daemon.info();
    }
    boolean system =
        info.map(i -> i.mode().equals("system")).orElse(socket.startsWith("/run/gflow"));
    long daemonUid = sockets.socketOwner().orElse(system ? 0L : caller.uid());
    OptionalLong pid = info.map(i -> OptionalLong.of(i.pid())).orElse(OptionalLong.empty());
    StateChecks.lockFile(socket, daemonUid, pid).ifPresent(findings::add);
    findings.addAll(stateDirChecks(env, info, system, daemonUid));
    findings.add(configCheck(env, system, timeout));
    findings.add(HostChecks.gpus(nvidiaSmi, env, timeout));
    findings.add(
        HostChecks.jdk(
            Runtime.version().feature(),
            Runtime.version().toString(),
            System.getProperty("java.home")));
    return findings;
  }

  /** --state-dir, else the one daemon.info names (to admins), else the mode's default. */
  private List<Finding> stateDirChecks(
      Map<String, String> env, Optional<InfoResult> info, boolean system, long daemonUid) {
    Optional<Path> told = info.map(InfoResult::stateDir).map(Path::of);
    Path state =
        stateDir != null
            ? stateDir
            : told.orElse(DaemonPaths.stateDir(system, env, System.getProperty("user.home")));
    return StateChecks.stateDir(
        state.toAbsolutePath().normalize(), daemonUid, stateDir != null || told.isPresent());
  }

  private Finding configCheck(Map<String, String> env, boolean system, Duration timeout) {
    Path configFile = ConfigCheck.configFile(config, env, system, System.getProperty("user.home"));
    boolean explicit = config != null || env.get("GFLOW_CONFIG") != null;
    return ConfigCheck.check(
        configFile,
        explicit,
        ConfigCheck.findGflowd(gflowd, ConfigCheck.installation(), env),
        timeout);
  }

  /** --socket, $GFLOW_SOCKET, the personal socket if present, the system one if present. */
  private Path socket(Map<String, String> env, long uid) {
    if (options.socket() != null) {
      return options.socket();
    }
    String fromEnv = env.get("GFLOW_SOCKET");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return Path.of(fromEnv);
    }
    Path personal = SocketPaths.personalSocket(env, uid);
    if (!Files.exists(personal, LinkOption.NOFOLLOW_LINKS)
        && Files.exists(SocketPaths.SYSTEM_SOCKET, LinkOption.NOFOLLOW_LINKS)) {
      return SocketPaths.SYSTEM_SOCKET;
    }
    return personal;
  }
}
