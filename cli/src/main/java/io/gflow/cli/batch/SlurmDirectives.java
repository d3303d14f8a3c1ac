package io.gflow.cli.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the words of one {@code #SBATCH} line into gbatch options with Slurm's meaning (in
 * Slurm {@code -p} is the partition and {@code -n} the task count, not priority and name). Options
 * gflow has no use for ({@code --mem}, {@code -N}, {@code --partition} …) are returned as ignored.
 * Stateless and thread-safe.
 */
final class SlurmDirectives {
  /** The gbatch options, and the Slurm words that were ignored. */
  record Translation(List<String> options, List<String> ignored) {}

  private static final Map<String, String> LONG =
      Map.ofEntries(
          Map.entry("gpus", "--gpus"),
          Map.entry("time", "--time"),
          Map.entry("job-name", "--name"),
          Map.entry("output", "--output"),
          Map.entry("error", "--error"),
          Map.entry("dependency", "--depends-on"),
          Map.entry("begin", "--begin"),
          Map.entry("array", "--array"),
          Map.entry("priority", "--priority"),
          Map.entry("account", "--project"),
          Map.entry("gres", "--gres"));

  private static final Map<Character, String> SHORT =
      Map.of(
          'G', "--gpus",
          't', "--time",
          'J', "--name",
          'o', "--output",
          'e', "--error",
          'd', "--depends-on",
          'b', "--begin",
          'a', "--array",
          'A', "--project");

  private static final Pattern GRES_GPU = Pattern.compile("gpu(?::[^:,]+)?:(\\d+)");

  private SlurmDirectives() {}

  static Translation translate(List<String> words) {
    List<String> options = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    int index = 0;
    while (index < words.size()) {
      String word = words.get(index++);
      String target;
      String value = null;
      boolean attached;
      if (word.equals("--hold") || word.equals("-H")) {
        options.add("--hold");
        continue;
      } else if (word.startsWith("--")) {
        int equals = word.indexOf('=');
        target = LONG.get(equals < 0 ? word.substring(2) : word.substring(2, equals));
        attached = equals >= 0;
        value = attached ? word.substring(equals + 1) : null;
      } else if (word.startsWith("-") && word.length() >= 2) {
        target = SHORT.get(word.charAt(1));
        attached = word.length() > 2;
        value = attached ? word.substring(2) : null;
      } else {
        ignored.add(word);
        continue;
      }
      if (!attached && index < words.size() && !words.get(index).startsWith("-")) {
        value = words.get(index++);
      }
      if (target == null || value == null) {
        ignored.add(value == null ? word : word + (attached ? "" : " " + value));
        continue;
      }
      if (target.equals("--gres")) {
        Matcher gpus = GRES_GPU.matcher(value);
        if (!gpus.matches()) {
          ignored.add(word + (attached ? "" : " " + value));
          continue;
        }
        target = "--gpus";
        value = gpus.group(1);
      }
      options.add(target);
      options.add(value);
    }
    return new Translation(List.copyOf(options), List.copyOf(ignored));
  }
}
