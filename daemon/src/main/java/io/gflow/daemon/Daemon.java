package io.gflow.daemon;

import io.gflow.daemon.audit.AuditLog;
import io.gflow.daemon.auth.CachingDirectory;
import io.gflow.daemon.auth.CallerResolver;
import io.gflow.daemon.auth.NssDirectory;
import io.gflow.daemon.auth.RoleResolver;
import io.gflow.daemon.config.ConfigException;
import io.gflow.daemon.config.ConfigLoader;
import io.gflow.daemon.config.DaemonConfig;
import io.gflow.daemon.config.Limits;
import io.gflow.daemon.config.StartOnlyKeys;
import io.gflow.daemon.control.ControlHandlers;
import io.gflow.daemon.control.InspectionHandlers;
import io.gflow.daemon.debug.DebugState;
import io.gflow.daemon.jobs.JobPolicy;
import io.gflow.daemon.jobs.JobSystem;
import io.gflow.daemon.metrics.Metrics;
import io.gflow.daemon.rpc.Dispatcher;
import io.gflow.daemon.rpc.MethodSpec;
import io.gflow.daemon.server.RpcServer;
import io.gflow.daemon.server.ServerSettings;
import io.gflow.daemon.socket.DirPolicy;
import io.gflow.daemon.socket.InheritedSocket;
import io.gflow.daemon.socket.NativeLibraries;
import io.gflow.daemon.socket.SocketGuard;
import io.gflow.daemon.socket.SocketSetupException;
import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.ErrorData;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.Version;
import io.gflow.protocol.control.InfoResult;
import io.gflow.protocol.control.ReloadResult;
import io.gflow.protocol.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running gflowd: config, socket guard, audit log, dispatcher and listener wired together. It
 * goes start → bound → ready in {@link #start}; {@link #close} stops it and removes its socket.
 * Thread-safe.
 */
public final class Daemon implements AutoCloseable, ControlHandlers.DaemonControl {
  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
  private static final int BACKLOG = 128;

  /** The config in force and the role rules derived from it; swapped whole on reload. */
  private record Live(DaemonConfig config, RoleResolver roles) {}

  private final DaemonSettings settings;
  private final Optional<AFUNIXServerSocket> inherited;
  private final Clock clock;
  private final Instant started;
  private final Closer closer = new Closer();
  private final AtomicReference<Live> live = new AtomicReference<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean closing = new AtomicBoolean();
  // the config the daemon started with; its start-only keys stay in force until a restart
  private DaemonConfig startConfig;
  private CachingDirectory accounts;
  private AuditLog audit;
  private RpcServer server;
  private JobSystem jobs;

  private Daemon(DaemonSettings settings, Clock clock, Optional<AFUNIXServerSocket> inherited) {
    this.settings = settings;
    this.inherited = inherited;
    inherited.ifPresent(closer::register);
    this.clock = clock;
    this.started = clock.instant();
  }

  /** Starts a daemon that binds its own socket and returns once it is ready to serve. */
  public static Daemon start(DaemonSettings settings, DaemonConfig config, Clock clock)
      throws IOException, StartupException {
    return start(settings, config, clock, Optional.empty());
  }

  /**
   * Starts a daemon and returns once it is ready to serve; with {@code inherited} (systemd socket
   * activation) it serves that socket instead of binding one, at the path the kernel gives for it
   * whatever {@code settings.socket()} says, and never unlinks it.
   */
  public static Daemon start(
      DaemonSettings settings,
      DaemonConfig config,
      Clock clock,
      Optional<InheritedSocket> inherited)
      throws IOException, StartupException {
    StateDir.prepare(settings.stateDir(), settings.ownUid(), settings.mode() == Mode.SYSTEM);
    NativeLibraries.usePrivateDir(settings.stateDir());
    Optional<AFUNIXServerSocket> listener = Optional.empty();
    if (inherited.isPresent()) {
      InheritedSocket.Listener opened;
      try {
        opened = inherited.get().open();
      } catch (SocketSetupException refused) {
        throw new StartupException(refused.getMessage());
      }
      listener = Optional.of(opened.socket());
      settings = servingInheritedPath(settings, opened.path());
    }
    Daemon daemon = new Daemon(settings, clock, listener);
    try {
      daemon.startComponents(config);
    } catch (IOException | StartupException | RuntimeException failed) {
      try {
        daemon.closer.close();
      } catch (IOException | RuntimeException closeFailed) {
        failed.addSuppressed(closeFailed);
      }
      throw failed;
    }
    return daemon;
  }

  /**
   * Settings whose socket is the one systemd bound: that is where clients connect, whatever the
   * flags or config say.
   */
  private static DaemonSettings servingInheritedPath(DaemonSettings settings, Path inherited) {
    if (inherited.equals(settings.socket())) {
      return settings;
    }
    LOG.warn(
        "serving {}, the socket passed by systemd, instead of the configured {}",
        inherited,
        settings.socket());
    return new DaemonSettings(
        settings.mode(),
        inherited,
        settings.stateDir(),
        settings.configFile(),
        settings.configRequired(),
        settings.ownUid());
  }

  private void startComponents(DaemonConfig config) throws IOException, StartupException {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "gflowd-timer");
              thread.setDaemon(true);
              return thread;
            });
    closer.register(timer::shutdownNow);
    accounts = new CachingDirectory(new NssDirectory(), clock);
    startConfig = config;
    live.set(new Live(config, new RoleResolver(config, settings.ownUid(), accounts)));
    logWarnings();
    SocketGuard guard = guardSocket();
    audit =
        closer.register(
            AuditLog.open(settings.stateDir().resolve("audit.log"), clock, config.audit()));
    Metrics metrics = new Metrics();
    audit.observeDenials(metrics::denial);
    DebugState state = new DebugState();
    jobs =
        closer.register(
            JobSystem.start(
                new JobSystem.Context(
                    settings.stateDir(),
                    settings.mode() == Mode.SYSTEM,
                    config.scheduler(),
                    clock,
                    timer,
                    audit,
                    this::jobPolicy,
                    accounts::lookupUser,
                    uid -> accounts.lookupUid(uid).map(account -> account.name()))));
    jobs.instrument(metrics, state);
    List<MethodSpec> methods = new ArrayList<>(ControlHandlers.methods(this, metrics));
    methods.addAll(InspectionHandlers.methods(audit, state));
    methods.addAll(jobs.methods());
    Dispatcher dispatcher = new Dispatcher(methods, audit, metrics);
    Admission admission =
        new Admission(() -> live.get().roles(), new CallerResolver(accounts), audit);
    AFUNIXServerSocket serverSocket = listen(guard);
    Supplier<ServerSettings> serverSettings = () -> serverSettings(live.get().config().limits());
    server =
        closer.register(
            new RpcServer(
                serverSocket, admission::admit, dispatcher, serverSettings, metrics, timer));
    server.start();
    state.section("daemon", this::daemonState);
    state.section("connections", server::debugState);
    LOG.info(
        "gflowd {} ready {} ms after the JVM started: mode {}, socket {}, state {}",
        Version.current(),
        millisSinceJvmStart(),
        settings.mode().wireName(),
        settings.socket(),
        settings.stateDir());
  }

  /** For the ready line: how long the start took since the JVM started. */
  private static long millisSinceJvmStart() {
    return ManagementFactory.getRuntimeMXBean().getUptime();
  }

  private JsonObject daemonState() {
    return JsonObject.builder()
        .put("version", Version.current())
        .put("pid", ProcessHandle.current().pid())
        .put("mode", settings.mode().wireName())
        .put("socket", settings.socket().toString())
        .put("state_dir", settings.stateDir().toString())
        .put("uptime_seconds", Duration.between(started, clock.instant()).toSeconds())
        .build();
  }

  /** Takes the socket path: checks, lock, and (when binding) removal of our own stale socket. */
  private SocketGuard guardSocket() throws StartupException {
    DirPolicy policy = settings.mode() == Mode.SYSTEM ? DirPolicy.SYSTEM : DirPolicy.PERSONAL;
    try {
      return closer.register(
          inherited.isPresent()
              ? SocketGuard.adopt(settings.socket(), settings.ownUid(), policy)
              : SocketGuard.acquire(settings.socket(), settings.ownUid(), policy));
    } catch (SocketSetupException refused) {
      throw new StartupException(refused.getMessage());
    }
  }

  /** The listening socket: systemd's descriptor 3, or one bound now at the guarded path. */
  private AFUNIXServerSocket listen(SocketGuard guard) throws IOException, StartupException {
    if (inherited.isPresent()) {
      LOG.info("serving the socket passed by systemd (descriptor 3): {}", settings.socket());
      return inherited.get();
    }
    AFUNIXServerSocket serverSocket = AFUNIXServerSocket.newInstance();
    serverSocket.setDeleteOnClose(false);
    serverSocket.bind(AFUNIXSocketAddress.of(settings.socket()), BACKLOG);
    try {
      guard.bound();
    } catch (SocketSetupException replaced) {
      serverSocket.close();
      throw new StartupException(replaced.getMessage());
    }
    return serverSocket;
  }

  private JobPolicy jobPolicy() {
    DaemonConfig config = live.get().config();
    return new JobPolicy(
        config.privateData(),
        config.allowRootJobs(),
        settings.mode() == Mode.SYSTEM,
        settings.ownUid());
  }

  private static ServerSettings serverSettings(Limits limits) {
    return new ServerSettings(
        limits.maxConnections(),
        limits.maxConnectionsPerUid(),
        limits.idleTimeout(),
        limits.requestTimeout(),
        limits.writeTimeout(),
        limits.maxFrameBytes());
  }

  private void logWarnings() {
    for (String warning : live.get().roles().warnings()) {
      LOG.warn("config: {}", warning);
    }
  }

  @Override
  public Supplier<InfoResult> info() {
    return () ->
        new InfoResult(
            Version.current(),
            ProcessHandle.current().pid(),
            Duration.between(started, clock.instant()).toSeconds(),
            settings.mode().wireName(),
            settings.socket().toString(),
            counts(),
            jobs.draining(),
            settings.stateDir().toString());
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    counts.put("connections", (long) server.openConnections());
    jobs.counts()
        .forEach(
            (state, count) ->
                counts.put("jobs_" + state.wireName().toLowerCase(Locale.ROOT), count));
    return counts;
  }

  @Override
  public ReloadResult reload() {
    Path file = settings.configFile();
    DaemonConfig config;
    try {
      config =
          settings.configRequired() ? ConfigLoader.load(file) : ConfigLoader.loadOptional(file);
    } catch (ConfigException refused) {
      throw new RpcException(
          ErrorCode.INVALID_PARAMS,
          "config refused, the old one stays in force: " + refused.getMessage(),
          ErrorData.hint("fix the file and reload again; check it with gflowd run --check-config"));
    }
    accounts.flush();
    jobs.accountsChanged();
    live.set(new Live(config, new RoleResolver(config, settings.ownUid(), accounts)));
    logWarnings();
    List<String> restartRequired = StartOnlyKeys.changed(startConfig, config);
    LOG.info("config reloaded from {}", file);
    if (!restartRequired.isEmpty()) {
      LOG.warn("config: {} changed but take(s) effect only after a restart", restartRequired);
    }
    return new ReloadResult(file == null ? null : file.toString(), restartRequired);
  }

  @Override
  public void requestShutdown() {
    Thread stopper =
        new Thread(
            () -> {
              try {
                close();
              } catch (IOException | RuntimeException failed) {
                LOG.error("shutdown failed: {}", failed.toString());
              }
            },
            "gflowd-shutdown");
    stopper.start();
  }

  public DaemonSettings settings() {
    return settings;
  }

  /** Blocks until the daemon has stopped (by {@link #close}, admin.shutdown or a signal). */
  public boolean awaitStopped(long timeout, TimeUnit unit) throws InterruptedException {
    return stopped.await(timeout, unit);
  }

  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  @Override
  public void close() throws IOException {
    if (!closing.compareAndSet(false, true)) {
      try {
        stopped.await();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    try {
      LOG.info("gflowd stopping");
      closer.close();
    } finally {
      stopped.countDown();
    }
  }
}
