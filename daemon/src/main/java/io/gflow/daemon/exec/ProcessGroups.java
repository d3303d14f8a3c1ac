package io.gflow.daemon.exec;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Sends a signal to a whole process group. The JDK can only signal single processes (and only TERM
 * or KILL), so this runs {@code /bin/kill -s N -- -PGID}; the arguments are numbers only. Stateless
 * and thread-safe.
 */
final class ProcessGroups {
  private static final long TIMEOUT_SECONDS = 5;

  private ProcessGroups() {}

  /** True if the signal was delivered to at least one process of the group. */
  static boolean signal(long pgid, int signal) {
    if (pgid <= 1 || signal < 0 || signal > 64) {
      throw new IllegalArgumentException("pgid (" + pgid + ") or signal (" + signal + ")");
    }
    try {
      ProcessBuilder builder =
          new ProcessBuilder("/bin/kill", "-s", Integer.toString(signal), "--", "-" + pgid)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD);
      // Nothing of the daemon's environment (LISTEN_* from systemd, for one) reaches a child.
      builder.environment().clear();
      builder.environment().put("LC_ALL", "C");
      Process kill = builder.start();
      if (!kill.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        kill.destroyForcibly();
        return false;
      }
      return kill.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
