package io.gflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
}
