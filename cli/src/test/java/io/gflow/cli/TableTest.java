package io.gflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TableTest {
  @Test
  void render_alignsColumnsAndTrimsLastCell() {
    String table =
        Table.render(
            List.of("ID", "NAME", "REASON"),
            List.of(List.of("7", "a-long-name", "-"), List.of("1234", "x", "(Priority)")));
    assertEquals(
        "ID    NAME         REASON\n"
            + "7     a-long-name  -\n"
            + "1234  x            (Priority)\n",
        table);
  }

  @Test
  void render_noHeaderNoRows_empty() {
    assertEquals("", Table.render(null, List.of()));
  }

  @Test
  void render_trailingWhitespaceInCells_strippedAsStripTrailingDoes() {
    List<List<String>> rows =
        List.of(
            List.of("1", "a ", " "),
            List.of("22", "\u00e9\u4e2d\ud83d\ude00", "b\t\u2003"),
            List.of("333", "", ""),
            List.of("4", "x\u00a0", "\u3000"));
    assertEquals(
        "A    B    C\n"
            + "1    a\n"
            + "22   \u00e9\u4e2d\ud83d\ude00  b\n"
            + "333\n"
            + "4    x\u00a0\n",
        Table.render(List.of("A", "B", "C"), rows));
  }

  @Test
  void render_noColumns_oneEmptyLinePerRow() {
    assertEquals("\n\n", Table.render(List.of(), List.of(List.of())));
  }

  /**
   * What {@link TableRows#print} wrote to a stdout-like {@link ByteWriter}, and how many writes.
   */
  private static String printed(List<String> headers, List<List<String>> rows, int[] writes) {
    TableRows table =
        new TableRows(headers != null ? headers.size() : rows.isEmpty() ? 0 : rows.get(0).size());
    rows.forEach(table::add);
    return printed(headers, table, writes);
  }

  private static String printed(List<String> headers, TableRows table, int[] writes) {
    ByteArrayOutputStream stdout =
        new ByteArrayOutputStream() {
          @Override
          public synchronized void write(byte[] b, int off, int len) {
            writes[0]++;
            super.write(b, off, len);
          }
        };
    ByteWriter out = new ByteWriter(stdout, false);
    table.print(out, headers);
    out.flush();
    return stdout.toString(StandardCharsets.UTF_8);
  }

  @Test
  void print_randomTables_asRenderWrites_asciiOnesLaidOutAsBytes() {
    Random random = new Random(11);
    String pieces = "ab Z09-()_:\t\u001c\u001f\u00e9\u4e2d\u00a0";
    int asBytes = 0;
    for (int round = 0; round < 2000; round++) {
      int columns = 1 + random.nextInt(5);
      boolean ascii = random.nextBoolean();
      List<List<String>> rows = new ArrayList<>();
      for (int row = 0, count = random.nextInt(6); row < count; row++) {
        List<String> cells = new ArrayList<>();
        for (int column = 0; column < columns; column++) {
          StringBuilder cell = new StringBuilder();
          for (int index = 0, length = random.nextInt(6); index < length; index++) {
            cell.append(pieces.charAt(random.nextInt(ascii ? 11 : pieces.length())));
          }
          cells.add(cell.toString());
        }
        rows.add(cells);
      }
      List<String> headers =
          random.nextBoolean()
              ? null
              : Collections.nCopies(columns, random.nextBoolean() ? "H" : "");
      int[] writes = {0};
      assertEquals(Table.render(headers, rows), printed(headers, rows, writes), "round " + round);
      if (ascii && (headers != null || !rows.isEmpty())) {
        assertEquals(1, writes[0], "one write of the laid-out bytes, round " + round);
        asBytes++;
      }
    }
    assertTrue(asBytes > 500, "ASCII tables laid out as bytes: " + asBytes);
  }

  @Test
  void print_toAnyOtherWriter_theRenderedText() {
    StringWriter text = new StringWriter();
    List<List<String>> rows = List.of(List.of("1", "x "), List.of("22", "y"));
    TableRows table = new TableRows(2);
    rows.forEach(table::add);
    table.print(new PrintWriter(text), List.of("A", "B"));
    assertEquals(Table.render(List.of("A", "B"), rows), text.toString());
  }

  @Test
  void truncate_widthsAsIfTheDroppedRowsNeverCame() {
    List<List<String>> rows = List.of(List.of("1", "x"), List.of("22", "y"));
    TableRows table = new TableRows(2);
    rows.forEach(table::add);
    table.add(List.of("a-very-wide-cell", "\u00e9"));
    table.truncate(2);
    int[] writes = {0};
    assertEquals(Table.render(List.of("A", "B"), rows), printed(List.of("A", "B"), table, writes));
    assertEquals(1, writes[0], "ASCII again: laid out as bytes");
    assertEquals(2, table.size());
  }
}
