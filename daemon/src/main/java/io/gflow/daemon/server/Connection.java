package io.gflow.daemon.server;

import io.gflow.daemon.rpc.CallContext;
import io.gflow.daemon.rpc.Dispatcher;
import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonNull;
import io.gflow.protocol.json.JsonStreams;
import io.gflow.protocol.json.JsonValue;
import io.gflow.protocol.rpc.DecodedFrame;
import io.gflow.protocol.rpc.FrameReader;
import io.gflow.protocol.rpc.FrameTooLargeException;
import io.gflow.protocol.rpc.RequestDecoder;
import io.gflow.protocol.rpc.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * One client connection: reads NDJSON frames under the idle and request timeouts, dispatches them,
 * writes replies in request order. Runs on its own thread; {@link #writeStuckSince} and {@link
 * #close} may be called from others.
 */
final class Connection implements Runnable {
  private static final long NOT_WRITING = 0;

  private final Socket socket;
  private final CallContext context;
  private final Dispatcher dispatcher;
  private final ServerSettings settings;
  private final Runnable onClose;
  private volatile long writeStartedNanos = NOT_WRITING;
  private volatile boolean busy;
  private long frameStartedNanos = -1;
  private int soTimeoutMillis = -1; // as last set on the socket; connection thread only

  Connection(
      Socket socket,
      CallContext context,
      Dispatcher dispatcher,
      ServerSettings settings,
      Runnable onClose) {
    this.socket = socket;
    this.context = context;
    this.dispatcher = dispatcher;
    this.settings = settings;
    this.onClose = onClose;
  }

  @Override
  public void run() {
    try {
      serve();
    } catch (IOException closedOrBroken) {
      // The peer went away, or a watchdog closed us: nothing to answer.
    } finally {
      close();
      onClose.run();
    }
  }

  private void serve() throws IOException {
    FrameReader reader =
        new FrameReader(socket.getInputStream(), settings.maxFrameBytes(), this::beforeRead);
    OutputStream out = socket.getOutputStream();
    while (true) {
      byte[] frame;
      try {
        frame = reader.next();
      } catch (FrameTooLargeException tooLarge) {
        write(out, error(ErrorCode.INVALID_REQUEST, "invalid request: " + tooLarge.getMessage()));
        return;
      } catch (SocketTimeoutException timeout) {
        if (frameStartedNanos >= 0) {
          write(
              out,
              error(
                  ErrorCode.INVALID_REQUEST,
                  "invalid request: not completed within "
                      + settings.requestTimeout().toSeconds()
                      + " s"));
        }
        return;
      }
      if (frame == null) {
        return;
      }
      frameStartedNanos = -1;
      busy = true;
      try {
        DecodedFrame decoded = RequestDecoder.decode(frame, 0, frame.length);
        JsonValue reply = reply(decoded);
        if (reply != null) {
          write(out, reply);
        }
        if (decoded.closeAfter()) {
          return;
        }
      } finally {
        busy = false;
      }
    }
  }

  private JsonValue reply(DecodedFrame decoded) {
    if (decoded.frameError() != null) {
      return decoded.frameError().toJson();
    }
    List<JsonValue> replies = new ArrayList<>();
    for (DecodedFrame.Entry entry : decoded.entries()) {
      Response response =
          entry.invalid() != null ? entry.invalid() : dispatcher.dispatch(context, entry.request());
      if (response != null) {
        replies.add(response.toJson());
      }
    }
    if (replies.isEmpty()) {
      return null;
    }
    return decoded.batch() ? new JsonArray(replies) : replies.get(0);
  }

  private static JsonValue error(ErrorCode code, String message) {
    return Response.failure(JsonNull.INSTANCE, code, message).toJson();
  }

  /** Idle timeout between frames; the (shorter) request timeout once a frame has begun. */
  private void beforeRead(boolean midFrame) throws IOException {
    long timeoutMillis;
    if (!midFrame) {
      frameStartedNanos = -1;
      timeoutMillis = settings.idleTimeout().toMillis();
    } else {
      long now = System.nanoTime();
      if (frameStartedNanos < 0) {
        frameStartedNanos = now;
      }
      long elapsed = (now - frameStartedNanos) / 1_000_000;
      timeoutMillis = settings.requestTimeout().toMillis() - elapsed;
      if (timeoutMillis <= 0) {
        throw new SocketTimeoutException("request timeout");
      }
    }
    int timeout = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeoutMillis));
    // A setsockopt per read would double the syscalls of a small request: set it only on change.
    if (timeout != soTimeoutMillis) {
      socket.setSoTimeout(timeout);
      soTimeoutMillis = timeout;
    }
  }

  private void write(OutputStream out, JsonValue reply) throws IOException {
    byte[] bytes = JsonStreams.line(reply);
    writeStartedNanos = System.nanoTime();
    try {
      out.write(bytes);
      out.flush();
    } finally {
      writeStartedNanos = NOT_WRITING;
    }
  }

  /**
   * True when a write has been blocked for longer than the write timeout (a reader that stalls).
   */
  boolean writeStuck(long nowNanos) {
    long started = writeStartedNanos;
    return started != NOT_WRITING && nowNanos - started > settings.writeTimeout().toNanos();
  }

  boolean busy() {
    return busy;
  }

  CallContext context() {
    return context;
  }

  void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing is best effort; the fd is released either way.
    }
  }
}
