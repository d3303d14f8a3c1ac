package io.gflow.protocol.client;

import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.json.JsonFormatException;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import io.gflow.protocol.rpc.FrameReader;
import io.gflow.protocol.rpc.FrameWriter;
import io.gflow.protocol.rpc.Request;
import io.gflow.protocol.rpc.Response;
import java.io.IOException;
import java.net.SocketException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * A blocking JSON-RPC client over one AF_UNIX connection, built on the JDK's own {@link
 * SocketChannel} (no native library). It checks the server's peer uid before sending anything. Not
 * thread-safe: one caller at a time.
 */
public final class RpcClient implements AutoCloseable {
  /** Replies can be large (job listings); they still have a bound. */
  private static final int MAX_REPLY_BYTES = 256 * 1024 * 1024;

  /**
   * The most bytes read at once: a listing's page can be megabytes, and on a cold JVM each read
   * costs tens of microseconds of not yet compiled JDK code besides the copy.
   */
  private static final int MAX_READ_BYTES = 256 * 1024;

  private final Path socket;
  private final SocketChannel channel;
  private final FrameReader reader;
  private final FrameWriter frames = new FrameWriter();
  private long nextId = 1;

  private RpcClient(Path socket, SocketChannel channel) {
    this.socket = socket;
    this.channel = channel;
    this.reader =
        new FrameReader(Channels.newInputStream(channel), MAX_REPLY_BYTES, MAX_READ_BYTES);
  }

  /** Connects to {@code socket} and verifies that the server runs as a user {@code trust} names. */
  public static RpcClient connect(Path socket, ServerTrust trust)
      throws DaemonUnreachableException {
    SocketChannel channel;
    try {
      channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
    } catch (IOException | IllegalArgumentException failed) {
      throw new DaemonUnreachableException(
          "cannot reach gflowd at "
              + socket
              + ": "
              + describe(failed)
              + " ("
              + hintFor(failed, socket)
              + ")",
          failed,
          !String.valueOf(failed.getMessage()).contains("Permission denied"));
    }
    try {
      UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
      UserPrincipal server = peer.user();
      if (!trust.trusts(server)) {
        throw new DaemonUnreachableException(trust.refusal(socket, server));
      }
      return new RpcClient(socket, channel);
    } catch (IOException | RuntimeException failed) {
      closeQuietly(channel, failed);
      if (failed instanceof DaemonUnreachableException unreachable) {
        throw unreachable;
      }
      throw new DaemonUnreachableException(
          "cannot check who serves " + socket + ": " + failed.getMessage(), failed, false);
    }
  }

  private static String describe(Exception failed) {
    String message = String.valueOf(failed.getMessage());
    if (message.contains("No such file")) {
      return "no such file";
    }
    if (message.contains("Connection refused")) {
      return "connection refused";
    }
    if (message.contains("Permission denied")) {
      return "permission denied";
    }
    return message;
  }

  private static String hintFor(Exception failed, Path socket) {
    if (String.valueOf(failed.getMessage()).contains("Permission denied")) {
      return "ask an admin to let you reach the socket's directory (group or mode)";
    }
    return SocketPaths.startHint(socket);
  }

  private static void closeQuietly(SocketChannel channel, Exception primary) {
    try {
      channel.close();
    } catch (IOException closeFailed) {
      primary.addSuppressed(closeFailed);
    }
  }

  public Path socket() {
    return socket;
  }

  /**
   * Calls {@code method} and returns its result.
   *
   * @throws RpcException when the daemon answers with an error
   * @throws IOException when the connection fails
   */
  public JsonValue call(String method, JsonObject params) throws IOException {
    long id = nextId++;
    return resultOf(exchange(new Request(JsonNumber.of(id), method, params)), id);
  }

  /**
   * Calls {@code method} and returns the reply frame undecoded (UTF-8, without its newline), for a
   * caller that streams a big result instead of building its tree; {@link #result} decodes it.
   *
   * @throws IOException when the connection fails or closes without a reply
   */
  public byte[] callForFrame(String method, JsonObject params) throws IOException {
    long id = nextId++;
    IOException writeFailure = tryWrite(new Request(JsonNumber.of(id), method, params));
    try {
      return nextFrame();
    } catch (IOException closed) {
      throw withWriteFailure(closed, writeFailure);
    }
  }

  /**
   * Sends a request without waiting for its reply, so that a caller can ask for the next page of a
   * listing while it shows this one; replies come in request order ({@link #nextFrame}).
   *
   * @return the request's id
   */
  public long sendRequest(String method, JsonObject params) throws IOException {
    long id = nextId++;
    writeRequest(new Request(JsonNumber.of(id), method, params));
    return id;
  }

  /**
   * The next reply frame, undecoded.
   *
   * @throws IOException when the connection fails or closes without a reply
   */
  public byte[] nextFrame() throws IOException {
    byte[] frame;
    try {
      frame = reader.next();
    } catch (SocketException reset) {
      frame = null;
    }
    if (frame == null) {
      throw closedWithoutReply();
    }
    return frame;
  }

  /** The id of the last request sent. */
  public long lastId() {
    return nextId - 1;
  }

  /**
   * Decodes the reply frame to request {@code id}, as {@link #call} would.
   *
   * @throws RpcException when the daemon answered with an error or sent no valid reply
   */
  public static JsonValue result(byte[] frame, long id) {
    return resultOf(decode(frame, frame.length), id);
  }

  /** The result of {@code response}, the reply to request {@code id}, or its error thrown. */
  private static JsonValue resultOf(Response response, long id) {
    if (!JsonNumber.of(id).equals(response.id()) && response.error() == null) {
      throw new RpcException(ErrorCode.INTERNAL_ERROR, "daemon answered another request");
    }
    return response.resultOrThrow();
  }

  private static Response decode(byte[] frame, int length) {
    try {
      return Response.decode(frame, 0, length);
    } catch (JsonFormatException bad) {
      throw new RpcException(
          ErrorCode.INTERNAL_ERROR, "daemon sent invalid JSON: " + bad.getMessage());
    }
  }

  /** Sends one request and reads one reply (the daemon may reply early and close on errors). */
  public Response exchange(Request request) throws IOException {
    IOException writeFailure = tryWrite(request);
    int length;
    try {
      length = reader.nextInPlace();
    } catch (SocketException reset) {
      length = -1;
    }
    if (length < 0) {
      throw withWriteFailure(closedWithoutReply(), writeFailure);
    }
    return decode(reader.frame(), length);
  }

  /**
   * Writes {@code request}; a failure is returned, not thrown: the daemon may have refused us and
   * closed, and its reason is the reply to read first.
   */
  private IOException tryWrite(Request request) {
    try {
      writeRequest(request);
      return null;
    } catch (IOException failed) {
      return failed;
    }
  }

  private IOException closedWithoutReply() {
    return new IOException("gflowd at " + socket + " closed the connection without a reply");
  }

  private static IOException withWriteFailure(IOException closed, IOException writeFailure) {
    if (writeFailure != null) {
      closed.addSuppressed(writeFailure);
    }
    return closed;
  }

  private void writeRequest(Request request) throws IOException {
    frames.request(request);
    write(ByteBuffer.wrap(frames.bytes(), 0, frames.length()));
    frames.trim();
  }

  /** Writes one line as is; for tests and tools that speak the protocol directly. */
  public void send(String line) throws IOException {
    write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
  }

  private void write(ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
