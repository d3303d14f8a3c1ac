package io.gflow.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses job id lists as people type them: {@code 42}, {@code 42-45}, {@code 42,43}, and dependency
 * lists such as {@code afterok:1:2}. Stateless and thread-safe.
 */
public final class JobIds {
  /** Most ids one list may name (the wire limit of multi-id calls). */
  public static final int MAX_IDS = 10_000;

  private static final Pattern RANGE = Pattern.compile("(\\d{1,18})(?:-(\\d{1,18}))?");

  private JobIds() {}

  /**
   * The ids in {@code tokens}, each a comma list of ids and ranges, in order and without
   * duplicates.
   *
   * @throws IllegalArgumentException naming the bad token
   */
  public static List<Long> parse(List<String> tokens) {
    Set<Long> ids = new LinkedHashSet<>();
    for (String token : tokens) {
      for (String part : token.split(",", -1)) {
        addRange(ids, part.trim(), token);
      }
    }
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("no job ids given");
    }
    return List.copyOf(ids);
  }

  /** As {@link #parse(List)} for one token. */
  public static List<Long> parse(String token) {
    return parse(List.of(token));
  }

  private static void addRange(Set<Long> ids, String part, String token) {
    Matcher match = RANGE.matcher(part);
    if (!match.matches()) {
      throw new IllegalArgumentException(
          "'" + Texts.safe(token) + "' is not a job id list (like 42, 42-45 or 42,43)");
    }
    long first = Long.parseLong(match.group(1));
    long last = match.group(2) == null ? first : Long.parseLong(match.group(2));
    if (first < 1) {
      throw new IllegalArgumentException("job ids start at 1, got " + first);
    }
    if (last < first) {
      throw new IllegalArgumentException("range " + part + " ends before it starts");
    }
    if (last - first >= MAX_IDS || ids.size() + (last - first) >= MAX_IDS) {
      throw new IllegalArgumentException("more than " + MAX_IDS + " job ids");
    }
    for (long id = first; id <= last; id++) {
      ids.add(id);
    }
  }

  /**
   * A dependency list: ids and ranges separated by commas or colons, optionally prefixed by {@code
   * afterok:} (Slurm); {@code none} or an empty text mean no dependencies.
   *
   * @throws IllegalArgumentException for other Slurm dependency types or bad ids
   */
  public static List<Long> parseDependencies(String text) {
    String rest = text.trim();
    if (rest.isEmpty() || rest.equalsIgnoreCase("none")) {
      return List.of();
    }
    List<String> parts = new ArrayList<>();
    for (String clause : rest.split(",", -1)) {
      String ids = clause.trim();
      int colon = ids.indexOf(':');
      if (colon >= 0 && !Character.isDigit(ids.charAt(0))) {
        String type = ids.substring(0, colon);
        if (!type.equalsIgnoreCase("afterok")) {
          throw new IllegalArgumentException(
              "dependency type '"
                  + Texts.safe(type)
                  + "' is not supported: use afterok:ID[:ID...] or plain ids");
        }
        ids = ids.substring(colon + 1);
      }
      for (String id : ids.split(":", -1)) {
        parts.add(id);
      }
    }
    return parse(String.join(",", parts));
  }
}
