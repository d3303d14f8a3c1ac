package io.gflow.cli;

import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * Writes the table {@link #render} makes of ASCII {@code headers} (or none) and {@code rows},
   * whose cells are at most {@code widths} long, to {@code out} as bytes laid out directly: a
   * gqueue table can have 100,000 rows, laid out once on a cold JVM.
   */
  static void printAscii(
      ByteWriter out, List<String> headers, List<List<String>> rows, int[] widths) {
    int lineMax = 1;
    for (int width : widths) {
      lineMax += width + 2;
    }
    byte[] text = new byte[lineMax * (rows.size() + 1)];
    int length = headers == null ? 0 : asciiLine(text, 0, headers, widths);
    for (List<String> row : rows) {
      length = asciiLine(text, length, row, widths);
    }
    out.writeAscii(text, 0, length);
  }

  /**
   * Widens {@code widths} to {@code row}'s cells, counted in chars; false (the widths then partly
   * widened) as soon as a cell is beyond ASCII.
   */
  static boolean asciiWiden(int[] widths, List<String> row) {
    return asciiWiden(widths, row, null);
  }

  /**
   * As {@link #asciiWiden(int[], List)}, skipping the cells that are the very strings of {@code
   * previous} (a row already widened to, or null): a big listing repeats names and reasons.
   */
  static boolean asciiWiden(int[] widths, List<String> row, List<String> previous) {
    for (int column = 0; column < widths.length; column++) {
      String cell = row.get(column);
      if (previous != null && cell == previous.get(column)) {
        continue;
      }
      for (int index = 0; index < cell.length(); index++) {
        if (cell.charAt(index) >= 0x80) {
          return false;
        }
      }
      widths[column] = Math.max(widths[column], cell.length());
    }
    return true;
  }

  /** As {@link #appendLine} for an ASCII row, into {@code text} at {@code start}; the new end. */
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) keeps each char's low
  // byte, which is all of an ASCII char; it copies a Latin-1 string's bytes at once
  private static int asciiLine(byte[] text, int start, List<String> row, int[] widths) {
    int pos = start;
    int last = widths.length - 1;
    for (int column = 0; column <= last; column++) {
      String cell = row.get(column);
      cell.getBytes(0, cell.length(), text, pos);
      pos += cell.length();
      if (column < last) {
        int blanks = widths[column] - cell.length() + 2;
        Arrays.fill(text, pos, pos + blanks, (byte) ' ');
        pos += blanks;
      }
    }
    while (pos > start && Character.isWhitespace(text[pos - 1])) {
      pos--;
    }
    text[pos++] = '\n';
    return pos;
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
