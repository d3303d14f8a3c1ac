package io.gflow.bench;

import io.gflow.protocol.Version;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A built gflow distribution ({@code packaging/target/gflow-<version>/}): the launchers in {@code
 * bin/} are what the benchmark starts, so client start-up is measured as users get it. Immutable.
 */
record Dist(Path home) {
  /**
   * The given directory, or the one the reactor builds next to this jar ({@code
   * bench/target/gflow-bench.jar} → {@code packaging/target/gflow-<version>}).
   *
   * @throws IOException if it has no {@code bin/gflowd}, naming the build command to run
   */
  static Dist locate(Path given) throws IOException {
    Path home = given != null ? given : defaultHome();
    Path gflowd = home.resolve("bin").resolve("gflowd");
    if (!Files.isExecutable(gflowd)) {
      throw new IOException(
          "no gflow distribution at "
              + home
              + " (missing bin/gflowd): build it with ./mvnw -q -DskipTests package, or pass --dist");
    }
    return new Dist(home.toAbsolutePath().normalize());
  }

  private static Path defaultHome() throws IOException {
    try {
      Path jar = Path.of(Dist.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path repo = jar.getParent().getParent().getParent();
      return repo.resolve("packaging").resolve("target").resolve("gflow-" + Version.current());
    } catch (URISyntaxException | RuntimeException unknown) {
      throw new IOException("cannot tell where gflow-bench.jar lies: pass --dist", unknown);
    }
  }

  Path bin(String program) {
    return home.resolve("bin").resolve(program);
  }
}
