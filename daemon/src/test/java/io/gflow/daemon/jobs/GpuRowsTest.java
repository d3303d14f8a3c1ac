package io.gflow.daemon.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.sched.Gpu;
import io.gflow.daemon.sched.GpuState;
import io.gflow.protocol.job.GpuInfo;
import io.gflow.protocol.job.GpusResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpuRowsTest {
  private static final List<Gpu> PRESENT =
      List.of(
          new Gpu(0, "GPU-a", "A100", 40960),
          new Gpu(1, "GPU-b", "A100", 40960),
          new Gpu(2, "GPU-c", "A100", -1));

  @Test
  void table_idleAllowed_noReason() {
    GpuInfo row = only(GpuRows.table(PRESENT, states(true, true, true), Map.of()), 0);

    assertTrue(row.allowed());
    assertFalse(row.busy());
    assertNull(row.reason());
    assertEquals(40960, row.memoryMib());
  }

  @Test
  void table_notAllowed_saysHowToChangeIt() {
    GpuInfo row = only(GpuRows.table(PRESENT, states(true, false, true), Map.of()), 1);

    assertFalse(row.allowed());
    assertEquals("not allowed (gctl set-gpus)", row.reason());
  }

  @Test
  void table_heldByJob_namesTheJob() {
    List<GpuState> states =
        List.of(
            new GpuState(0, true, false, null),
            new GpuState(1, true, false, null),
            new GpuState(2, true, true, 12L));

    GpuInfo row = only(GpuRows.table(PRESENT, states, Map.of()), 2);

    assertTrue(row.busy());
    assertEquals(12L, row.job());
    assertEquals("in use by job 12", row.reason());
    assertEquals(0, row.memoryMib());
  }

  @Test
  void table_foreignProcess_namesPidAndUser() {
    GpuInfo row =
        only(
            GpuRows.table(
                PRESENT,
                states(true, true, true),
                Map.of(1, List.of(new ForeignProcess(1, 4242, "alice")))),
            1);

    assertTrue(row.busy());
    assertNull(row.job());
    assertEquals("foreign process pid 4242 (alice) not started by gflow", row.reason());
  }

  @Test
  void table_severalReasons_joined() {
    GpuInfo row =
        only(
            GpuRows.table(
                PRESENT,
                states(true, false, true),
                Map.of(1, List.of(new ForeignProcess(1, 7, null)))),
            1);

    assertEquals(
        "not allowed (gctl set-gpus); foreign process pid 7 not started by gflow", row.reason());
  }

  @Test
  void table_allowedButAbsent_rowSaysNotPresent() {
    List<GpuState> states =
        List.of(
            new GpuState(0, true, false, null),
            new GpuState(1, true, false, null),
            new GpuState(2, true, false, null),
            new GpuState(5, true, false, null));

    GpusResult table = GpuRows.table(PRESENT, states, Map.of());

    assertEquals(4, table.gpus().size());
    GpuInfo absent = table.gpus().get(3);
    assertEquals(5, absent.index());
    assertEquals("not present", absent.reason());
  }

  private static List<GpuState> states(boolean... allowed) {
    return List.of(
        new GpuState(0, allowed[0], false, null),
        new GpuState(1, allowed[1], false, null),
        new GpuState(2, allowed[2], false, null));
  }

  private static GpuInfo only(GpusResult table, int index) {
    assertEquals(3, table.gpus().size());
    return table.gpus().get(index);
  }
}
