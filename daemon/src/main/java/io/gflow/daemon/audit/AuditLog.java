package io.gflow.daemon.audit;

import io.gflow.daemon.config.AuditSettings;
import io.gflow.daemon.rpc.CallContext;
import io.gflow.protocol.control.AuditRecord;
import io.gflow.protocol.control.AuditRequest;
import io.gflow.protocol.json.Json;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of SPEC §6.8: one JSON line per privileged or denied call (time, uid, user, pid,
 * role, method, target, outcome, and a reason for denials), appended to {@code audit.log} (mode
 * 0640) in the state dir and rotated by size to {@code audit.log.1} … {@code audit.log.<keep>}. It
 * never holds request params other than the target the caller names. Thread-safe.
 */
public final class AuditLog implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
  private static final int MAX_REASON = 300;
  private static final Set<PosixFilePermission> MODE = PosixFilePermissions.fromString("rw-r-----");

  private final Path file;
  private final Clock clock;
  private final AuditSettings settings;
  private final Object lock = new Object();
  private volatile Consumer<String> denials = method -> {};
  // guarded by lock
  private FileChannel channel;
  // guarded by lock: bytes in the current file
  private long size;

  private AuditLog(Path file, FileChannel channel, Clock clock, AuditSettings settings)
      throws IOException {
    this.file = file;
    this.channel = channel;
    this.clock = clock;
    this.settings = settings;
    this.size = channel.size();
  }

  /** Opens the audit log at {@code file} with the default rotation (10 MiB, 5 files). */
  public static AuditLog open(Path file, Clock clock) throws IOException {
    return open(file, clock, AuditSettings.defaults());
  }

  /** Opens (creating 0640, never following a symlink) the audit log at {@code file}. */
  public static AuditLog open(Path file, Clock clock, AuditSettings settings) throws IOException {
    return new AuditLog(file, openChannel(file), clock, settings);
  }

  private static FileChannel openChannel(Path file) throws IOException {
    FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(MODE);
    FileChannel channel =
        FileChannel.open(
            file,
            Set.of(
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND,
                StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS),
            mode);
    Files.setPosixFilePermissions(file, MODE);
    return channel;
  }

  public Path file() {
    return file;
  }

  /** Tells {@code listener} the method of every denial recorded from now on (for metrics). */
  public void observeDenials(Consumer<String> listener) {
    denials = listener;
  }

  /** The file that holds the {@code index}-th rotation ({@code audit.log.1} is the newest). */
  Path rotated(int index) {
    return file.resolveSibling(file.getFileName() + "." + index);
  }

  /**
   * Appends one record. A failure to write is logged, never thrown: the call itself has already
   * been decided.
   *
   * @param target the object the call acts on ({@code "job 42"}, {@code "user=bob"}), or null
   * @param reason why it was denied or failed, or null; never a request param value
   */
  public void record(
      CallContext context, String method, String target, String outcome, String reason) {
    AuditRecord line =
        new AuditRecord(
            clock.instant(),
            context.caller().uid(),
            context.caller().userName(),
            context.caller().pid(),
            context.role(),
            method,
            target,
            outcome,
            reason == null || reason.length() <= MAX_REASON
                ? reason
                : reason.substring(0, MAX_REASON) + "…");
    byte[] bytes = (Json.write(line.toJson()) + "\n").getBytes(StandardCharsets.UTF_8);
    if ("denied".equals(outcome)) {
      denials.accept(method);
    }
    synchronized (lock) {
      try {
        if (size > 0 && size + bytes.length > settings.maxBytes()) {
          try {
            rotate();
          } catch (IOException failed) {
            // Better an oversized file than a lost record.
            LOG.error("cannot rotate audit log {}: {}", file, failed.toString());
          }
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        size += bytes.length;
      } catch (IOException failed) {
        LOG.error("cannot write audit record to {}: {}", file, failed.toString());
      }
    }
  }

  /**
   * audit.log.(keep-1) → .keep, …, audit.log → .1, and a fresh audit.log. Holds lock. Whatever
   * fails, audit.log is open again afterwards, so one failed rotation does not stop the trail.
   */
  private void rotate() throws IOException {
    channel.close();
    try {
      for (int index = settings.keep() - 1; index >= 1; index--) {
        if (Files.exists(rotated(index), LinkOption.NOFOLLOW_LINKS)) {
          Files.move(
              rotated(index),
              rotated(index + 1),
              StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
        }
      }
      Files.move(
          file, rotated(1), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      channel = openChannel(file);
      size = channel.size();
    }
  }

  /**
   * The newest {@code request.limit()} records matching the request, oldest first, from the rotated
   * files and the current one. Lines that are not records are skipped.
   */
  public List<AuditRecord> read(AuditRequest request) throws IOException {
    List<FileChannel> files = new ArrayList<>();
    try {
      synchronized (lock) {
        // Open every file under the lock: a rotation after this renames them, but what we read
        // through the open channels stays consistent.
        for (int index = settings.keep(); index >= 1; index--) {
          openForReading(rotated(index), files);
        }
        openForReading(file, files);
      }
      return AuditReader.read(files, request);
    } finally {
      for (FileChannel opened : files) {
        opened.close();
      }
    }
  }

  private static void openForReading(Path path, List<FileChannel> files) throws IOException {
    if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      files.add(FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (lock) {
      channel.close();
    }
  }
}
