package io.gflow.daemon.socket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh directory directly under {@code /tmp}, so socket paths in it stay far below the 107-byte
 * {@code sun_path} limit wherever the build runs. Not thread-safe; one per test.
 */
final class ShortTempDir implements AutoCloseable {
  private final Path path;

  private ShortTempDir(Path path) {
    this.path = path;
  }

  static ShortTempDir create() throws IOException {
    return new ShortTempDir(Files.createTempDirectory(Path.of("/tmp"), "gfs"));
  }

  Path path() {
    return path;
  }

  Path resolve(String name) {
    return path.resolve(name);
  }

  @Override
  public void close() throws IOException {
    try (Stream<Path> files = Files.walk(path)) {
      // Files.walk does not follow links, so a planted link to elsewhere is deleted, not walked.
      files.sorted(Comparator.reverseOrder()).forEach(ShortTempDir::delete);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
