package io.gflow.daemon;

/** How the daemon runs (SPEC §2). Thread-safe enum. */
public enum Mode {
  PERSONAL("personal"),
  SYSTEM("system");

  private final String wireName;

  Mode(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
