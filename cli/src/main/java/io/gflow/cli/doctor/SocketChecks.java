package io.gflow.cli.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the socket path, every directory leading to it, and whether the caller may reach it.
 * Stateless apart from the findings it collects; not thread-safe.
 */
final class SocketChecks {
  private final Path socket;
  private final Caller caller;
  private final List<Finding> findings = new ArrayList<>();

  private SocketChecks(Path socket, Caller caller) {
    this.socket = socket.toAbsolutePath().normalize();
    this.caller = caller;
  }

  /** The findings, and the uid that owns the socket (the daemon's) when it could be seen. */
  record Outcome(List<Finding> findings, Optional<Long> socketOwner) {}

  static Outcome run(Path socket, Caller caller) {
    return new SocketChecks(socket, caller).run();
  }

  private Outcome run() {
    findings.add(
        ModeRules.socketPathLength(
            socket, socket.toString().getBytes(StandardCharsets.UTF_8).length));
    Optional<FileFacts> socketFacts = lstatQuietly(socket);
    long daemonUid = socketFacts.map(FileFacts::uid).orElse(expectedDaemonUid());
    if (!checkDirectories(daemonUid)) {
      return new Outcome(findings, Optional.empty());
    }
    if (socketFacts.isEmpty()) {
      findings.add(notRunning("no socket at this path"));
      return new Outcome(findings, Optional.empty());
    }
    FileFacts facts = socketFacts.get();
    Finding file = ModeRules.socketFile(facts);
    findings.add(file);
    boolean writable = ModeRules.allows(facts, caller.uid(), caller.groups(), 2);
    if (file.status() == Status.OK && writable) {
      findings.add(
          Finding.ok(
              "socket access",
              socket,
              "you (uid " + caller.uid() + ") may enter its directories and write to it"));
    }
    if (file.status() == Status.OK && !writable) {
      findings.add(
          Finding.fail(
              "socket access",
              socket,
              "mode "
                  + facts.octalMode()
                  + ", group "
                  + facts.group()
                  + ": you (uid "
                  + caller.uid()
                  + ") may not write to it, so you cannot connect",
              "ask an admin to add you to group "
                  + facts.group()
                  + " (systemd SocketGroup=), then log in again"));
    }
    return new Outcome(findings, Optional.of(facts.uid()));
  }

  /** Checks the directories from / down; false if one is missing or closed to the caller. */
  private boolean checkDirectories(long daemonUid) {
    Path ownDir = socket.getParent();
    boolean parentsOk = true;
    for (Path dir : fromRoot(ownDir)) {
      boolean own = dir.equals(ownDir);
      Optional<FileFacts> facts;
      try {
        facts = FileFacts.lstat(dir);
      } catch (IOException failed) {
        findings.add(cannotInspect(dir, failed));
        return false;
      }
      if (facts.isEmpty()) {
        findings.add(
            own
                ? notRunning("no socket, and its directory " + dir + " does not exist")
                : Finding.fail("socket dir parent", dir, "does not exist", "mkdir -m 755 " + dir));
        return false;
      }
      Finding finding = ModeRules.socketDir(facts.get(), daemonUid, !own);
      if (own || finding.status() != Status.OK) {
        findings.add(finding);
      }
      parentsOk &= own || finding.status() == Status.OK;
      if (!ModeRules.allows(facts.get(), caller.uid(), caller.groups(), 1)) {
        findings.add(closed(facts.get()));
        return false;
      }
      if (own && parentsOk && ownDir.getParent() != null) {
        findings.add(
            1,
            Finding.ok(
                "socket dir parent",
                ownDir.getParent(),
                "this and every directory above are owned by "
                    + (daemonUid == 0 ? "root" : "root or uid " + daemonUid)
                    + " and safe from others"));
      }
    }
    return true;
  }

  private Finding notRunning(String why) {
    return Finding.fail("daemon", socket, "not running: " + why, startFix(socket));
  }

  /** How to start the daemon that should serve {@code socket}. */
  static String startFix(Path socket) {
    return socket.startsWith("/run/gflow")
        ? "systemctl start gflowd (and systemctl status gflowd for why it stopped)"
        : "gflowd start (or gflowd run --socket " + socket + " in the foreground)";
  }

  private Finding closed(FileFacts dir) {
    return Finding.fail(
        "socket access",
        dir.path(),
        "mode "
            + dir.octalMode()
            + ", owner uid "
            + dir.uid()
            + ", group "
            + dir.group()
            + ": you (uid "
            + caller.uid()
            + ") may not enter it, so you cannot reach the socket",
        "ask an admin to add you to group "
            + dir.group()
            + " (then log in again), or to make "
            + dir.path()
            + " 0755 to let everyone in");
  }

  private Finding cannotInspect(Path path, IOException failed) {
    String reason =
        failed instanceof AccessDeniedException ? "permission denied" : failed.toString();
    return Finding.fail(
        "socket access",
        path,
        "cannot inspect: " + reason,
        "ask an admin to let you reach the socket's directory (group or mode)");
  }

  private long expectedDaemonUid() {
    return socket.startsWith("/run/gflow") ? 0 : caller.uid();
  }

  private Optional<FileFacts> lstatQuietly(Path path) {
    try {
      return FileFacts.lstat(path);
    } catch (IOException failed) {
      return Optional.empty(); // the directory walk reports why
    }
  }

  private static List<Path> fromRoot(Path dir) {
    List<Path> dirs = new ArrayList<>();
    for (Path current = dir; current != null; current = current.getParent()) {
      dirs.add(0, current);
    }
    return dirs;
  }
}
