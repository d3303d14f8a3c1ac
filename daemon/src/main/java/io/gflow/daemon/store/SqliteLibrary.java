package io.gflow.daemon.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps one copy of sqlite-jdbc's native library in the daemon's private native directory and has
 * the driver load it from there. Left alone, the driver writes a fresh copy under a random name at
 * every start, compares it with the jar byte by byte and deletes it at exit: about 1 MB written and
 * read twice, a noticeable part of an empty daemon's start. The kept copy is named after the jar
 * entry's CRC-32 and checked against it at each start, so an upgraded or damaged library is
 * replaced, never loaded. Stateless and thread-safe; see {@link #useKeptCopy} for when to call it.
 */
final class SqliteLibrary {
  /** sqlite-jdbc's properties: where to load the library from, and its file name there. */
  static final String LIB_PATH = "org.sqlite.lib.path";

  static final String LIB_NAME = "org.sqlite.lib.name";

  /** Set by the daemon ({@code NativeLibraries}) to its private, owner-only native directory. */
  static final String PRIVATE_DIR = "org.sqlite.tmpdir";

  private static final Logger LOG = LoggerFactory.getLogger(SqliteLibrary.class);

  private SqliteLibrary() {}

  /**
   * Before the first connection: when the daemon named its private native directory (the {@code
   * org.sqlite.tmpdir} property) and nobody chose a library, makes sure that directory holds this
   * driver's library and points the driver at it. Does nothing otherwise, or if anything fails (the
   * driver then extracts its own copy as usual).
   */
  static void useKeptCopy() {
    String dir = System.getProperty(PRIVATE_DIR);
    if (dir == null || System.getProperty(LIB_PATH) != null) {
      return;
    }
    try {
      Optional<Path> kept = keptCopy(Path.of(dir));
      if (kept.isPresent()) {
        System.setProperty(LIB_NAME, kept.get().getFileName().toString());
        System.setProperty(LIB_PATH, dir);
      }
    } catch (IOException | RuntimeException failed) {
      LOG.debug("sqlite-jdbc will extract its own library: {}", failed.toString());
    }
  }

  /** The kept copy of the driver's library in {@code dir}, written now if missing or damaged. */
  static Optional<Path> keptCopy(Path dir) throws IOException {
    String resource =
        LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
    URL url = LibraryLoaderUtil.class.getResource(resource);
    if (url == null) {
      return Optional.empty();
    }
    URLConnection connection = url.openConnection();
    if (!(connection instanceof JarURLConnection jar)) {
      return Optional.empty();
    }
    JarEntry entry = jar.getJarEntry();
    if (entry.getCrc() < 0) {
      return Optional.empty();
    }
    String crc = String.format("%08x", entry.getCrc());
    Path kept = dir.resolve("sqlite-" + crc + "-" + LibraryLoaderUtil.getNativeLibName());
    if (Files.isRegularFile(kept, LinkOption.NOFOLLOW_LINKS) && crc(kept) == entry.getCrc()) {
      return Optional.of(kept);
    }
    Path temporary = Files.createTempFile(dir, "sqlite-", ".tmp");
    try {
      // Into the temporary file as created (mode 0600), not a replacement with the umask's mode.
      try (InputStream in = url.openStream();
          OutputStream out = Files.newOutputStream(temporary)) {
        in.transferTo(out);
      }
      if (crc(temporary) != entry.getCrc()) {
        throw new IOException("copy of " + resource + " does not match its jar entry");
      }
      Files.move(temporary, kept, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
    removeOtherCopies(dir, kept);
    return Optional.of(kept);
  }

  /** Deletes copies kept for other versions of the driver (before an upgrade). */
  private static void removeOtherCopies(Path dir, Path kept) throws IOException {
    String glob = "sqlite-????????-" + LibraryLoaderUtil.getNativeLibName();
    try (DirectoryStream<Path> copies = Files.newDirectoryStream(dir, glob)) {
      for (Path copy : copies) {
        if (!copy.equals(kept)) {
          Files.deleteIfExists(copy);
        }
      }
    }
  }

  private static long crc(Path file) throws IOException {
    CRC32 crc = new CRC32();
    crc.update(Files.readAllBytes(file));
    return crc.getValue();
  }
}
