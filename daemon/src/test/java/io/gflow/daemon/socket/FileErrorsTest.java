package io.gflow.daemon.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileErrorsTest {
  @Test
  void reason_accessDenied_permissionDeniedNotThePath() {
    assertEquals("permission denied", FileErrors.reason(new AccessDeniedException("/run/gflow")));
  }

  @Test
  void reason_knownConditions_words() {
    assertEquals("no such file", FileErrors.reason(new NoSuchFileException("/x")));
    assertEquals("not a directory", FileErrors.reason(new NotDirectoryException("/x")));
    assertEquals(
        "read-only file system",
        FileErrors.reason(new FileSystemException("/x", null, "Read-only file system")));
    assertEquals("disk on fire", FileErrors.reason(new IOException("disk on fire")));
    assertEquals("IOException", FileErrors.reason(new IOException()));
  }

  @Test
  void describe_pathKnown_pathAndReason() {
    assertEquals(
        "/var/lib/gflow: permission denied",
        FileErrors.describe(new AccessDeniedException("/var/lib/gflow")));
    assertEquals("disk on fire", FileErrors.describe(new IOException("disk on fire")));
  }

  @Test
  void cannotCreate_dirItself_reasonAndHint() {
    assertEquals(
        "cannot create state dir /var/lib/gflow: permission denied: create it for uid 1000 or use"
            + " another --state-dir",
        FileErrors.cannotCreate(
            "state dir",
            Path.of("/var/lib/gflow"),
            1000,
            "--state-dir",
            new AccessDeniedException("/var/lib/gflow")));
  }

  @Test
  void cannotCreate_parentFailed_namesTheParent() {
    assertEquals(
        "cannot create socket directory /srv/a/b: /srv/a: permission denied: create it for uid 7"
            + " or use another --socket",
        FileErrors.cannotCreate(
            "socket directory",
            Path.of("/srv/a/b"),
            7,
            "--socket",
            new AccessDeniedException("/srv/a")));
  }
}
