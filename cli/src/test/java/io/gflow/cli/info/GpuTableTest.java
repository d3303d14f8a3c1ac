package io.gflow.cli.info;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gflow.protocol.job.GpuInfo;
import io.gflow.protocol.job.GpusResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class GpuTableTest {
  @Test
  void render_gpus_alignedTable() {
    GpusResult result =
        new GpusResult(
            List.of(
                new GpuInfo(0, "GPU-a", "NVIDIA A100-SXM4-80GB", 81920, true, true, 42L, null),
                new GpuInfo(
                    1, "GPU-b", "Tesla T4", 15360, false, false, null, "disabled by admin")));
    assertEquals(
        "INDEX  NAME                   MEMORY  ALLOWED  BUSY  JOB  REASON\n"
            + "0      NVIDIA A100-SXM4-80GB  80 GiB  yes      yes   42   -\n"
            + "1      Tesla T4               15 GiB  no       no    -    disabled by admin\n",
        GpuTable.render(result));
  }

  @Test
  void render_none_cpuOnly() {
    assertEquals("no GPUs: CPU-only queue\n", GpuTable.render(new GpusResult(List.of())));
  }

  @Test
  void memory_units() {
    assertEquals("512 MiB", GpuTable.memory(512));
    assertEquals("24 GiB", GpuTable.memory(24576));
    assertEquals("79.6 GiB", GpuTable.memory(81559));
  }
}
