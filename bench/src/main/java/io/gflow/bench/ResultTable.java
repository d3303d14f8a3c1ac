package io.gflow.bench;

import java.util.ArrayList;
import java.util.List;

/** Formats figures as an aligned plain-text table for humans. Stateless. */
final class ResultTable {
  private static final List<String> HEADERS =
      List.of("figure", "value", "floor", "ratio", "target", "ok");

  private ResultTable() {}

  /** One header line, one rule, one line per figure; columns padded, each line ends in '\n'. */
  static String format(List<Figure> figures) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADERS);
    for (Figure figure : figures) {
      rows.add(row(figure));
    }
    int[] widths = new int[HEADERS.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      appendRow(out, rows.get(r), widths);
      if (r == 0) {
        appendRule(out, widths);
      }
    }
    return out.toString();
  }

  private static List<String> row(Figure figure) {
    String floor =
        figure.floor() == null
            ? "-"
            : Numbers.format(figure.floor().value())
                + " "
                + figure.unit()
                + " ("
                + figure.floor().name()
                + ")";
    return List.of(
        figure.name(),
        Numbers.format(figure.value()) + " " + figure.unit(),
        floor,
        figure.ratio() == null ? "-" : Numbers.format(figure.ratio()) + "x",
        figure.target().describe(figure.unit()),
        figure.ok() ? "yes" : "NO");
  }

  private static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append("  ");
      }
      line.append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length()));
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private static void appendRule(StringBuilder out, int[] widths) {
    int total = 2 * (widths.length - 1);
    for (int width : widths) {
      total += width;
    }
    out.append("-".repeat(total)).append('\n');
  }
}
