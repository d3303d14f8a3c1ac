package io.gflow.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A fake {@code nvidia-smi}: a shell script in its own temp dir that prints {@code count} GPUs for
 * {@code --query-gpu} and, for {@code --query-compute-apps}, whatever the test last put with {@link
 * #computeApps} (read afresh on each call, so a running daemon's probe sees changes). Not
 * thread-safe; one per test.
 */
public final class FakeNvidiaSmi implements AutoCloseable {
  private static final String SCRIPT =
      """
      #!/bin/sh
      dir=$(dirname "$0")
      case "$1" in
        --query-gpu=index,uuid,name,memory.total) cat "$dir/gpus.csv" ;;
        --query-compute-apps=gpu_uuid,pid,used_memory) cat "$dir/apps.csv" ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
      esac
      """;

  private final Path dir;

  private FakeNvidiaSmi(Path dir) {
    this.dir = dir;
  }

  /** A fake with GPUs 0..count-1 (NVIDIA A100-SXM4-40GB) and no compute processes. */
  public static FakeNvidiaSmi withGpus(int count) {
    try {
      Path dir = Files.createTempDirectory(Path.of("/tmp"), "fsmi");
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      StringBuilder gpus = new StringBuilder();
      for (int index = 0; index < count; index++) {
        gpus.append(index)
            .append(", ")
            .append(uuid(index))
            .append(", NVIDIA A100-SXM4-40GB, 40960 MiB\n");
      }
      Files.writeString(dir.resolve("gpus.csv"), gpus);
      Files.writeString(dir.resolve("apps.csv"), "");
      Path script = dir.resolve("nvidia-smi");
      Files.writeString(script, SCRIPT);
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
      return new FakeNvidiaSmi(dir);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  /** The uuid the fake gives GPU {@code index}. */
  public static String uuid(int index) {
    return String.format("GPU-fa4e0000-0000-4000-8000-%012d", index);
  }

  public Path path() {
    return dir.resolve("nvidia-smi");
  }

  /** A {@code [scheduler]} table using this fake, probing every {@code poll} (e.g. "200ms"). */
  public String schedulerConfig(String poll) {
    return "[scheduler]\ngpus = \"auto\"\nnvidia_smi = \""
        + path()
        + "\"\ngpu_poll = \""
        + poll
        + "\"\n";
  }

  /** Replaces the compute processes listed: pid → GPU index (empty: none). */
  public void computeApps(Map<Long, Integer> gpuOfPid) {
    String lines =
        gpuOfPid.entrySet().stream()
            .map(entry -> uuid(entry.getValue()) + ", " + entry.getKey() + ", 1024 MiB\n")
            .collect(Collectors.joining());
    try {
      Path temp = dir.resolve("apps.csv.tmp");
      Files.writeString(temp, lines);
      Files.move(temp, dir.resolve("apps.csv"), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  @Override
  public void close() throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
