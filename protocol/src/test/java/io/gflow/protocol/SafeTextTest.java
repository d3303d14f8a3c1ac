package io.gflow.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeTextTest {

  @ParameterizedTest(name = "U+{0}")
  @CsvSource({
    "0000, \\x{0}",
    "0007, \\x{7}",
    "0009, \\x{9}",
    "000a, \\x{a}",
    "000d, \\x{d}",
    "001b, \\x{1b}",
    "007f, \\x{7f}",
    "0080, \\x{80}",
    "0085, \\x{85}",
    "009b, \\x{9b}",
    "009f, \\x{9f}",
    "2028, \\x{2028}",
    "2029, \\x{2029}",
  })
  void escape_controlCharacter_escapedAsHex(String hex, String expected) {
    String text = "a" + (char) Integer.parseInt(hex, 16) + "b";

    assertEquals("a" + expected + "b", SafeText.escape(text));
  }

  @Test
  void escape_forgedLogLine_staysOnOneLine() {
    String forged = "job\n2025-01-01 INFO admin logged in\r\u001b[2K";

    String escaped = SafeText.escape(forged);

    assertEquals("job\\x{a}2025-01-01 INFO admin logged in\\x{d}\\x{1b}[2K", escaped);
    assertFalse(escaped.chars().anyMatch(c -> c < 0x20 || c == 0x7f));
  }

  @Test
  void escape_backslash_doubledSoEscapesAreUnambiguous() {
    assertEquals("\\\\x{1b}", SafeText.escape("\\x{1b}"));
    assertEquals("C:\\\\path", SafeText.escape("C:\\path"));
  }

  @Test
  void escape_printableText_unchanged() {
    String text = "train-résumé 中文 \ud83d\ude00 ~!@#$%^&*()[]{}\"'";

    assertEquals(text, SafeText.escape(text));
  }

  @Test
  void escape_null_printedAsNull() {
    assertEquals("null", SafeText.escape(null));
  }

  @Test
  void escape_longerThanDefaultCap_cutWithEllipsis() {
    String escaped = SafeText.escape("n".repeat(1000));

    assertEquals("n".repeat(SafeText.DEFAULT_MAX) + "…", escaped);
  }

  @Test
  void escape_exactlyTheCap_noEllipsis() {
    assertEquals("n".repeat(200), SafeText.escape("n".repeat(200)));
    assertEquals("abc", SafeText.escape("abc", 3));
    assertEquals("abc…", SafeText.escape("abcd", 3));
  }

  @Test
  void escape_capWithEscapes_boundedAndNeverSplitsAnEscapeOrSurrogate() {
    String escaped = SafeText.escape("\u001b".repeat(1000), 20);
    String emoji = SafeText.escape("\ud83d\ude00".repeat(100), 5);

    assertTrue(escaped.length() < 20 + "\\x{1b}".length() + 1, escaped);
    assertTrue(escaped.endsWith("\\x{1b}…"), escaped);
    assertTrue(emoji.endsWith("\ud83d\ude00…"), emoji);
    assertFalse(Character.isHighSurrogate(emoji.charAt(emoji.length() - 2)));
  }

  @Test
  void escape_randomText_sameAsTheCharacterByCharacterEscape() {
    char[] alphabet = {
      'a', 'Z', '0', ' ', '\\', '\n', '\u001b', '\u007f', '\u0085', '\u00a0', '\u00e9', '\u2028',
      '\u2029', '\u4e2d', '\ud83d', '\ude00', '\u2026'
    };
    java.util.Random random = new java.util.Random(6);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int index = 0; index < length; index++) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      int max = random.nextInt(14);
      assertEquals(reference(text.toString(), max), SafeText.escape(text.toString(), max));
    }
  }

  /** SafeText.escape as it was before its shortcut for text that needs no escape. */
  private static String reference(String text, int maxChars) {
    StringBuilder out = new StringBuilder();
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
      out.append("\u2026");
    }
    return out.toString();
  }
}
