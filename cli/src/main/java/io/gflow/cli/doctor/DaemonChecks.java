package io.gflow.cli.doctor;

import io.gflow.protocol.Methods;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.SafeText;
import io.gflow.protocol.Version;
import io.gflow.protocol.client.DaemonUnreachableException;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.client.ServerTrust;
import io.gflow.protocol.control.InfoResult;
import io.gflow.protocol.control.WhoamiResult;
import io.gflow.protocol.json.JsonValue;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Talks to the daemon the way every client does: the server-uid check of {@link ServerTrust}, then
 * {@code daemon.ping}, {@code daemon.info} (version) and {@code auth.whoami} (role), each bounded
 * by a timeout. Not thread-safe; one run per instance.
 */
final class DaemonChecks {
  private final Path socket;
  private final String serverUser;
  private final long callerUid;
  private final Duration timeout;
  private final List<Finding> findings = new ArrayList<>();
  private boolean timedOut;

  /** The findings and what the daemon said about itself, if it answered. */
  record Outcome(List<Finding> findings, Optional<InfoResult> info) {}

  private DaemonChecks(Path socket, String serverUser, long callerUid, Duration timeout) {
    this.socket = socket;
    this.serverUser = serverUser;
    this.callerUid = callerUid;
    this.timeout = timeout;
  }

  static Outcome run(Path socket, String serverUser, long callerUid, Duration timeout) {
    return new DaemonChecks(socket, serverUser, callerUid, timeout).run();
  }

  private Outcome run() {
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "gctl-doctor-rpc");
              thread.setDaemon(true);
              return thread;
            });
    try (RpcClient client = connect()) {
      if (client == null) {
        return new Outcome(findings, Optional.empty());
      }
      findings.add(
          Finding.ok(
              "server uid",
              socket,
              "gflowd runs as a user you trust (root, yourself"
                  + (serverUser == null || serverUser.isBlank()
                      ? ""
                      : " or " + SafeText.escape(serverUser))
                  + ")"));
      return new Outcome(findings, talk(client, executor));
    } catch (IOException closeFailed) {
      return new Outcome(findings, Optional.empty());
    } finally {
      executor.shutdownNow();
    }
  }

  private RpcClient connect() {
    try {
      return RpcClient.connect(socket, ServerTrust.of(callerUid, serverUser));
    } catch (DaemonUnreachableException unreachable) {
      String message = SafeText.escape(String.valueOf(unreachable.getMessage()), 500);
      if (message.startsWith("refusing to talk")) {
        findings.add(
            Finding.fail(
                "server uid",
                socket,
                message.replaceFirst(" \\(set GFLOW_SERVER_USER if you trust it\\)$", ""),
                "if that user really runs gflowd, set GFLOW_SERVER_USER to it; otherwise stop"
                    + " that process and start gflowd as root or yourself"));
      } else if (message.startsWith("GFLOW_SERVER_USER")) {
        findings.add(
            Finding.fail("server uid", "GFLOW_SERVER_USER", message, "unset it or fix the name"));
      } else {
        findings.add(
            Finding.fail(
                "daemon",
                socket,
                unreachable.nothingListening()
                    ? "not running: nobody listens on the socket (left by a daemon that died?)"
                    : message,
                unreachable.nothingListening()
                    ? SocketChecks.startFix(socket)
                    : "ask an admin to let you reach the socket's directory (group or mode)"));
      }
      return null;
    } catch (IOException failed) {
      findings.add(Finding.fail("daemon", socket, failed.toString(), "see gctl ping --debug"));
      return null;
    }
  }

  private Optional<InfoResult> talk(RpcClient client, ExecutorService executor) {
    long start = System.nanoTime();
    if (call(client, executor, Methods.DAEMON_PING).isEmpty()) {
      return Optional.empty();
    }
    findings.add(
        Finding.ok(
            "daemon",
            socket,
            String.format("answers daemon.ping (%.1f ms)", (System.nanoTime() - start) / 1e6)));
    Optional<InfoResult> info =
        call(client, executor, Methods.DAEMON_INFO).map(InfoResult::fromJson);
    info.ifPresent(this::version);
    call(client, executor, Methods.AUTH_WHOAMI).map(WhoamiResult::fromJson).ifPresent(this::role);
    return info;
  }

  private void version(InfoResult info) {
    String ours = Version.current();
    if (ours.equals(info.version())) {
      findings.add(
          Finding.ok(
              "version",
              "gflowd pid " + info.pid(),
              "gflow " + SafeText.escape(ours) + ", mode " + SafeText.escape(info.mode())));
    } else {
      findings.add(
          Finding.warn(
              "version",
              "gflowd pid " + info.pid(),
              "the daemon runs gflow "
                  + SafeText.escape(info.version())
                  + ", this gctl is "
                  + SafeText.escape(ours),
              "restart the daemon on the installed version: gflowd stop && gflowd start, or"
                  + " systemctl restart gflowd"));
    }
  }

  private void role(WhoamiResult who) {
    String you =
        "you are "
            + SafeText.escape(who.user())
            + " (uid "
            + who.uid()
            + "), role "
            + who.role().wireName();
    String meaning =
        switch (who.role()) {
          case ADMIN -> ": root, the daemon's user, in admin_users or in admin_groups";
          case OPERATOR -> ": in operator_users or operator_groups; host settings need an admin";
          case USER ->
              ": allowed to connect; admin commands need admin_users or admin_groups"
                  + " (default gflow-admin)";
        };
    findings.add(Finding.ok("role", SafeText.escape(who.user()), you + meaning));
  }

  /** One call bounded by the timeout; on failure adds a FAIL finding and returns empty. */
  private Optional<JsonValue> call(RpcClient client, ExecutorService executor, String method) {
    if (timedOut) {
      return Optional.empty(); // the connection is gone; one line says why
    }
    Future<JsonValue> reply = executor.submit(() -> client.call(method, null));
    try {
      return Optional.of(reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException slow) {
      reply.cancel(true);
      timedOut = true;
      findings.add(
          Finding.fail(
              "daemon",
              socket,
              method + " got no answer within " + timeout.toSeconds() + " s",
              "look at the daemon's log (gflowd.log in its state dir, or journalctl -u gflowd)"));
    } catch (ExecutionException failed) {
      Throwable cause = failed.getCause();
      String message =
          cause instanceof RpcException rpc
              ? rpc.code() + ": " + rpc.getMessage()
              : String.valueOf(cause);
      findings.add(
          Finding.fail(
              "daemon",
              socket,
              method + " failed: " + SafeText.escape(message, 500),
              "look at the daemon's log (gflowd.log in its state dir, or journalctl -u gflowd)"));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    return Optional.empty();
  }
}
