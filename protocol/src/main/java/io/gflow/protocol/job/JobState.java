package io.gflow.protocol.job;

import io.gflow.protocol.RpcException;
import io.gflow.protocol.SafeText;

/**
 * The states of a job (SPEC §5) with their wire names and Slurm-style short codes. Terminal states
 * are final. Thread-safe enum.
 */
public enum JobState {
  PENDING("PENDING", "PD", false),
  HELD("HELD", "H", false),
  RUNNING("RUNNING", "R", false),
  COMPLETED("COMPLETED", "CD", true),
  FAILED("FAILED", "F", true),
  CANCELLED("CANCELLED", "CA", true),
  TIMEOUT("TIMEOUT", "TO", true),
  LOST("LOST", "LO", true);

  private static final JobState[] STATES = values();

  private final String wireName;
  private final String shortName;
  private final boolean terminal;

  JobState(String wireName, String shortName, boolean terminal) {
    this.wireName = wireName;
    this.shortName = shortName;
    this.terminal = terminal;
  }

  public String wireName() {
    return wireName;
  }

  public String shortName() {
    return shortName;
  }

  public boolean isTerminal() {
    return terminal;
  }

  /** Accepts the wire name or the short code, in any case ("pd", "Running"). */
  public static JobState parse(String text) {
    for (JobState state : STATES) {
      if (state.wireName.equals(text)) {
        return state; // how the daemon writes it: the common case, read once per listed job
      }
    }
    for (JobState state : STATES) {
      if (state.wireName.equalsIgnoreCase(text) || state.shortName.equalsIgnoreCase(text)) {
        return state;
      }
    }
    throw RpcException.invalidParams(
        "unknown job state '"
            + SafeText.escape(text)
            + "' (one of PENDING/PD, HELD/H, RUNNING/R, COMPLETED/CD, FAILED/F, CANCELLED/CA,"
            + " TIMEOUT/TO, LOST/LO)");
  }
}
