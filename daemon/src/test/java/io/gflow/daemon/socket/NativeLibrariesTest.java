package io.gflow.daemon.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gflow.protocol.client.ProcessIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibrariesTest {
  @TempDir Path stateDir;

  private String savedJunixsocket;
  private String savedSqlite;

  // The properties are JVM-wide and other tests load junixsocket: put them back as they were.
  @BeforeEach
  void saveProperties() {
    savedJunixsocket = System.getProperty(NativeLibraries.JUNIXSOCKET_TMPDIR);
    savedSqlite = System.getProperty(NativeLibraries.SQLITE_TMPDIR);
  }

  @AfterEach
  void restoreProperties() {
    restore(NativeLibraries.JUNIXSOCKET_TMPDIR, savedJunixsocket);
    restore(NativeLibraries.SQLITE_TMPDIR, savedSqlite);
  }

  @Test
  void usePrivateDir_fresh_creates0700AndSetsBothProperties() throws IOException {
    Path dir = NativeLibraries.usePrivateDir(stateDir);
    assertEquals(stateDir.resolve("native"), dir);
    assertEquals("rwx------", SocketGuardTest.permissions(dir));
    assertEquals(dir.toString(), System.getProperty(NativeLibraries.JUNIXSOCKET_TMPDIR));
    assertEquals(dir.toString(), System.getProperty(NativeLibraries.SQLITE_TMPDIR));
  }

  @Test
  void usePrivateDir_existingLooseDir_tightenedTo0700() throws IOException {
    Path dir = Files.createDirectory(stateDir.resolve("native"));
    Files.setAttribute(dir, "unix:mode", 0777);
    NativeLibraries.usePrivateDir(stateDir);
    assertEquals("rwx------", SocketGuardTest.permissions(dir));
  }

  @Test
  void usePrivateDir_symlink_refusedAndPropertiesUntouched() throws IOException {
    Path elsewhere = Files.createDirectory(stateDir.resolve("elsewhere"));
    Files.createSymbolicLink(stateDir.resolve("native"), elsewhere);
    IOException e = assertThrows(IOException.class, () -> NativeLibraries.usePrivateDir(stateDir));
    assertTrue(e.getMessage().contains("is a symbolic link to " + elsewhere), e.getMessage());
    assertEquals(savedJunixsocket, System.getProperty(NativeLibraries.JUNIXSOCKET_TMPDIR));
  }

  @Test
  void usePrivateDir_foreignOwned_refused() throws IOException {
    assumeTrue(ProcessIdentity.uid() == 0, "needs root: chown the native dir to another uid");
    Path dir = Files.createDirectory(stateDir.resolve("native"));
    Files.setAttribute(dir, "unix:uid", 1234);
    IOException e = assertThrows(IOException.class, () -> NativeLibraries.usePrivateDir(stateDir));
    assertTrue(e.getMessage().contains("owned by uid 1234"), e.getMessage());
  }

  @Test
  void usePrivateDir_missingStateDir_refused() {
    Path missing = stateDir.resolve("missing");
    assertThrows(IOException.class, () -> NativeLibraries.usePrivateDir(missing));
    assertEquals(false, Files.exists(missing));
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
