package io.gflow.cli.info;

import io.gflow.cli.Table;
import io.gflow.cli.Texts;
import io.gflow.protocol.job.GpusResult;
import java.util.List;
import java.util.Locale;

/** Formats {@code sched.gpus} for people. Pure functions; stateless and thread-safe. */
public final class GpuTable {
  static final String NO_GPUS = "no GPUs: CPU-only queue";

  private GpuTable() {}

  /** INDEX NAME MEMORY ALLOWED BUSY JOB REASON, or {@link #NO_GPUS}. */
  public static String render(GpusResult result) {
    if (result.gpus().isEmpty()) {
      return NO_GPUS + "\n";
    }
    List<List<String>> rows =
        result.gpus().stream()
            .map(
                gpu ->
                    List.of(
                        Integer.toString(gpu.index()),
                        Texts.safe(gpu.name()),
                        memory(gpu.memoryMib()),
                        gpu.allowed() ? "yes" : "no",
                        gpu.busy() ? "yes" : "no",
                        gpu.job() == null ? "-" : gpu.job().toString(),
                        gpu.reason() == null ? "-" : Texts.safe(gpu.reason())))
            .toList();
    return Table.render(
        List.of("INDEX", "NAME", "MEMORY", "ALLOWED", "BUSY", "JOB", "REASON"), rows);
  }

  /** {@code 512 MiB}, {@code 24 GiB}, {@code 79.6 GiB}. */
  static String memory(long mib) {
    if (mib < 1024) {
      return mib + " MiB";
    }
    if (mib % 1024 == 0) {
      return mib / 1024 + " GiB";
    }
    return String.format(Locale.ROOT, "%.1f GiB", mib / 1024.0);
  }
}
