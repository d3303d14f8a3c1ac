package io.gflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextsTest {
  @Test
  void argv_quotesOnlyWhatNeedsIt() {
    assertEquals(
        "python train.py --lr 0.1 'a b' 'it'\"'\"'s' ''",
        Texts.argv(List.of("python", "train.py", "--lr", "0.1", "a b", "it's", "")));
  }

  @Test
  void argv_controlCharacters_escaped() {
    assertEquals("'a\\x{1b}[31m'", Texts.argv(List.of("a\u001b[31m")));
  }
}
