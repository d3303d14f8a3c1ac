package io.gflow.cli;

import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.Methods;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonFormatException;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import io.gflow.protocol.rpc.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in daemon for {@link CdsTraining}: answers {@code job.list} with two jobs, the multi-id
 * calls with "done" for each id, {@code auth.whoami} with the caller, and anything else with
 * "method not found", so that the training run walks the clients' successful paths (reply parsing,
 * tables, JSON output) as a real run does. It keeps nothing and changes nothing. One thread serves
 * one connection at a time; close it to stop.
 */
final class TrainingDaemon implements AutoCloseable {
  private static final String JOBS =
      """
      {"jobs": [
        {"id": 44, "array_job_id": 40, "array_task_id": 4, "user": "alice", "uid": 1002,
         "name": "sweep", "state": "PENDING", "reason": "Resources", "priority": 50, "gpus": 1,
         "assigned_gpus": [], "submit_time": "2026-12-01T08:01:00Z", "start_time": null,
         "end_time": null, "exit_code": null, "signal": null, "time_limit": null, "begin": null,
         "depends_on": [], "dependency_mode": "all", "group": null, "project": null,
         "redacted": true, "command": null, "cwd": null, "stdout_path": null,
         "stderr_path": null},
        {"id": 45, "array_job_id": null, "array_task_id": null, "user": "bob", "uid": 1001,
         "name": "run.sh", "state": "RUNNING", "reason": null, "priority": 50, "gpus": 0,
         "assigned_gpus": [], "submit_time": "2026-12-01T08:02:00Z",
         "start_time": "2026-12-01T08:02:01Z", "end_time": null, "exit_code": null,
         "signal": null, "time_limit": 3600, "begin": null, "depends_on": [],
         "dependency_mode": "all", "group": null, "project": null, "redacted": false,
         "command": ["sleep", "600"], "cwd": "/home/bob",
         "stdout_path": "/home/bob/45.out", "stderr_path": "/home/bob/45.out"}
      ], "next": null}
      """;

  private final Path socket;
  private final ServerSocketChannel server;
  private final Thread thread;

  private TrainingDaemon(Path socket, ServerSocketChannel server) {
    this.socket = socket;
    this.server = server;
    this.thread = new Thread(this::serve, "gflow-cds-training-daemon");
    thread.setDaemon(true);
  }

  /** Starts serving on {@code socket}, whose directory must exist. */
  static TrainingDaemon start(Path socket) throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    TrainingDaemon daemon = new TrainingDaemon(socket, server);
    daemon.thread.start();
    return daemon;
  }

  Path socket() {
    return socket;
  }

  private void serve() {
    while (server.isOpen()) {
      try (SocketChannel connection = server.accept()) {
        answer(connection);
      } catch (IOException | JsonFormatException closed) {
        return; // closed by close(); a bad line from a client only ends its connection
      }
    }
  }

  private static void answer(SocketChannel connection) throws IOException, JsonFormatException {
    BufferedReader in =
        new BufferedReader(
            new InputStreamReader(Channels.newInputStream(connection), StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      JsonObject request = (JsonObject) Json.parse(line);
      JsonValue reply = reply(request).toJson();
      ByteBuffer bytes =
          ByteBuffer.wrap((Json.write(reply) + "\n").getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        connection.write(bytes);
      }
    }
  }

  private static Response reply(JsonObject request) throws JsonFormatException {
    JsonValue id = request.get("id");
    String method = request.stringOrNull("method");
    if (Methods.JOB_LIST.equals(method)) {
      return Response.success(id, Json.parse(JOBS));
    }
    if (Methods.AUTH_WHOAMI.equals(method)) {
      return Response.success(
          id,
          Json.parse(
              "{\"uid\": 1001, \"gid\": 1001, \"user\": \"bob\", \"groups\": [1001],"
                  + " \"role\": \"user\", \"pid\": 4242}"));
    }
    if (Methods.JOB_CANCEL.equals(method)
        || Methods.JOB_HOLD.equals(method)
        || Methods.JOB_RELEASE.equals(method)) {
      return Response.success(
          id,
          Json.parse(
              "{\"outcomes\": [{\"id\": 1, \"ok\": true, \"state\": \"CANCELLED\","
                  + " \"error_code\": null, \"message\": null}]}"));
    }
    return Response.failure(id, ErrorCode.METHOD_NOT_FOUND, "not served in training: " + method);
  }

  @Override
  public void close() {
    try {
      server.close();
      Files.deleteIfExists(socket);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }
}
