package io.gflow.daemon.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class GpuProbeTest {
  /** Answers like nvidia-smi 550 on a 4 × A100 host. */
  private static final String FAKE_NVIDIA_SMI =
      """
      #!/bin/sh
      case "$1" in
        --query-gpu=index,uuid,name,memory.total)
          [ "$2" = --format=csv,noheader ] || exit 2
          cat <<'CSV'
      0, GPU-1a2b3c4d-0001-4e5f-8a9b-0c1d2e3f4a5b, NVIDIA A100-SXM4-40GB, 40960 MiB
      1, GPU-1a2b3c4d-0002-4e5f-8a9b-0c1d2e3f4a5b, NVIDIA A100-SXM4-40GB, 40960 MiB
      2, GPU-1a2b3c4d-0003-4e5f-8a9b-0c1d2e3f4a5b, NVIDIA A100-SXM4-40GB, 40960 MiB
      3, GPU-1a2b3c4d-0004-4e5f-8a9b-0c1d2e3f4a5b, NVIDIA A100-SXM4-40GB, [N/A]
      CSV
          ;;
        --query-compute-apps=gpu_uuid,pid,used_memory)
          echo "GPU-1a2b3c4d-0002-4e5f-8a9b-0c1d2e3f4a5b, 31337, 1024 MiB"
          echo "GPU-1a2b3c4d-0004-4e5f-8a9b-0c1d2e3f4a5b, 4242, 17 MiB"
          ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
      esac
      """;

  @TempDir Path dir;

  private String script(String name, String text) throws IOException {
    Path path = dir.resolve(name);
    Files.writeString(path, text);
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
    return path.toString();
  }

  @Test
  void gpus_fakeNvidiaSmi_parsesFourGpus() throws IOException {
    List<Gpu> gpus = new GpuProbe(script("nvidia-smi", FAKE_NVIDIA_SMI)).gpus();

    assertEquals(4, gpus.size());
    assertEquals(
        new Gpu(0, "GPU-1a2b3c4d-0001-4e5f-8a9b-0c1d2e3f4a5b", "NVIDIA A100-SXM4-40GB", 40960),
        gpus.get(0));
    assertEquals(3, gpus.get(3).index());
    assertEquals(-1, gpus.get(3).memoryMib());
  }

  @Test
  void processes_fakeNvidiaSmi_parsesComputeApps() throws IOException {
    List<GpuProcess> processes = new GpuProbe(script("nvidia-smi", FAKE_NVIDIA_SMI)).processes();

    assertEquals(
        List.of(
            new GpuProcess("GPU-1a2b3c4d-0002-4e5f-8a9b-0c1d2e3f4a5b", 31337, 1024),
            new GpuProcess("GPU-1a2b3c4d-0004-4e5f-8a9b-0c1d2e3f4a5b", 4242, 17)),
        processes);
  }

  @Test
  void gpus_missingBinary_emptyCpuOnly() throws IOException {
    assertEquals(List.of(), new GpuProbe(dir.resolve("absent").toString()).gpus());
    assertEquals(List.of(), new GpuProbe(dir.resolve("absent").toString()).processes());
  }

  @Test
  void gpus_driverNotLoaded_throwsWithItsMessage() throws IOException {
    String failing =
        script(
            "nvidia-smi",
            "#!/bin/sh\necho 'NVIDIA-SMI has failed because it couldn''t communicate' >&2\n"
                + "exit 9\n");

    IOException error = assertThrows(IOException.class, () -> new GpuProbe(failing).gpus());

    assertTrue(error.getMessage().contains("exit 9"), error.getMessage());
    assertTrue(error.getMessage().contains("NVIDIA-SMI has failed"), error.getMessage());
  }

  @Test
  void gpus_hangs_timesOut() throws IOException {
    String hanging = script("nvidia-smi", "#!/bin/sh\nsleep 30\n");

    IOException error =
        assertThrows(IOException.class, () -> new GpuProbe(hanging, Duration.ofMillis(300)).gpus());

    assertTrue(error.getMessage().contains("did not answer"), error.getMessage());
  }

  @Test
  void gpus_environment_isFixed() throws IOException {
    String echoing =
        script("nvidia-smi", "#!/bin/sh\necho \"0, GPU-x, ${LC_ALL}-${HOME:-nohome}, 1 MiB\"\n");

    assertEquals("C-nohome", new GpuProbe(echoing).gpus().get(0).name());
  }

  @Test
  void gpus_garbage_throwsNamingTheLine() throws IOException {
    String garbage = script("nvidia-smi", "#!/bin/sh\necho 'No devices were found'\n");

    IOException error = assertThrows(IOException.class, () -> new GpuProbe(garbage).gpus());

    assertTrue(error.getMessage().contains("No devices were found"), error.getMessage());
  }
}
