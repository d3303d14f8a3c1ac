package io.gflow.daemon.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The fields of {@code /proc/PID/stat} that tell whether a process is the one we started and
 * whether it still runs. Immutable and thread-safe.
 *
 * @param state the one-letter state (field 3); {@code Z} and {@code X} mean it has exited
 * @param startTicks the start time in clock ticks since boot (field 22), to tell pid reuse
 */
record ProcessStat(long pid, char state, long ppid, long pgrp, long session, long startTicks) {

  /** The process's stat now, or empty when there is no such process (or it cannot be read). */
  static Optional<ProcessStat> read(long pid) {
    if (pid <= 0) {
      return Optional.empty();
    }
    try {
      String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return Optional.of(parse(pid, text));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Parses one stat line; the command name (field 2) may hold spaces and parentheses. */
  static ProcessStat parse(long pid, String text) {
    int close = text.lastIndexOf(')');
    if (close < 0) {
      throw new IllegalArgumentException("no ')' in /proc/" + pid + "/stat");
    }
    String[] fields = text.substring(close + 1).trim().split(" ");
    // fields[0] is field 3 of proc(5), so field N is fields[N - 3].
    return new ProcessStat(
        pid,
        fields[0].charAt(0),
        Long.parseLong(fields[1]),
        Long.parseLong(fields[2]),
        Long.parseLong(fields[3]),
        Long.parseLong(fields[19]));
  }

  /** The real uid from {@code /proc/PID/status}, or empty when the process is gone. */
  static OptionalLong realUid(long pid) {
    try {
      for (String line :
          Files.readAllLines(
              Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
        if (line.startsWith("Uid:")) {
          return OptionalLong.of(Long.parseLong(line.substring(4).trim().split("\\s+")[0]));
        }
      }
      return OptionalLong.empty();
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /** True for a zombie or a dead process: it has exited even though its pid still shows. */
  boolean exited() {
    return state == 'Z' || state == 'X';
  }
}
