package io.gflow.protocol.job;

import io.gflow.protocol.RpcException;
import io.gflow.protocol.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A job array as {@code a-b[:step][%throttle]} (or a single index {@code a}): tasks {@code first},
 * {@code first + step}, … up to {@code last}, at most {@code throttle} running at once ({@code
 * null} = no limit). The daemon expands it atomically at submit. Immutable and thread-safe.
 */
public record ArraySpec(long first, long last, long step, Integer throttle) {
  /** Most tasks one array may expand to. */
  public static final int MAX_SIZE = 100_000;

  private static final int MAX_TEXT_CHARS = 100;
  private static final Pattern FORM = Pattern.compile("(\\d+)(?:-(\\d+)(?::(\\d+))?)?(?:%(\\d+))?");

  public ArraySpec {
    String text = format(first, last, step, throttle);
    if (first < 0) {
      throw invalid(text, "first index " + first + " is negative");
    }
    if (first > last) {
      throw invalid(text, "first index " + first + " is after last " + last);
    }
    if (step < 1) {
      throw invalid(text, "step " + step + " must be at least 1");
    }
    if (throttle != null && throttle < 1) {
      throw invalid(text, "throttle " + throttle + " must be at least 1");
    }
    long size = (last - first) / step + 1;
    if (size > MAX_SIZE) {
      throw invalid(text, size + " tasks, more than " + MAX_SIZE);
    }
  }

  /**
   * Parses {@code a-b[:step][%throttle]} or {@code a[%throttle]}, e.g. {@code 0-99:2%4}.
   *
   * @throws RpcException INVALID_PARAMS naming the text and what is wrong with it
   */
  public static ArraySpec parse(String text) {
    if (text == null) {
      throw RpcException.invalidParams("array is required");
    }
    Matcher match = FORM.matcher(text);
    if (text.length() > MAX_TEXT_CHARS || !match.matches()) {
      throw invalid(
          SafeText.escape(text, 40),
          "expected first-last[:step][%throttle] or a single index, e.g. 0-99:2%4");
    }
    long first = number(text, "first index", match.group(1));
    long last = match.group(2) == null ? first : number(text, "last index", match.group(2));
    long step = match.group(3) == null ? 1 : number(text, "step", match.group(3));
    Integer throttle = null;
    if (match.group(4) != null) {
      long value = number(text, "throttle", match.group(4));
      if (value > Integer.MAX_VALUE) {
        throw invalid(text, "throttle " + value + " is too large");
      }
      throttle = (int) value;
    }
    return new ArraySpec(first, last, step, throttle);
  }

  private static long number(String text, String what, String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException tooLarge) {
      throw invalid(text, what + " " + digits + " is too large");
    }
  }

  private static RpcException invalid(String text, String problem) {
    return RpcException.invalidParams("array '" + text + "': " + problem);
  }

  /** Number of tasks, 1..{@link #MAX_SIZE}. */
  public int size() {
    return (int) ((last - first) / step + 1);
  }

  /** The task indices in ascending order. */
  public List<Long> indices() {
    List<Long> indices = new ArrayList<>(size());
    for (long index = first; index <= last && index >= first; index += step) {
      indices.add(index);
    }
    return List.copyOf(indices);
  }

  /** The canonical text: {@code a}, {@code a-b}, {@code a-b:step}, each with {@code %throttle}. */
  @Override
  public String toString() {
    return format(first, last, step, throttle);
  }

  private static String format(long first, long last, long step, Integer throttle) {
    StringBuilder text = new StringBuilder().append(first);
    if (first != last || step != 1) {
      text.append('-').append(last);
      if (step != 1) {
        text.append(':').append(step);
      }
    }
    if (throttle != null) {
      text.append('%').append(throttle);
    }
    return text.toString();
  }
}
