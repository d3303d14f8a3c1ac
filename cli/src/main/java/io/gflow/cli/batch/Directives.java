package io.gflow.cli.batch;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Reads the {@code #SBATCH} and {@code # GFLOW} directive lines at the top of a script (after the
 * {@code #!} line, up to the first line that is neither blank nor a comment) into {@link
 * SubmitOptions}; later lines win over earlier ones. Stateless and thread-safe.
 */
final class Directives {
  /** One directive line: its number, whether it is Slurm's, and its words. */
  record Line(int number, boolean slurm, List<String> words) {}

  /** The options the directives set, and warnings about ignored Slurm options. */
  record Parsed(SubmitOptions options, List<String> warnings) {}

  private Directives() {}

  /**
   * Parses the directives of {@code script}.
   *
   * @throws IllegalArgumentException naming the line, for a bad {@code # GFLOW} option or value
   */
  static Parsed parse(String script) {
    SubmitOptions merged = new SubmitOptions();
    List<String> warnings = new ArrayList<>();
    for (Line line : scan(script)) {
      List<String> words = line.words();
      if (line.slurm()) {
        SlurmDirectives.Translation translation = SlurmDirectives.translate(words);
        for (String ignored : translation.ignored()) {
          warnings.add(
              "line " + line.number() + ": ignoring #SBATCH " + ignored + " (not used by gflow)");
        }
        words = translation.options();
      }
      merged = parseLine(line, words).over(merged);
    }
    return new Parsed(merged, List.copyOf(warnings));
  }

  private static SubmitOptions parseLine(Line line, List<String> words) {
    SubmitOptions options = new SubmitOptions();
    CommandLine parser = new CommandLine(options);
    parser.setExpandAtFiles(false);
    try {
      parser.parseArgs(words.toArray(String[]::new));
    } catch (CommandLine.ParameterException bad) {
      throw new IllegalArgumentException(
          "line "
              + line.number()
              + ": "
              + (line.slurm() ? "#SBATCH" : "# GFLOW")
              + ": "
              + bad.getMessage(),
          bad);
    }
    return options;
  }

  /** The directive lines of the leading comment block. */
  static List<Line> scan(String script) {
    List<Line> lines = new ArrayList<>();
    String[] all = script.split("\r?\n", -1);
    for (int index = 0; index < all.length; index++) {
      String text = all[index].strip();
      if (index == 0 && text.startsWith("#!")) {
        continue;
      }
      if (text.isEmpty()) {
        continue;
      }
      if (!text.startsWith("#")) {
        break;
      }
      String rest = directive(text);
      if (rest != null) {
        lines.add(new Line(index + 1, text.startsWith("#SBATCH"), tokenize(rest, index + 1)));
      }
    }
    return List.copyOf(lines);
  }

  /** The text after the directive marker, or null when the comment is not a directive. */
  private static String directive(String text) {
    for (String marker : new String[] {"#SBATCH", "# GFLOW", "#GFLOW"}) {
      if (text.startsWith(marker)
          && (text.length() == marker.length()
              || Character.isWhitespace(text.charAt(marker.length())))) {
        return text.substring(marker.length());
      }
    }
    return null;
  }

  /**
   * Splits like a shell would, without expanding anything: blanks separate words, single and double
   * quotes group, a word starting with {@code #} starts a comment.
   */
  static List<String> tokenize(String text, int lineNumber) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int index = 0; index < text.length(); index++) {
      char c = text.charAt(index);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else if (c == '#' && word == null) {
        break;
      } else {
        word = word == null ? new StringBuilder() : word;
        if (c == '\'' || c == '"') {
          quote = c;
        } else {
          word.append(c);
        }
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException(
          "line " + lineNumber + ": unterminated " + quote + " quote");
    }
    if (word != null) {
      words.add(word.toString());
    }
    return List.copyOf(words);
  }
}
