package io.gflow.daemon.config;

import static io.gflow.daemon.config.DurationParser.checkRange;

import java.time.Duration;
import java.util.Objects;

/**
 * Connection and request limits of the listener ({@code [limits]} in gflowd.toml). Immutable and
 * thread-safe; the constructor checks every range and names the bad value.
 */
public record Limits(
    int maxConnections,
    int maxConnectionsPerUid,
    Duration idleTimeout,
    Duration requestTimeout,
    Duration writeTimeout,
    int maxFrameBytes) {

  static final int MAX_CONNECTIONS_LIMIT = 65_536;
  static final Duration IDLE_TIMEOUT_MIN = Duration.ofSeconds(1);
  static final Duration IDLE_TIMEOUT_MAX = Duration.ofDays(7);
  static final Duration IO_TIMEOUT_MIN = Duration.ofMillis(100);
  static final Duration IO_TIMEOUT_MAX = Duration.ofHours(1);
  static final int MAX_FRAME_BYTES_MIN = 1024;
  static final int MAX_FRAME_BYTES_MAX = 16 * 1024 * 1024;

  public Limits {
    Objects.requireNonNull(idleTimeout, "idle_timeout");
    Objects.requireNonNull(requestTimeout, "request_timeout");
    Objects.requireNonNull(writeTimeout, "write_timeout");
    checkRange("max_connections", maxConnections, 1, MAX_CONNECTIONS_LIMIT);
    checkRange("max_connections_per_uid", maxConnectionsPerUid, 1, maxConnections);
    checkRange("idle_timeout", idleTimeout, IDLE_TIMEOUT_MIN, IDLE_TIMEOUT_MAX);
    checkRange("request_timeout", requestTimeout, IO_TIMEOUT_MIN, IO_TIMEOUT_MAX);
    checkRange("write_timeout", writeTimeout, IO_TIMEOUT_MIN, IO_TIMEOUT_MAX);
    checkRange("max_frame_bytes", maxFrameBytes, MAX_FRAME_BYTES_MIN, MAX_FRAME_BYTES_MAX);
  }

  /** 1024 connections, 64 per uid, 60 s idle, 10 s request and write timeouts, 1 MiB frames. */
  public static Limits defaults() {
    return new Limits(
        1024,
        64,
        Duration.ofSeconds(60),
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        1024 * 1024);
  }
}
