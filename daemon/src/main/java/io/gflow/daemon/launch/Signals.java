package io.gflow.daemon.launch;

import sun.misc.Signal;

/**
 * Installs handlers for SIGTERM/SIGINT (orderly stop) and SIGHUP (reload) with the JDK's
 * supported-but-unsupported {@code sun.misc.Signal}, the only way to see SIGHUP in Java.
 */
final class Signals {
  private Signals() {}

  static void onTerminate(Runnable action) {
    Signal.handle(new Signal("TERM"), signal -> action.run());
    Signal.handle(new Signal("INT"), signal -> action.run());
  }

  static void onHangup(Runnable action) {
    Signal.handle(new Signal("HUP"), signal -> action.run());
  }
}
