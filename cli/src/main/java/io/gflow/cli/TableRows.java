package io.gflow.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of one {@link Table} as they come (a listing's pages), measured as they are added: while
 * every cell is ASCII, the columns' widths are known when the last page is in, and the table goes
 * to stdout as bytes laid out at once. Not thread-safe.
 */
public final class TableRows {
  private final List<List<String>> rows = new ArrayList<>();
  private final int[] widths;
  private boolean ascii = true;

  /** Rows of {@code columns} cells each. */
  public TableRows(int columns) {
    widths = new int[columns];
  }

  public void add(List<String> row) {
    List<String> previous = rows.isEmpty() ? null : rows.get(rows.size() - 1);
    rows.add(row);
    ascii = ascii && Table.asciiWiden(widths, row, previous);
  }

  public int size() {
    return rows.size();
  }

  /** Drops the rows from {@code size} on. */
  public void truncate(int size) {
    rows.subList(size, rows.size()).clear();
    Arrays.fill(widths, 0);
    ascii = true;
    for (List<String> row : rows) {
      ascii = ascii && Table.asciiWiden(widths, row);
    }
  }

  /** {@link Table#render} of these rows under {@code headers} (none when null). */
  public String render(List<String> headers) {
    return Table.render(headers, rows);
  }

  /**
   * Prints what {@link #render} returns; an ASCII table to a {@link ByteWriter} (stdout) as bytes
   * laid out directly.
   */
  public void print(PrintWriter out, List<String> headers) {
    int[] all = widths.clone();
    if (out instanceof ByteWriter bytes
        && ascii
        && all.length > 0
        && (headers == null ? !rows.isEmpty() : Table.asciiWiden(all, headers))) {
      Table.printAscii(bytes, headers, rows, all);
    } else {
      out.print(render(headers));
    }
  }
}
