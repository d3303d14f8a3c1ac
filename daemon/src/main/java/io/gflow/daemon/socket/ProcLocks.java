package io.gflow.daemon.socket;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads {@code /proc/locks} to tell whether this process already holds a POSIX lock on a file,
 * without opening the file. Stateless and thread-safe.
 *
 * <p>Why not just try: POSIX record locks belong to the process, and closing <em>any</em>
 * descriptor of the file releases them. A second {@link SocketGuard#acquire} in the same JVM that
 * opened the lock file, got {@code OverlappingFileLockException} and closed it again would silently
 * free the first guard's lock for another daemon to take.
 */
final class ProcLocks {
  private static final Path PROC_LOCKS = Path.of("/proc/locks");

  private ProcLocks() {}

  /** Whether {@code pid} holds a POSIX lock on {@code file}; false if /proc/locks is unreadable. */
  static boolean heldBy(long pid, FileStatus file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(PROC_LOCKS);
    } catch (IOException e) {
      return false; // no procfs: tryLock still decides, with the caveat in SocketGuard's javadoc
    }
    String device = Long.toHexString(major(file.dev())) + ":" + Long.toHexString(minor(file.dev()));
    for (String line : lines) {
      // "1: POSIX  ADVISORY  WRITE 14120 fe:00:2146797 0 EOF"; waiters have "->" after the id.
      String[] fields = line.trim().split("\\s+");
      if (fields.length < 6 || !fields[1].equals("POSIX")) {
        continue;
      }
      if (fields[4].equals(Long.toString(pid)) && sameFile(fields[5], device, file.ino())) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameFile(String field, String device, long ino) {
    int lastColon = field.lastIndexOf(':');
    if (lastColon < 0 || !field.substring(lastColon + 1).equals(Long.toString(ino))) {
      return false;
    }
    String[] majorMinor = field.substring(0, lastColon).split(":");
    try {
      return majorMinor.length == 2
          && device.equals(
              Long.toHexString(Long.parseLong(majorMinor[0], 16))
                  + ":"
                  + Long.toHexString(Long.parseLong(majorMinor[1], 16)));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  // glibc's gnu_dev_major/gnu_dev_minor: how st_dev packs the numbers /proc/locks prints.
  private static long major(long dev) {
    return ((dev >>> 8) & 0xfff) | ((dev >>> 32) & 0xfffff000L);
  }

  private static long minor(long dev) {
    return (dev & 0xff) | ((dev >>> 12) & 0xffffff00L);
  }
}
