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
      return text; // what the loop below would build, without building it (listings call this a
      // lot)
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 8);
    int index = 0;
    while (index < text.length() && out.length() < maxChars) {
      int codePoint = text.codePointAt(index);
      index += Character.charCount(codePoint);
      if (codePoint == '\\') {
        out.append("\\\\");
      } else if (codePoint < 0x20
          || codePoint == 0x7f
          || (codePoint >= 0x80 && codePoint < 0xa0)
          || codePoint == 0x2028
          || codePoint == 0x2029) {
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
      if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\\' || c == 0x2028 || c == 0x2029) {
        return true;
      }
    }
    return false;
  }
}
