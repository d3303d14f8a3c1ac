package io.gflow.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario needs: sizes, the distribution, a work directory, the run's floors, and where
 * figures go (each printed as a JSON line at once, kept for the final table). Not thread-safe: the
 * main thread reports.
 */
final class BenchContext {
  private final Sizes sizes;
  private final Dist dist;
  private final Path workDir;
  private final PrintStream out;
  private final List<Figure> figures = new ArrayList<>();
  private Floors floors;

  BenchContext(Sizes sizes, Dist dist, Path workDir, PrintStream out) {
    this.sizes = sizes;
    this.dist = dist;
    this.workDir = workDir;
    this.out = out;
  }

  Sizes sizes() {
    return sizes;
  }

  Dist dist() {
    return dist;
  }

  Path workDir() {
    return workDir;
  }

  /** A fresh directory for one daemon or store: socket, state dir, config, log. */
  Path newDir(String name) throws IOException {
    return Files.createDirectory(workDir.resolve(name));
  }

  /** One job slot per core, as the targets ask. */
  int slots() {
    return Runtime.getRuntime().availableProcessors();
  }

  Floors floors() {
    if (floors == null) {
      throw new IllegalStateException("floors are measured before any scenario");
    }
    return floors;
  }

  void setFloors(Floors floors) {
    this.floors = floors;
  }

  void report(Figure figure) {
    figures.add(figure);
    out.println(figure.toJsonLine());
    out.flush();
  }

  List<Figure> figures() {
    return List.copyOf(figures);
  }
}
