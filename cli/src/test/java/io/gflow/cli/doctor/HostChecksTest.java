package io.gflow.cli.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostChecksTest {
  private static final Path SMI = Path.of("/usr/bin/nvidia-smi");

  @Test
  void jdk_16Fails17Passes() {
    assertEquals(Status.FAIL, HostChecks.jdk(16, "16.0.2", "/jdk16").status());
    assertEquals(Status.OK, HostChecks.jdk(17, "17.0.15", "/jdk17").status());
  }

  @Test
  void gpuVerdict_csvLines_listsGpus() {
    Finding finding =
        HostChecks.gpuVerdict(
            SMI,
            new Programs.Result(
                0, "0, GPU-a, NVIDIA A100, 81920 MiB\n1, GPU-b, NVIDIA H100, 81559 MiB\n"));
    assertEquals(Status.OK, finding.status());
    assertEquals("2 GPU(s): 0 NVIDIA A100; 1 NVIDIA H100", finding.message());
  }

  @Test
  void gpuVerdict_driverError_warnsWithFirstLine() {
    Finding finding =
        HostChecks.gpuVerdict(
            SMI,
            new Programs.Result(
                9, "NVIDIA-SMI has failed because it couldn't communicate with the driver.\n"));
    assertEquals(Status.WARN, finding.status());
    assertTrue(finding.message().startsWith("exited 9: NVIDIA-SMI has failed"), finding.message());
  }

  @Test
  void gpuVerdict_noDevices_warns() {
    Finding finding = HostChecks.gpuVerdict(SMI, new Programs.Result(0, "No devices were found\n"));
    assertEquals(Status.WARN, finding.status());
    assertEquals("found no GPUs: No devices were found", finding.message());
  }

  @Test
  void gpus_missingProgram_warnsNotFails() {
    Finding finding =
        HostChecks.gpus("nvidia-smi-absent", Map.of("PATH", "/nonexistent"), Duration.ofSeconds(1));
    assertEquals(Status.WARN, finding.status());
    assertTrue(finding.message().startsWith("not found"), finding.message());
  }
}
