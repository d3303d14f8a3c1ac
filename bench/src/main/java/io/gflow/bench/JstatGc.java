package io.gflow.bench;

import java.util.List;

/** Reads {@code jstat -gc} output: a header line and a line of values. Stateless. */
final class JstatGc {
  /** The used sizes of the survivor, eden and old spaces (KB); together, the used heap. */
  private static final List<String> USED = List.of("S0U", "S1U", "EU", "OU");

  private JstatGc() {}

  /**
   * @throws IllegalArgumentException if the text is not two lines with the used columns
   */
  static double usedKilobytes(String output) {
    String[] lines = output.strip().split("\n");
    if (lines.length < 2) {
      throw new IllegalArgumentException("jstat -gc printed no values: " + output);
    }
    List<String> headers = List.of(lines[0].trim().split("\\s+"));
    String[] values = lines[lines.length - 1].trim().split("\\s+");
    if (values.length != headers.size()) {
      throw new IllegalArgumentException("jstat -gc columns do not line up: " + output);
    }
    double used = 0;
    for (String column : USED) {
      int index = headers.indexOf(column);
      if (index < 0) {
        throw new IllegalArgumentException("jstat -gc has no " + column + " column: " + output);
      }
      used += Double.parseDouble(values[index]);
    }
    return used;
  }
}
