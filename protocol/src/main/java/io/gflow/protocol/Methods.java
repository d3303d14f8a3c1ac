package io.gflow.protocol;

import java.util.List;

/** The JSON-RPC method names gflow serves (SPEC §4). Constants only. */
public final class Methods {
  public static final String DAEMON_PING = "daemon.ping";
  public static final String DAEMON_INFO = "daemon.info";
  public static final String AUTH_WHOAMI = "auth.whoami";
  public static final String JOB_SUBMIT = "job.submit";
  public static final String JOB_LIST = "job.list";
  public static final String JOB_GET = "job.get";
  public static final String JOB_WAIT = "job.wait";
  public static final String JOB_CANCEL = "job.cancel";
  public static final String JOB_HOLD = "job.hold";
  public static final String JOB_RELEASE = "job.release";
  public static final String JOB_UPDATE = "job.update";
  public static final String JOB_SIGNAL = "job.signal";
  public static final String JOB_LOG = "job.log";
  public static final String JOB_EVENTS = "job.events";
  public static final String SCHED_GPUS = "sched.gpus";
  public static final String ADMIN_SET_GPUS = "admin.setGpus";
  public static final String ADMIN_SHUTDOWN = "admin.shutdown";
  public static final String ADMIN_RELOAD = "admin.reload";
  public static final String ADMIN_SET_GROUP_LIMIT = "admin.setGroupLimit";
  public static final String ADMIN_SET_QUOTA = "admin.setQuota";
  public static final String ADMIN_LIMITS = "admin.limits";
  public static final String ADMIN_DRAIN = "admin.drain";
  public static final String ADMIN_RESUME = "admin.resume";
  public static final String DEBUG_METRICS = "debug.metrics";
  public static final String ADMIN_AUDIT = "admin.audit";
  public static final String DEBUG_STATE = "debug.state";

  /** Every method this version serves, in documentation order. */
  public static final List<String> ALL =
      List.of(
          DAEMON_PING,
          DAEMON_INFO,
          AUTH_WHOAMI,
          JOB_SUBMIT,
          JOB_LIST,
          JOB_GET,
          JOB_WAIT,
          JOB_EVENTS,
          JOB_CANCEL,
          JOB_HOLD,
          JOB_RELEASE,
          JOB_UPDATE,
          JOB_SIGNAL,
          JOB_LOG,
          SCHED_GPUS,
          ADMIN_SET_GPUS,
          ADMIN_SHUTDOWN,
          ADMIN_RELOAD,
          ADMIN_SET_GROUP_LIMIT,
          ADMIN_SET_QUOTA,
          ADMIN_LIMITS,
          ADMIN_DRAIN,
          ADMIN_RESUME,
          ADMIN_AUDIT,
          DEBUG_STATE,
          DEBUG_METRICS);

  private Methods() {}
}
