package io.gflow.cli.queue;

import io.gflow.cli.Table;
import io.gflow.protocol.job.JobInfo;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The table gqueue shows for whole records, each cell made on its own by {@link QueueColumn#cell}
 * and laid out by {@link Table#render}: the reference the listing's in-place reading, cell reuse
 * and byte layout ({@link TableListing}) are compared with. Stateless.
 */
final class RecordTable {
  private RecordTable() {}

  /** The aligned table, with a header line unless {@code noHeader}. */
  static String of(
      List<QueueColumn> columns, List<JobInfo> jobs, Instant now, ZoneId zone, boolean noHeader) {
    List<List<String>> rows = new ArrayList<>();
    for (JobInfo job : jobs) {
      List<String> cells = new ArrayList<>();
      for (QueueColumn column : columns) {
        cells.add(column.cell(QueuedJob.of(job), now, zone));
      }
      rows.add(cells);
    }
    return Table.render(QueueView.headers(columns, noHeader), rows);
  }
}
