package io.gflow.protocol;

/** The documented process exit codes of every gflow command (SPEC §8). Constants only. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int ERROR = 1;
  public static final int USAGE = 2;
  public static final int UNREACHABLE = 3;
  public static final int NOT_FOUND = 4;
  public static final int CONFLICT = 5;
  public static final int TEMPORARY = 75;
  public static final int PERMISSION_DENIED = 77;

  private ExitCodes() {}
}
