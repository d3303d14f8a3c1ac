package io.gflow.cli.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gflow.cli.CliRunner;
import io.gflow.daemon.DaemonExtension;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.job.ListRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Paging against a real daemon: every page once, in order, while the next one is already asked. */
@Timeout(60)
class QueuePagesIT {
  @RegisterExtension
  final DaemonExtension daemon = DaemonExtension.withConfig("allow_root_jobs = true\n");

  @TempDir Path dir;

  private List<Long> submitHeld(int count) {
    CliRunner cli = new CliRunner(daemon.socket());
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(Long.parseLong(cli.submit(dir, "--hold", "true")));
    }
    return ids;
  }

  @Test
  void fetch_smallPages_everyJobOnceInOrderThenTheSameAsOnePage() throws Exception {
    List<Long> ids = submitHeld(5);
    List<String> pages = new ArrayList<>();
    StringBuilder paged = new StringBuilder();
    StringBuilder whole = new StringBuilder();
    try (RpcClient client = daemon.client()) {
      JsonListing listing =
          new JsonListing(new java.io.PrintWriter(new StringBuilderWriter(paged)));
      QueuePages.fetch(
          client,
          new ListRequest(null, null, null, null, null, 2, null),
          (frame, id, located) -> {
            pages.add(new String(frame, java.nio.charset.StandardCharsets.UTF_8));
            return listing.page(frame, id, located);
          });
      listing.finish();
      JsonListing one = new JsonListing(new java.io.PrintWriter(new StringBuilderWriter(whole)));
      QueuePages.fetch(client, new ListRequest(null, null, null, null, null, 100, null), one);
      one.finish();
    }
    assertEquals(3, pages.size(), "pages of 2, 2 and a last one of 1: " + pages);
    assertEquals(whole.toString(), paged.toString());
    for (long id : ids) {
      assertEquals(1, count(paged.toString(), "{\"id\":" + id + ","), "job " + id);
    }
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }

  /** A writer into a StringBuilder. */
  private static final class StringBuilderWriter extends java.io.Writer {
    private final StringBuilder text;

    StringBuilderWriter(StringBuilder text) {
      this.text = text;
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
      text.append(buffer, offset, length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
