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
}
