package io.gflow.cli.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks the daemon's state dir and its private files ({@code gflow.db} 0600, {@code audit.log}
 * 0640), and the socket's lock file. What the caller may not read is reported as a warning with how
 * to look anyway. Stateless.
 */
final class StateChecks {
  private StateChecks() {}

  static List<Finding> stateDir(Path dir, long daemonUid, boolean explicit) {
    List<Finding> findings = new ArrayList<>();
    Optional<FileFacts> facts;
    try {
      facts = FileFacts.lstat(dir);
    } catch (IOException failed) {
      findings.add(cannotRead("state dir", dir, failed));
      return findings;
    }
    if (facts.isEmpty()) {
      findings.add(
          explicit
              ? Finding.fail(
                  "state dir",
                  dir,
                  "does not exist",
                  "check the path: --state-dir, or state_dir in gflowd.toml")
              : Finding.warn(
                  "state dir",
                  dir,
                  "does not exist (gflowd creates it at start)",
                  "if the daemon uses another state dir, pass it: gctl doctor --state-dir DIR"));
      return findings;
    }
    Finding verdict = ModeRules.stateDir(facts.get(), daemonUid);
    findings.add(verdict);
    if (verdict.status() != Status.FAIL) {
      file(findings, dir.resolve("gflow.db"), "database", daemonUid, 0600);
      file(findings, dir.resolve("audit.log"), "audit log", daemonUid, 0640);
    }
    return findings;
  }

  private static void file(
      List<Finding> findings, Path file, String check, long daemonUid, int mode) {
    try {
      FileFacts.lstat(file)
          .ifPresent(facts -> findings.add(ModeRules.privateFile(check, facts, daemonUid, mode)));
    } catch (IOException failed) {
      findings.add(cannotRead(check, file, failed));
    }
  }

  /** The socket's lock file: private to the daemon, and naming the running daemon's pid. */
  static Optional<Finding> lockFile(Path socket, long daemonUid, OptionalLong daemonPid) {
    Path lock = socket.resolveSibling(socket.getFileName() + ".lock");
    Optional<FileFacts> facts;
    try {
      facts = FileFacts.lstat(lock);
    } catch (IOException failed) {
      return Optional.of(cannotRead("lock file", lock, failed));
    }
    if (facts.isEmpty()) {
      return Optional.empty(); // no daemon has run here; the socket check says so
    }
    Finding verdict = ModeRules.privateFile("lock file", facts.get(), daemonUid, 0600);
    if (verdict.status() != Status.OK || daemonPid.isEmpty() || !Files.isReadable(lock)) {
      return Optional.of(verdict);
    }
    String holder;
    try {
      holder = Files.readString(lock, StandardCharsets.US_ASCII).trim();
    } catch (IOException unreadable) {
      return Optional.of(verdict);
    }
    if (holder.equals(Long.toString(daemonPid.getAsLong()))) {
      return Optional.of(
          Finding.ok("lock file", lock, "held by the running gflowd, pid " + holder));
    }
    return Optional.of(
        Finding.warn(
            "lock file",
            lock,
            "names pid " + holder + ", but the daemon answering is pid " + daemonPid.getAsLong(),
            "two daemons may share this socket path: gflowd status, and stop the extra one"));
  }

  private static Finding cannotRead(String check, Path path, IOException failed) {
    if (failed instanceof AccessDeniedException) {
      return Finding.warn(
          check,
          path,
          "cannot inspect it as you (permission denied)",
          "run gctl doctor as root or as the daemon's user");
    }
    return Finding.fail(check, path, "cannot inspect: " + failed, "check the path");
  }
}
