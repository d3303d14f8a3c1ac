package io.gflow.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders rows of already-escaped cells as an aligned plain-text table: columns separated by two
 * blanks, the last column not padded. Pure function; stateless and thread-safe.
 */
public final class Table {
  private Table() {}

  /** The table with {@code headers} as its first line, or without them when null. */
  public static String render(List<String> headers, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    if (headers != null) {
      all.add(headers);
    }
    all.addAll(rows);
    if (all.isEmpty()) {
      return "";
    }
    int[] widths = new int[all.get(0).size()];
    for (List<String> row : all) {
      widen(widths, row);
    }
    int widest = 0;
    for (int width : widths) {
      widest = Math.max(widest, width);
    }
    // Blanks by count, so that a row is a few copies: a gqueue table can have 100,000 rows, run
    // once on a cold JVM (per-row methods get compiled; a long loop in one call would not).
    String[] blanks = new String[widest + 3];
    for (int count = 0; count < blanks.length; count++) {
      blanks[count] = " ".repeat(count);
    }
    StringBuilder text = new StringBuilder();
    for (List<String> row : all) {
      appendLine(text, row, widths, blanks);
    }
    return text.toString();
  }

  private static void widen(int[] widths, List<String> row) {
    for (int column = 0; column < widths.length; column++) {
      String cell = row.get(column);
      widths[column] = Math.max(widths[column], cell.codePointCount(0, cell.length()));
    }
  }

  private static void appendLine(
      StringBuilder text, List<String> row, int[] widths, String[] blanks) {
    if (widths.length == 0) {
      text.append('\n');
      return;
    }
    int lineStart = text.length();
    int last = widths.length - 1;
    for (int column = 0; column < last; column++) {
      String cell = row.get(column);
      text.append(cell).append(blanks[widths[column] - cell.codePointCount(0, cell.length()) + 2]);
    }
    text.append(row.get(last));
    // As String.stripTrailing: every whitespace code point is a single char.
    int end = text.length();
    while (end > lineStart && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    text.setLength(end);
    text.append('\n');
  }
}
