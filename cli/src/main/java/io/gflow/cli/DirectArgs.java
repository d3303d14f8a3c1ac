package io.gflow.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * A strict reader of a command's arguments in their plainest forms, so that a usual run needs no
 * picocli {@code CommandLine} (whose set-up costs a cold JVM more than the rest of a {@code
 * gqueue}). It accepts: {@code --name} and {@code -n} exactly as declared, a value as the next
 * argument or after {@code =} on a long name, each single-valued option and flag at most once, and
 * positional arguments that cannot be mistaken for options. Anything else (help, version, clustered
 * or attached short options, {@code --}, values that start with {@code -} or are empty, quotes in
 * split values, unknown options) makes it give up; the caller then lets picocli parse the whole
 * command line as before, so usage errors, help and exit codes stay picocli's. {@code
 * DirectArgsTest} checks the values agree with picocli's on generated argument lists. One instance
 * per parse; not thread-safe.
 */
public final class DirectArgs {
  private final String[] args;
  private int next;
  private String attached;
  private boolean failed;

  public DirectArgs(String[] args) {
    this.args = args;
  }

  /**
   * The next argument (a long option without its {@code =value}), or null at the end or once the
   * parse gave up.
   */
  public String next() {
    if (failed || next == args.length) {
      return null;
    }
    String arg = args[next++];
    attached = null;
    int equals = arg.indexOf('=');
    if (arg.startsWith("--") && equals > 0) {
      attached = arg.substring(equals + 1);
      return arg.substring(0, equals);
    }
    return arg;
  }

  /** Whether the parse is still on: false once something was not in a plain form. */
  public boolean ok() {
    return !failed;
  }

  /** Gives up: picocli will parse these arguments. */
  public void fail() {
    failed = true;
  }

  /** Whether the current argument is a plain positional argument. */
  public boolean positional(String arg) {
    return attached == null && plain(arg);
  }

  /** A flag's new value: true, or a failure if it was set already or given a value. */
  public boolean flag(boolean current) {
    if (current || attached != null) {
      fail();
    }
    return true;
  }

  /** A single-valued option's value, or a failure (and {@code current}) if it was set already. */
  public String value(String current) {
    if (current != null) {
      fail();
      return current;
    }
    String value = value();
    return value == null ? current : value;
  }

  /** A path option's value, as {@link #value(String)}; an invalid path is a failure. */
  public Path path(Path current) {
    String value = value(current == null ? null : current.toString());
    if (!ok()) {
      return current;
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException bad) {
      fail();
      return current;
    }
  }

  /** Adds a repeatable option's value to {@code values}. */
  public void add(List<String> values) {
    String value = value();
    if (value != null) {
      values.add(value);
    }
  }

  /** Adds a repeatable option's comma-separated value to {@code values}, piece by piece. */
  public void addSplit(List<String> values) {
    String value = value();
    if (value == null) {
      return;
    }
    String[] pieces = value.split(",", -1);
    for (String piece : pieces) {
      if (piece.isEmpty() || piece.indexOf('"') >= 0) {
        fail();
        return;
      }
    }
    values.addAll(List.of(pieces));
  }

  private String value() {
    String value = attached;
    if (value == null && next < args.length) {
      value = args[next++];
    }
    if (value == null || !plain(value)) {
      fail();
      return null;
    }
    attached = null;
    return value;
  }

  private static boolean plain(String arg) {
    return !arg.isEmpty() && arg.charAt(0) != '-';
  }
}
