package io.gflow.daemon.jobs;

import io.gflow.daemon.sched.Gpu;
import io.gflow.daemon.sched.GpuState;
import io.gflow.protocol.job.GpuInfo;
import io.gflow.protocol.job.GpusResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the {@code sched.gpus} rows from the GPUs present, the scheduler's view of them and the
 * foreign processes last probed, with the reason each is not usable. Pure functions; stateless and
 * thread-safe.
 */
final class GpuRows {
  static final String NOT_ALLOWED = "not allowed (gctl set-gpus)";
  static final String NOT_PRESENT = "not present";

  private GpuRows() {}

  /**
   * One row per GPU present, in index order, then one per index the scheduler knows (allowed or
   * held by a job) that is not present.
   */
  static GpusResult table(
      List<Gpu> present, List<GpuState> states, Map<Integer, List<ForeignProcess>> foreign) {
    Map<Integer, GpuState> byIndex = new TreeMap<>();
    states.forEach(state -> byIndex.put(state.index(), state));
    Map<Integer, Gpu> gpus = new TreeMap<>();
    present.forEach(gpu -> gpus.put(gpu.index(), gpu));
    List<GpuInfo> rows = new ArrayList<>();
    for (Gpu gpu : gpus.values()) {
      rows.add(
          row(gpu, true, byIndex.get(gpu.index()), foreign.getOrDefault(gpu.index(), List.of())));
    }
    for (GpuState state : byIndex.values()) {
      if (!gpus.containsKey(state.index())) {
        rows.add(row(new Gpu(state.index(), "", "", 0), false, state, List.of()));
      }
    }
    return new GpusResult(rows);
  }

  private static GpuInfo row(
      Gpu gpu, boolean present, GpuState state, List<ForeignProcess> foreign) {
    boolean allowed = state != null && state.allowed();
    Long job = state == null ? null : state.jobId();
    List<String> reasons = new ArrayList<>();
    if (!present) {
      reasons.add(NOT_PRESENT);
    }
    if (!allowed) {
      reasons.add(NOT_ALLOWED);
    }
    if (job != null) {
      reasons.add("in use by job " + job);
    }
    foreign.forEach(process -> reasons.add(foreign(process)));
    return new GpuInfo(
        gpu.index(),
        gpu.uuid(),
        gpu.name(),
        Math.max(0, gpu.memoryMib()),
        allowed,
        job != null || !foreign.isEmpty(),
        job,
        reasons.isEmpty() ? null : String.join("; ", reasons));
  }

  /** {@code foreign process pid 4242 (alice) not started by gflow}. */
  static String foreign(ForeignProcess process) {
    return "foreign process pid "
        + process.pid()
        + (process.user() == null ? "" : " (" + process.user() + ")")
        + " not started by gflow";
  }
}
