package io.gflow.cli;

import io.gflow.protocol.SafeText;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Small text helpers for terminal output: escaping untrusted text and showing argv the way a shell
 * would accept it. Stateless and thread-safe.
 */
public final class Texts {
  /** Shell words that need no quotes; compiled on first use (a table's cells never need it). */
  private static final class Words {
    static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
  }

  private Texts() {}

  /** Untrusted text made safe for a terminal (control characters escaped, length capped). */
  public static String safe(String text) {
    return SafeText.escape(text);
  }

  /** As {@link #safe(String)} with a longer cap, for paths and commands. */
  public static String safeLong(String text) {
    return SafeText.escape(text, 4096);
  }

  /** argv shown as shell words: plain words as they are, others in single quotes; escaped. */
  public static String argv(List<String> command) {
    StringBuilder line = new StringBuilder();
    for (String word : command) {
      if (line.length() > 0) {
        line.append(' ');
      }
      if (Words.PLAIN.matcher(word).matches()) {
        line.append(word);
      } else {
        // '"'"' rather than '\'' so that escaping backslashes for the terminal keeps it readable.
        line.append('\'').append(word.replace("'", "'\"'\"'")).append('\'');
      }
    }
    return safeLong(line.toString());
  }
}
