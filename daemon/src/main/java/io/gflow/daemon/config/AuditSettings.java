package io.gflow.daemon.config;

import static io.gflow.daemon.config.DurationParser.checkRange;

/**
 * Audit log rotation ({@code [audit]} in gflowd.toml): when {@code audit.log} would grow past
 * {@code maxBytes} it becomes {@code audit.log.1}, older ones shift up, and at most {@code keep}
 * rotated files are kept. Immutable and thread-safe.
 */
public record AuditSettings(int maxBytes, int keep) {
  static final int MAX_BYTES_MIN = 1024;
  static final int MAX_BYTES_MAX = 1 << 30;
  static final int KEEP_MIN = 1;
  static final int KEEP_MAX = 100;

  public AuditSettings {
    checkRange("max_bytes", maxBytes, MAX_BYTES_MIN, MAX_BYTES_MAX);
    checkRange("keep", keep, KEEP_MIN, KEEP_MAX);
  }

  /** 10 MiB per file, 5 rotated files. */
  public static AuditSettings defaults() {
    return new AuditSettings(10 * 1024 * 1024, 5);
  }
}
