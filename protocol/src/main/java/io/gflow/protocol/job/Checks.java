package io.gflow.protocol.job;

import io.gflow.protocol.RpcException;
import io.gflow.protocol.SafeText;
import java.util.List;

/**
 * The validation rules the job wire records share; each failure is INVALID_PARAMS naming the field
 * and the bad value ("priority (120) must be in 0..100"). Stateless and thread-safe.
 */
final class Checks {
  /** Most ids one multi-id call may name. */
  static final int MAX_IDS = 10_000;

  /** Longest path (output, error, cwd) accepted, as Linux's PATH_MAX. */
  static final int MAX_PATH_CHARS = 4096;

  /** Longest job, group or project name. */
  static final int MAX_NAME_CHARS = 200;

  /** Longest single string in general (SPEC §4). */
  static final int MAX_STRING_CHARS = 64 * 1024;

  /** Longest time limit or wait: one year, one day. */
  static final long MAX_TIME_LIMIT_SECONDS = 31_536_000L;

  static final long MAX_TIMEOUT_MS = 86_400_000L;

  static final int MAX_PRIORITY = 100;
  static final int MAX_GPUS = 1024;
  static final long MAX_UID = 0xFFFF_FFFFL;

  private Checks() {}

  static long range(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw RpcException.invalidParams(field + " (" + value + ") must be in " + min + ".." + max);
    }
    return value;
  }

  static void atLeast(String field, long value, long min) {
    if (value < min) {
      throw RpcException.invalidParams(field + " (" + value + ") must be at least " + min);
    }
  }

  static <T> T required(String field, T value) {
    if (value == null) {
      throw RpcException.invalidParams(field + " is required");
    }
    return value;
  }

  /** Length cap only; null passes. */
  static String maxChars(String field, String value, int maxChars) {
    if (value != null && value.length() > maxChars) {
      throw RpcException.invalidParams(
          field
              + " '"
              + SafeText.escape(value, 40)
              + "' is longer than "
              + maxChars
              + " characters ("
              + value.length()
              + ")");
    }
    return value;
  }

  /** A name people see in tables (job, group, project): non-empty, capped, no control chars. */
  static String label(String field, String value) {
    if (value == null) {
      return null;
    }
    if (value.isEmpty()) {
      throw RpcException.invalidParams(field + " must not be empty (leave it out instead)");
    }
    maxChars(field, value, MAX_NAME_CHARS);
    if (hasControl(value)) {
      throw RpcException.invalidParams(
          field + " '" + SafeText.escape(value) + "' must not contain control characters");
    }
    return value;
  }

  /** A file system path as given: non-empty, capped, no NUL; null passes. */
  static String path(String field, String value) {
    if (value == null) {
      return null;
    }
    if (value.isEmpty()) {
      throw RpcException.invalidParams(field + " must not be empty");
    }
    maxChars(field, value, MAX_PATH_CHARS);
    noNul(field, value);
    return value;
  }

  static String noNul(String field, String value) {
    if (value != null && value.indexOf('\0') >= 0) {
      throw RpcException.invalidParams(
          field + " '" + SafeText.escape(value, 40) + "' must not contain NUL");
    }
    return value;
  }

  /** Job ids: each at least 1, at most {@code maxIds} of them (null reads as none). */
  static List<Long> ids(String field, List<Long> ids, int minIds, int maxIds) {
    List<Long> copy = ids == null ? List.of() : List.copyOf(ids);
    if (copy.size() < minIds) {
      throw RpcException.invalidParams(
          field + " must name at least " + minIds + (minIds == 1 ? " job" : " jobs"));
    }
    if (copy.size() > maxIds) {
      throw RpcException.invalidParams(
          field + " names " + copy.size() + " jobs, more than " + maxIds);
    }
    for (long id : copy) {
      atLeast(field + " id", id, 1);
    }
    return copy;
  }

  /**
   * Whether any character is a control character. By char, not by code point: every control
   * character is in the BMP and no half of a surrogate pair is one, so the answer is the same.
   */
  static boolean hasControl(String value) {
    for (int index = 0; index < value.length(); index++) {
      if (isControl(value.charAt(index))) {
        return true;
      }
    }
    return false;
  }

  static boolean isControl(int codePoint) {
    return codePoint < 0x20
        || codePoint == 0x7f
        || (codePoint >= 0x80 && codePoint < 0xa0)
        || codePoint == 0x2028
        || codePoint == 0x2029;
  }
}
