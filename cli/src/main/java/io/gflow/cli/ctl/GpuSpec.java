package io.gflow.cli.ctl;

import io.gflow.cli.Texts;
import io.gflow.protocol.job.SetGpusRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the GPU spec of {@code gctl set-gpus}: {@code all}, {@code none}, or a comma list of
 * indices and ranges such as {@code 0,2} or {@code 0-1,3}. Pure function; stateless and
 * thread-safe.
 */
final class GpuSpec {
  /** Highest GPU index the wire accepts. */
  static final int MAX_INDEX = 1023;

  private static final Pattern RANGE = Pattern.compile("(\\d{1,4})(?:-(\\d{1,4}))?");

  private GpuSpec() {}

  /**
   * The request for {@code spec}.
   *
   * @throws IllegalArgumentException naming the bad part and the accepted forms
   */
  static SetGpusRequest parse(String spec) {
    String text = spec.trim();
    if (text.equals("all")) {
      return SetGpusRequest.all();
    }
    if (text.equals("none")) {
      return new SetGpusRequest(List.of());
    }
    TreeSet<Integer> indices = new TreeSet<>();
    for (String part : text.split(",", -1)) {
      Matcher match = RANGE.matcher(part.trim());
      if (!match.matches()) {
        throw bad(spec);
      }
      int first = Integer.parseInt(match.group(1));
      int last = match.group(2) == null ? first : Integer.parseInt(match.group(2));
      if (last < first || last > MAX_INDEX) {
        throw bad(spec);
      }
      for (int index = first; index <= last; index++) {
        indices.add(index);
      }
    }
    return new SetGpusRequest(new ArrayList<>(indices));
  }

  private static IllegalArgumentException bad(String spec) {
    return new IllegalArgumentException(
        "'"
            + Texts.safe(spec)
            + "' is not a GPU list: use indices and ranges like 0,2 or 0-1,3 (0.."
            + MAX_INDEX
            + "), 'all' or 'none'");
  }
}
