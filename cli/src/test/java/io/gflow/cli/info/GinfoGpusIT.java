package io.gflow.cli.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.cli.CliRunner;
import io.gflow.daemon.DaemonExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ginfo against a daemon whose nvidia-smi is a fake script printing two GPUs. */
@Timeout(60)
class GinfoGpusIT {
  private static final Path FAKE_SMI = fakeNvidiaSmi();

  @RegisterExtension
  final DaemonExtension daemon =
      DaemonExtension.withConfig(
          "[scheduler]\ngpus = \"auto\"\nnvidia_smi = \"" + FAKE_SMI + "\"\n");

  private static Path fakeNvidiaSmi() {
    try {
      Path script = Files.createTempFile(Path.of("/tmp"), "fake-smi", ".sh");
      Files.writeString(
          script,
          "#!/bin/sh\n"
              + "echo '0, GPU-aaaa, NVIDIA A100-SXM4-80GB, 81920 MiB'\n"
              + "echo '1, GPU-bbbb, Tesla T4, 15360 MiB'\n");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
      return script;
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  @AfterAll
  static void removeFake() throws IOException {
    Files.deleteIfExists(FAKE_SMI);
  }

  @Test
  void gpus_table() {
    CliRunner.Run run = new CliRunner(daemon.socket()).run(new GinfoCommand());
    assertEquals(0, run.exitCode(), run.both());
    String[] lines = run.stdout().split("\n");
    assertEquals(3, lines.length, run.stdout());
    assertTrue(lines[0].matches("INDEX +NAME +MEMORY +ALLOWED +BUSY +JOB +REASON"), lines[0]);
    assertTrue(lines[1].matches("0 +NVIDIA A100-SXM4-80GB +80 GiB +yes +no +- +-"), lines[1]);
    assertTrue(lines[2].matches("1 +Tesla T4 +15 GiB +yes +no +- +-"), lines[2]);
  }
}
