package io.gflow.protocol;

/**
 * Makes untrusted text safe to put in a log line or on a terminal: control characters (including
 * newlines and ESC) are escaped and the length is capped (SPEC §6.6). Stateless and thread-safe.
 */
public final class SafeText {
  /** Default cap for names and other short values echoed back to people. */
  public static final int DEFAULT_MAX = 200;

  private SafeText() {}

  public static String escape(String text) {
    return escape(text, DEFAULT_MAX);
  }

  public static String escape(String text, int maxChars) {
    if (text == null) {
      return "null";
    }
    if (text.length() <= maxChars && !needsEscape(text)) {
      // what the loop below would build, without building it (listings call this a lot)
      return text;
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 8);
    int index = 0;
    while (index < text.length() && out.length() < maxChars) {
      int codePoint = text.codePointAt(index);
      index += Character.charCount(codePoint);
      if (codePoint == '\\') {
        out.append("\\\\");
      } else if (isControl(codePoint)) {
        out.append(String.format("\\x{%x}", codePoint));
      } else {
        out.appendCodePoint(codePoint);
      }
    }
    if (index < text.length()) {
      out.append("…");
    }
    return out.toString();
  }

  private static boolean needsEscape(String text) {
    for (int index = 0; index < text.length(); index++) {
      char c = text.charAt(index);
      if (c == '\\' || isControl(c)) {
        return true; // no surrogate is a control character, so chars do for code points here
      }
    }
    return false;
  }

  /** C0 and C1 controls, DEL and the Unicode line and paragraph separators. */
  private static boolean isControl(int codePoint) {
    return codePoint < 0x20
        || (codePoint >= 0x7f && codePoint < 0xa0)
        || codePoint == 0x2028
        || codePoint == 0x2029;
  }
}
