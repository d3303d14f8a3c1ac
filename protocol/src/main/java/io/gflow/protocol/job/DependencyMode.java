package io.gflow.protocol.job;

import io.gflow.protocol.RpcException;
import io.gflow.protocol.SafeText;

/**
 * How a job's {@code afterok} dependencies combine: all must complete, or any one. Thread-safe
 * enum.
 */
public enum DependencyMode {
  ALL("all"),
  ANY("any");

  private final String wireName;

  DependencyMode(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static DependencyMode parse(String text) {
    for (DependencyMode mode : values()) {
      if (mode.wireName.equalsIgnoreCase(text)) {
        return mode;
      }
    }
    throw RpcException.invalidParams(
        "dependency_mode must be 'all' or 'any', got '" + SafeText.escape(text) + "'");
  }
}
