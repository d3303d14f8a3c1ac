package io.gflow.daemon.auth;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the output of {@code id} and {@code getent} run with {@code LC_ALL=C}. Anything unexpected
 * gives an empty result: an account we cannot read is an unknown account.
 */
final class NssOutput {
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");
  private static final Pattern GROUP_SEPARATOR = Pattern.compile(",(?=[0-9]+(?:\\(|,|$))");

  private NssOutput() {}

  /** Parses {@code uid=1001(bob) gid=1001(bob) groups=1001(bob),27(sudo)} for {@code uid}. */
  static Optional<Account> parseId(String output, long expectedUid) {
    String line = firstLine(output);
    if (!line.startsWith("uid=")) {
      return Optional.empty();
    }
    int gidAt = line.indexOf(" gid=");
    int groupsAt = line.indexOf(" groups=", Math.max(gidAt, 0));
    if (gidAt < 0 || groupsAt < 0) {
      return Optional.empty();
    }
    IdAndName user = IdAndName.parse(line.substring("uid=".length(), gidAt));
    IdAndName primary = IdAndName.parse(line.substring(gidAt + " gid=".length(), groupsAt));
    if (user == null || primary == null || user.id() != expectedUid || user.name() == null) {
      return Optional.empty();
    }
    Set<Long> groups = new HashSet<>();
    Map<Long, String> groupNames = new HashMap<>();
    String groupList = line.substring(groupsAt + " groups=".length());
    for (String entry : GROUP_SEPARATOR.split(groupList, -1)) {
      IdAndName group = IdAndName.parse(entry);
      if (group == null) {
        return Optional.empty();
      }
      groups.add(group.id());
      if (group.name() != null) {
        groupNames.put(group.id(), group.name());
      }
    }
    if (primary.name() != null) {
      groupNames.put(primary.id(), primary.name());
    }
    return Optional.of(new Account(user.id(), user.name(), primary.id(), groups, groupNames));
  }

  /**
   * The gid from a {@code getent group} line {@code name:x:gid:members} for exactly {@code name}.
   */
  static Optional<Long> parseGroupEntry(String output, String expectedName) {
    return idField(output, expectedName, 2);
  }

  /**
   * The uid from a {@code getent passwd} line {@code name:x:uid:gid:...} for exactly {@code name}.
   */
  static Optional<Long> parsePasswdEntry(String output, String expectedName) {
    return idField(output, expectedName, 2);
  }

  private static Optional<Long> idField(String output, String expectedName, int index) {
    String[] fields = firstLine(output).split(":", -1);
    if (fields.length <= index || !fields[0].equals(expectedName)) {
      return Optional.empty();
    }
    return parseNumber(fields[index]);
  }

  private static Optional<Long> parseNumber(String text) {
    if (!DIGITS.matcher(text).matches()) {
      return Optional.empty();
    }
    long id = Long.parseLong(text);
    return id < Caller.MAX_ID ? Optional.of(id) : Optional.empty();
  }

  private static String firstLine(String output) {
    int end = output.indexOf('\n');
    return end < 0 ? output : output.substring(0, end);
  }

  /** {@code 1001(bob)} or a bare {@code 1001}. */
  private record IdAndName(long id, String name) {
    static IdAndName parse(String text) {
      int open = text.indexOf('(');
      String digits = open < 0 ? text : text.substring(0, open);
      Optional<Long> id = parseNumber(digits);
      if (id.isEmpty()) {
        return null;
      }
      if (open < 0) {
        return new IdAndName(id.get(), null);
      }
      if (!text.endsWith(")") || text.length() - open < 3) {
        return null;
      }
      return new IdAndName(id.get(), text.substring(open + 1, text.length() - 1));
    }
  }
}
