package io.gflow.daemon;

import io.gflow.daemon.launch.GflowdCommand;

/** Entry point of {@code gflowd}. */
public final class DaemonMain {
  private DaemonMain() {}

  public static void main(String[] args) {
    System.exit(GflowdCommand.execute(args));
  }
}
