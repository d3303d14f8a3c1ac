package io.gflow.daemon.server;

import java.time.Duration;

/**
 * The listener's limits, read again for every new connection so that {@code admin.reload} can
 * change them. Immutable and thread-safe.
 */
public record ServerSettings(
    int maxConnections,
    int maxConnectionsPerUid,
    Duration idleTimeout,
    Duration requestTimeout,
    Duration writeTimeout,
    int maxFrameBytes) {}
