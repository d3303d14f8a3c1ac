package io.gflow.daemon.server;

import io.gflow.daemon.metrics.Metrics;
import io.gflow.daemon.rpc.CallContext;
import io.gflow.daemon.rpc.Dispatcher;
import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonNull;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.rpc.Response;
import io.gflow.protocol.rpc.RpcError;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AF_UNIX listener: accepts, learns the peer from SO_PEERCRED, applies the connection caps and
 * serves each admitted connection on its own thread. Thread-safe; start once, close once.
 */
public final class RpcServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);
  private static final long UNSIGNED_32 = 0xFFFF_FFFFL;
  private static final long CONNECTION_THREAD_STACK = 256 * 1024;
  private static final long DRAIN_MILLIS = 2000;

  private final AFUNIXServerSocket serverSocket;
  private final Gatekeeper gatekeeper;
  private final Dispatcher dispatcher;
  private final Supplier<ServerSettings> settings;
  private final Metrics metrics;
  private final ScheduledExecutorService timer;
  private final ConnectionLimiter limiter = new ConnectionLimiter();
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private final ExecutorService workers;
  private final Thread acceptThread;
  private volatile boolean closing;
  private ScheduledFuture<?> watchdog;

  public RpcServer(
      AFUNIXServerSocket serverSocket,
      Gatekeeper gatekeeper,
      Dispatcher dispatcher,
      Supplier<ServerSettings> settings,
      Metrics metrics,
      ScheduledExecutorService timer) {
    this.serverSocket = serverSocket;
    this.gatekeeper = gatekeeper;
    this.dispatcher = dispatcher;
    this.settings = settings;
    this.metrics = metrics;
    this.timer = timer;
    AtomicInteger threadNumber = new AtomicInteger();
    this.workers =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread =
                  new Thread(
                      null,
                      task,
                      "gflowd-conn-" + threadNumber.incrementAndGet(),
                      CONNECTION_THREAD_STACK);
              thread.setDaemon(true);
              return thread;
            });
    this.acceptThread = new Thread(this::acceptLoop, "gflowd-accept");
    metrics.gauge("gflow_connections_open", limiter::open);
  }

  /** Starts accepting; the socket must already be bound. */
  public void start() {
    watchdog = timer.scheduleWithFixedDelay(this::closeStuckWriters, 1, 1, TimeUnit.SECONDS);
    acceptThread.start();
  }

  public int openConnections() {
    return limiter.open();
  }

  /** The {@code connections} section of {@code debug.state}: open connections, also per uid. */
  public JsonObject debugState() {
    JsonObject.Builder perUid = JsonObject.builder();
    new TreeMap<>(limiter.openPerUid())
        .forEach((uid, open) -> perUid.put(Long.toString(uid), (long) open));
    return JsonObject.builder().put("open", limiter.open()).put("per_uid", perUid.build()).build();
  }

  private void acceptLoop() {
    while (!closing) {
      AFUNIXSocket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException failed) {
        if (!closing) {
          LOG.error("accept failed; the listener stops: {}", failed.toString());
        }
        return;
      }
      try {
        admit(socket);
      } catch (RuntimeException | IOException failed) {
        LOG.warn("dropping a connection: {}", failed.toString());
        closeQuietly(socket);
      }
    }
  }

  private void admit(AFUNIXSocket socket) throws IOException {
    AFUNIXSocketCredentials credentials = socket.getPeerCredentials();
    long uid = credentials.getUid() & UNSIGNED_32;
    long gid = credentials.getGid() & UNSIGNED_32;
    long pid = credentials.getPid();
    ServerSettings current = settings.get();
    ConnectionLimiter.Admission admission =
        limiter.tryAdmit(uid, current.maxConnections(), current.maxConnectionsPerUid());
    if (admission != ConnectionLimiter.Admission.ADMITTED) {
      metrics.connection(admission == ConnectionLimiter.Admission.UID_CAP ? "uid_cap" : "cap");
      String limit =
          admission == ConnectionLimiter.Admission.UID_CAP
              ? current.maxConnectionsPerUid() + " open connections per user"
              : current.maxConnections() + " open connections";
      refuse(
          socket,
          new RpcException(
              ErrorCode.TOO_MANY,
              "too many connections: gflowd allows " + limit + "; close some and retry"));
      return;
    }
    try {
      workers.execute(() -> serveAdmitted(socket, uid, gid, pid, current));
    } catch (RejectedExecutionException shuttingDown) {
      limiter.release(uid);
      closeQuietly(socket);
    }
  }

  private void serveAdmitted(
      AFUNIXSocket socket, long uid, long gid, long pid, ServerSettings current) {
    CallContext context;
    try {
      context = gatekeeper.admit(uid, gid, pid);
    } catch (RpcException refused) {
      metrics.connection("refused");
      refuse(socket, refused);
      limiter.release(uid);
      return;
    }
    metrics.connection("admitted");
    Connection connection =
        new Connection(socket, context, dispatcher, current, () -> limiter.release(uid));
    connections.add(connection);
    try {
      if (closing) {
        connection.close();
        limiter.release(uid);
        return;
      }
      connection.run();
    } finally {
      connections.remove(connection);
    }
  }

  /** Sends one error reply (id null) and closes; used before any request is read. */
  private static void refuse(AFUNIXSocket socket, RpcException reason) {
    try {
      OutputStream out = socket.getOutputStream();
      String line =
          Json.write(Response.failure(JsonNull.INSTANCE, RpcError.of(reason)).toJson()) + "\n";
      out.write(line.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException peerGone) {
      // The refusal is best effort.
    } finally {
      closeQuietly(socket);
    }
  }

  private void closeStuckWriters() {
    long now = System.nanoTime();
    for (Connection connection : connections) {
      if (connection.writeStuck(now)) {
        LOG.warn(
            "closing a connection of uid {}: a reply could not be written in time",
            connection.context().caller().uid());
        connection.close();
      }
    }
  }

  private static void closeQuietly(AFUNIXSocket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Nothing more to do for a socket we are dropping.
    }
  }

  /**
   * Stops accepting, lets requests in progress finish writing their replies (briefly), then closes
   * every connection.
   */
  @Override
  public void close() throws IOException {
    if (closing) {
      return;
    }
    closing = true;
    try {
      serverSocket.close();
    } finally {
      if (watchdog != null) {
        watchdog.cancel(false);
      }
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
      for (Connection connection : connections) {
        while (connection.busy() && System.nanoTime() < deadline) {
          try {
            Thread.sleep(5);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            break;
          }
        }
        connection.close();
      }
      workers.shutdownNow();
      try {
        acceptThread.join(DRAIN_MILLIS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
