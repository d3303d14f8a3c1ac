package io.gflow.daemon.exec;

import io.gflow.daemon.job.ExitStatus;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the launcher and the wrapper recorded about one job in its spool: the wrapper's identity,
 * the job's pid once it has exec'd, and how it ended. Immutable and thread-safe.
 *
 * <p>They record it in one {@code status} file, one line per record, each appended with a single
 * write and ended by {@code '\n'}: {@code wrapper PID TICKS}, {@code jobpid PID}, {@code exit code
 * N} or {@code exit signal N}. A last line without its {@code '\n'} is still being written and is
 * ignored, so a reader never acts on half a record; so are unknown and malformed lines. The file
 * belongs to the job's user in system mode: nothing in it is trusted beyond what {@link JobRunner}
 * verifies.
 */
record SpoolStatus(Optional<WrapperId> wrapper, OptionalLong jobPid, Optional<ExitStatus> exit) {
  /** Parses a status file; the first whole, well-formed line of each kind counts. */
  static SpoolStatus parse(String text) {
    Optional<WrapperId> wrapper = Optional.empty();
    OptionalLong jobPid = OptionalLong.empty();
    Optional<ExitStatus> exit = Optional.empty();
    int start = 0;
    for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      String line = text.substring(start, end);
      start = end + 1;
      int space = line.indexOf(' ');
      String rest = space < 0 ? "" : line.substring(space + 1);
      switch (space < 0 ? line : line.substring(0, space)) {
        case "wrapper" -> wrapper = wrapper.isPresent() ? wrapper : parseWrapper(rest);
        case "jobpid" -> jobPid = jobPid.isPresent() ? jobPid : parsePid(rest);
        case "exit" -> exit = exit.isPresent() ? exit : SpoolDir.parseExit(rest);
        default -> {
          // Unknown: written by a newer wrapper, or garbage. Neither ends a job.
        }
      }
    }
    return new SpoolStatus(wrapper, jobPid, exit);
  }

  /** "PID TICKS", as the launcher records the wrapper and the daemon once did in its own file. */
  static Optional<WrapperId> parseWrapper(String text) {
    String[] parts = text.trim().split(" ");
    if (parts.length != 2) {
      return Optional.empty();
    }
    try {
      return Optional.of(new WrapperId(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static OptionalLong parsePid(String text) {
    try {
      long pid = Long.parseLong(text.trim());
      return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
