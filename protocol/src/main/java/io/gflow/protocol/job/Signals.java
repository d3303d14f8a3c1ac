package io.gflow.protocol.job;

import io.gflow.protocol.RpcException;
import io.gflow.protocol.SafeText;
import java.util.Locale;
import java.util.Map;

/**
 * Signal names and numbers as Linux on x86-64 and arm64 numbers them, for {@code job.cancel} and
 * {@code job.signal}. Stateless and thread-safe.
 */
public final class Signals {
  /** Highest signal number Linux accepts (SIGRTMAX). */
  public static final int MAX = 64;

  public static final int SIGTERM = 15;

  private static final Map<String, Integer> NUMBERS =
      Map.ofEntries(
          Map.entry("HUP", 1),
          Map.entry("INT", 2),
          Map.entry("QUIT", 3),
          Map.entry("KILL", 9),
          Map.entry("USR1", 10),
          Map.entry("USR2", 12),
          Map.entry("ALRM", 14),
          Map.entry("TERM", SIGTERM),
          Map.entry("CONT", 18),
          Map.entry("STOP", 19),
          Map.entry("TSTP", 20));

  private Signals() {}

  /**
   * The number of a signal given as a name ("TERM", "SIGUSR1", any case) or a number in 1..64.
   *
   * @throws RpcException INVALID_PARAMS naming the text
   */
  public static int parse(String text) {
    if (text == null) {
      throw RpcException.invalidParams("signal is required");
    }
    if (!text.isEmpty() && text.length() <= 2 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      int number = Integer.parseInt(text);
      if (number >= 1 && number <= MAX) {
        return number;
      }
    }
    String name = text.toUpperCase(Locale.ROOT);
    Integer number = NUMBERS.get(name.startsWith("SIG") ? name.substring(3) : name);
    if (number == null) {
      throw RpcException.invalidParams(
          "signal '"
              + SafeText.escape(text, 40)
              + "' is neither a number in 1.."
              + MAX
              + " nor one of HUP INT QUIT KILL USR1 USR2 ALRM TERM CONT STOP TSTP");
    }
    return number;
  }
}
