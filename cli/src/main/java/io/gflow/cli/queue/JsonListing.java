package io.gflow.cli.queue;

import io.gflow.cli.ByteWriter;
import io.gflow.protocol.Utf8;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.job.JobInfo;
import io.gflow.protocol.job.ListResult;
import io.gflow.protocol.json.Json;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;

/**
 * {@code gqueue --json}: writes {@code {"jobs":[...]}} page by page as the pages arrive. Jobs in a
 * page of gflowd's own layout ({@link PageFrame}) are copied as the daemon encoded them, which is
 * exactly what decoding and re-encoding them would print; any other page is decoded strictly and
 * re-encoded. ASCII jobs go to a {@link ByteWriter} (stdout) as the bytes they are. Nothing is
 * printed before the first page is in; a daemon error on a later page leaves the document
 * unfinished (and gqueue fails). Not thread-safe.
 */
final class JsonListing implements QueuePages.Sink {
  private final PrintWriter out;
  private boolean started;
  private boolean any;

  JsonListing(PrintWriter out) {
    this.out = out;
  }

  /** As {@link #page(byte[], long, PageFrame)}, locating the jobs first. */
  Long page(byte[] frame, long id) {
    return page(frame, id, PageFrame.locate(frame, id));
  }

  @Override
  public Long page(byte[] frame, long id, PageFrame page) {
    PageFrame.Jobs jobs = page == null ? null : page.jobs(frame);
    if (jobs != null) {
      start();
      if (jobs.count() > 0) {
        separate();
        int length = page.jobsEnd() - page.jobsStart();
        if (jobs.ascii() && out instanceof ByteWriter bytes) {
          bytes.writeAscii(frame, page.jobsStart(), length);
        } else {
          out.write(decode(frame, page.jobsStart(), length));
        }
      }
      return jobs.count() == 0 ? null : page.next();
    }
    ListResult result = ListResult.fromJson(RpcClient.result(frame, id));
    start();
    for (JobInfo job : result.jobs()) {
      separate();
      out.write(Json.write(job.toJson()));
    }
    return result.jobs().isEmpty() ? null : result.next();
  }

  /** Ends the document; call once after the last page (also when there was none). */
  void finish() {
    start();
    out.println("]}");
  }

  private void start() {
    if (!started) {
      out.write("{\"jobs\":[");
      started = true;
    }
  }

  private void separate() {
    if (any) {
      out.write(',');
    }
    any = true;
  }

  private static String decode(byte[] frame, int offset, int length) {
    try {
      return Utf8.decodeStrict(frame, offset, length);
    } catch (CharacterCodingException bad) {
      throw new io.gflow.protocol.RpcException(
          io.gflow.protocol.ErrorCode.INTERNAL_ERROR, "daemon sent a reply that is not UTF-8");
    }
  }
}
