package io.gflow.cli.queue;

import io.gflow.cli.TableRows;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.job.JobInfo;
import io.gflow.protocol.job.JobInfoReader;
import io.gflow.protocol.job.ListResult;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * The table {@code gqueue} prints: each page's jobs are read one by one straight from the reply
 * frame and become their cells at once; the jobs are not kept. A page in gflowd's plain layout is
 * read in place ({@link PlainRows}); any other page by the records' own strict reader. The table is
 * aligned once all pages are in. Not thread-safe.
 */
final class TableListing implements QueuePages.Sink {
  private final List<QueueColumn> columns;
  private final Instant now;
  private final ZoneId zone;
  private final TableRows rows;

  // Per column, the source of the last cell made ({@link QueueColumn#source}) and that cell: a
  // page's repeated texts are the same strings ({@link PlainRows}), so their cells are made once.
  private final String[] sources;
  private final String[] cells;

  /** A table of {@code columns} at {@code now}; {@code zone} as {@link QueueColumn#zoneFor}. */
  TableListing(List<QueueColumn> columns, Instant now, ZoneId zone) {
    this.columns = columns;
    this.now = now;
    this.zone = zone;
    this.rows = new TableRows(columns.size());
    this.sources = new String[columns.size()];
    this.cells = new String[columns.size()];
  }

  /** As {@link #page(byte[], long, PageFrame)}, locating the jobs first. */
  Long page(byte[] frame, long id) {
    return page(frame, id, PageFrame.locate(frame, id));
  }

  @Override
  public Long page(byte[] frame, long id, PageFrame page) {
    if (page == null) {
      ListResult result = ListResult.fromJson(RpcClient.result(frame, id));
      for (JobInfo job : result.jobs()) {
        add(QueuedJob.of(job));
      }
      return result.jobs().isEmpty() ? null : result.next();
    }
    int before = rows.size();
    if (!PlainRows.read(frame, page.jobsStart(), page.jobsEnd(), this::add)) {
      rows.truncate(before);
      int arrayStart = page.jobsStart() - 1;
      JobInfoReader.readArray(
          frame, arrayStart, page.jobsEnd() + 1 - arrayStart, job -> add(QueuedJob.of(job)));
    }
    return page.empty() ? null : page.next();
  }

  private void add(QueuedJob job) {
    String[] row = new String[cells.length];
    for (int i = 0; i < row.length; i++) {
      QueueColumn column = columns.get(i);
      String source = column.source(job);
      if (source == null || source != sources[i]) {
        cells[i] = column.cell(job, now, zone);
        sources[i] = source;
      }
      row[i] = cells[i];
    }
    rows.add(Arrays.asList(row));
  }

  String render(boolean noHeader) {
    return rows.render(QueueView.headers(columns, noHeader));
  }

  /** Prints what {@link #render} returns. */
  void print(PrintWriter out, boolean noHeader) {
    rows.print(out, QueueView.headers(columns, noHeader));
  }
}
