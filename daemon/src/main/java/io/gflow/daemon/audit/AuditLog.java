package io.gflow.daemon.audit;

import io.gflow.daemon.rpc.CallContext;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of SPEC §6.8: one JSON line per privileged or denied call (time, uid, user, pid,
 * role, method, target, outcome), appended to {@code audit.log} (mode 0640) in the state dir.
 * Thread-safe.
 */
public final class AuditLog implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
  private static final int MAX_REASON = 300;

  private final Path file;
  private final Clock clock;
  private final Object lock = new Object();
  // guarded by lock
  private final FileChannel channel;

  private AuditLog(Path file, FileChannel channel, Clock clock) {
    this.file = file;
    this.channel = channel;
    this.clock = clock;
  }

  /** Opens (creating 0640, never following a symlink) the audit log at {@code file}. */
  public static AuditLog open(Path file, Clock clock) throws IOException {
    FileChannel channel =
        FileChannel.open(
            file,
            Set.of(
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND,
                StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    return new AuditLog(file, channel, clock);
  }

  public Path file() {
    return file;
  }

  /**
   * Appends one record. A failure to write is logged, never thrown: the call itself has already
   * been decided.
   */
  public void record(
      CallContext context, String method, String target, String outcome, String reason) {
    JsonObject.Builder line =
        JsonObject.builder()
            .put("time", clock.instant().toString())
            .put("uid", context.caller().uid())
            .put("user", context.caller().userName())
            .put("pid", context.caller().pid())
            .put("role", context.role().wireName())
            .put("method", method)
            .put("target", JsonValue.of(target))
            .put("outcome", outcome);
    if (reason != null) {
      line.put(
          "reason", reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason);
    }
    byte[] bytes = (Json.write(line.build()) + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (lock) {
      try {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      } catch (IOException failed) {
        LOG.error("cannot write audit record to {}: {}", file, failed.toString());
      }
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (lock) {
      channel.close();
    }
  }
}
