package io.gflow.daemon.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteLibraryTest {
  @TempDir Path dir;

  @Test
  void keptCopy_emptyDir_writesThePrivateCopyOfTheDriversLibrary() throws Exception {
    Path kept = SqliteLibrary.keptCopy(dir).orElseThrow();

    assertEquals(dir, kept.getParent());
    assertArrayEquals(driverLibrary(), Files.readAllBytes(kept));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
    assertEquals(List.of(kept), files());
  }

  @Test
  void keptCopy_secondStart_usesTheCopyAsItIs() throws Exception {
    Path kept = SqliteLibrary.keptCopy(dir).orElseThrow();
    FileTime written = FileTime.fromMillis(1_000_000);
    Files.setLastModifiedTime(kept, written);

    assertEquals(kept, SqliteLibrary.keptCopy(dir).orElseThrow());
    assertEquals(written, Files.getLastModifiedTime(kept));
  }

  @Test
  void keptCopy_damagedCopy_replacedNotUsed() throws Exception {
    Path kept = SqliteLibrary.keptCopy(dir).orElseThrow();
    Files.write(kept, new byte[] {0x7f, 'E', 'L', 'F'});

    assertEquals(kept, SqliteLibrary.keptCopy(dir).orElseThrow());
    assertArrayEquals(driverLibrary(), Files.readAllBytes(kept));
  }

  @Test
  void keptCopy_copyOfAnotherVersion_removedWhenTheNewOneIsWritten() throws Exception {
    Path old = dir.resolve("sqlite-0123abcd-" + LibraryLoaderUtil.getNativeLibName());
    Files.writeString(old, "older driver");
    Path unrelated = Files.writeString(dir.resolve("libjunixsocket.so"), "not ours");

    Path kept = SqliteLibrary.keptCopy(dir).orElseThrow();

    assertFalse(Files.exists(old));
    assertTrue(Files.exists(unrelated));
    assertTrue(Files.exists(kept));
  }

  private List<Path> files() throws Exception {
    try (var listing = Files.list(dir)) {
      return listing.toList();
    }
  }

  private static byte[] driverLibrary() throws Exception {
    String resource =
        LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
    try (InputStream in = LibraryLoaderUtil.class.getResourceAsStream(resource)) {
      return in.readAllBytes();
    }
  }
}
