package io.gflow.protocol;

import java.util.List;

/** The JSON-RPC method names gflow serves (SPEC §4). Constants only. */
public final class Methods {
  public static final String DAEMON_PING = "daemon.ping";
  public static final String DAEMON_INFO = "daemon.info";
  public static final String AUTH_WHOAMI = "auth.whoami";
  public static final String ADMIN_SHUTDOWN = "admin.shutdown";
  public static final String ADMIN_RELOAD = "admin.reload";
  public static final String DEBUG_METRICS = "debug.metrics";

  /** Every method this version serves, in documentation order. */
  public static final List<String> ALL =
      List.of(DAEMON_PING, DAEMON_INFO, AUTH_WHOAMI, ADMIN_SHUTDOWN, ADMIN_RELOAD, DEBUG_METRICS);

  private Methods() {}
}
