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
    int columns = all.get(0).size();
    int[] widths = new int[columns];
    for (List<String> row : all) {
      for (int column = 0; column < columns; column++) {
        widths[column] =
            Math.max(widths[column], row.get(column).codePointCount(0, row.get(column).length()));
      }
    }
    // Straight into one builder: a gqueue table can have 100,000 rows.
    StringBuilder text = new StringBuilder();
    for (List<String> row : all) {
      int lineStart = text.length();
      for (int column = 0; column < columns; column++) {
        String cell = row.get(column);
        text.append(cell);
        if (column < columns - 1) {
          int blanks = widths[column] - cell.codePointCount(0, cell.length()) + 2;
          for (int blank = 0; blank < blanks; blank++) {
            text.append(' ');
          }
        }
      }
      // As String.stripTrailing: every whitespace code point is a single char.
      int end = text.length();
      while (end > lineStart && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      text.setLength(end);
      text.append('\n');
    }
    return text.toString();
  }
}
