package io.gflow.daemon.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the line on which a key is defined in TOML text, because Jackson's TOML tree carries no
 * locations. A light scan, not a parser: it understands table headers, dotted and quoted keys and
 * skips multi-line strings, which is enough to point an admin at the right line. Immutable.
 */
final class TomlKeyLines {
  private record Definition(List<String> path, int line) {}

  private final List<Definition> definitions = new ArrayList<>();

  TomlKeyLines(String text) {
    List<String> table = List.of();
    boolean inMultiLineString = false;
    String[] lines = text.split("\r?\n", -1);
    for (int index = 0; index < lines.length; index++) {
      String line = lines[index];
      boolean wasInside = inMultiLineString;
      if (countOf(line, "\"\"\"") % 2 == 1 || countOf(line, "'''") % 2 == 1) {
        inMultiLineString = !inMultiLineString;
      }
      if (wasInside) {
        continue;
      }
      String trimmed = line.strip();
      if (trimmed.startsWith("[")) {
        List<String> header = parseHeader(trimmed);
        if (header != null) {
          table = header;
          definitions.add(new Definition(header, index + 1));
        }
        continue;
      }
      KeyScan scan = new KeyScan(trimmed);
      List<String> keys = scan.keys();
      if (keys != null && scan.at('=')) {
        List<String> path = new ArrayList<>(table);
        path.addAll(keys);
        definitions.add(new Definition(List.copyOf(path), index + 1));
      }
    }
  }

  /**
   * The 1-based line defining {@code path}; failing that, the line defining its longest prefix (for
   * example an inline table); 0 when nothing matches.
   */
  int lineOf(List<String> path) {
    int bestLine = 0;
    int bestLength = 0;
    for (Definition definition : definitions) {
      List<String> defined = definition.path();
      if (defined.equals(path)) {
        return definition.line();
      }
      if (defined.size() > bestLength
          && defined.size() < path.size()
          && path.subList(0, defined.size()).equals(defined)) {
        bestLength = defined.size();
        bestLine = definition.line();
      }
    }
    return bestLine;
  }

  private static List<String> parseHeader(String trimmed) {
    boolean arrayTable = trimmed.startsWith("[[");
    KeyScan scan = new KeyScan(trimmed.substring(arrayTable ? 2 : 1));
    List<String> keys = scan.keys();
    return keys != null && scan.at(']') ? List.copyOf(keys) : null;
  }

  private static int countOf(String line, String token) {
    int count = 0;
    for (int at = line.indexOf(token); at >= 0; at = line.indexOf(token, at + token.length())) {
      count++;
    }
    return count;
  }

  /** Reads a dotted key ({@code a."b c".'d'}) from the start of a string. */
  private static final class KeyScan {
    private final String text;
    private int position;

    KeyScan(String text) {
      this.text = text;
    }

    /** The key's parts, or null if the text does not start with a key. */
    List<String> keys() {
      List<String> keys = new ArrayList<>();
      while (true) {
        skipBlanks();
        String key = simpleKey();
        if (key == null) {
          return null;
        }
        keys.add(key);
        skipBlanks();
        if (!at('.')) {
          return keys;
        }
        position++;
      }
    }

    boolean at(char expected) {
      return position < text.length() && text.charAt(position) == expected;
    }

    private String simpleKey() {
      if (at('"') || at('\'')) {
        char quote = text.charAt(position);
        StringBuilder key = new StringBuilder();
        for (int at = position + 1; at < text.length(); at++) {
          char next = text.charAt(at);
          if (next == quote) {
            position = at + 1;
            return key.toString();
          }
          if (quote == '"' && next == '\\' && at + 1 < text.length()) {
            at++;
            next = text.charAt(at);
          }
          key.append(next);
        }
        return null;
      }
      int start = position;
      while (position < text.length() && isBareKeyChar(text.charAt(position))) {
        position++;
      }
      return position > start ? text.substring(start, position) : null;
    }

    private void skipBlanks() {
      while (at(' ') || at('\t')) {
        position++;
      }
    }

    private static boolean isBareKeyChar(char c) {
      return (c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '-';
    }
  }
}
