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
      return Optional.of(parse(pid, proc(pid, "stat")));
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
      return parseRealUid(proc(pid, "status"));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * The real uid in the text of a {@code /proc/PID/status}: the first of the numbers on its {@code
   * Uid:} line (real, effective, saved, file system; never the first line), or empty if there is
   * none.
   */
  static OptionalLong parseRealUid(String status) {
    int line = status.indexOf("\nUid:");
    if (line < 0) {
      return OptionalLong.empty();
    }
    int start = line + "\nUid:".length();
    while (start < status.length()
        && (status.charAt(start) == '\t' || status.charAt(start) == ' ')) {
      start++;
    }
    int end = start;
    while (end < status.length() && status.charAt(end) >= '0' && status.charAt(end) <= '9') {
      end++;
    }
    return end == start
        ? OptionalLong.empty()
        : OptionalLong.of(Long.parseLong(status, start, end, 10));
  }

  /**
   * A file of {@code /proc/PID/}, its bytes taken as Latin-1: the command name in it is whatever
   * bytes the program's name began with, cut at 15 bytes (often inside a UTF-8 character), and a
   * strict UTF-8 decoding would refuse it; every field read here is ASCII.
   */
  private static String proc(long pid, String file) throws IOException {
    return new String(
        Files.readAllBytes(Path.of("/proc", Long.toString(pid), file)),
        StandardCharsets.ISO_8859_1);
  }

  /** True for a zombie or a dead process: it has exited even though its pid still shows. */
  boolean exited() {
    return state == 'Z' || state == 'X';
  }
}
