package io.gflow.cli.queue;

import io.gflow.protocol.Methods;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.job.ListRequest;
import java.io.IOException;

/**
 * Asks for a listing page by page over one connection and hands each reply frame to a {@link Sink}
 * as it arrives, so that no page is kept once it is shown. Stateless.
 */
final class QueuePages {
  /** Takes one page's reply frame. */
  interface Sink {
    /**
     * Shows the page in {@code frame}, the reply to request {@code id}.
     *
     * @return the {@code after_id} of the next page, or null when this was the last
     * @throws io.gflow.protocol.RpcException when the daemon answered with an error
     */
    Long page(byte[] frame, long id) throws IOException;
  }

  private QueuePages() {}

  /** Fetches {@code first} and the pages after it until a page says it is the last. */
  static void fetch(RpcClient client, ListRequest first, Sink sink) throws IOException {
    ListRequest page = first;
    while (true) {
      byte[] frame = client.callForFrame(Methods.JOB_LIST, page.toJson());
      Long next = sink.page(frame, client.lastId());
      if (next == null) {
        return;
      }
      page =
          new ListRequest(
              page.users(),
              page.states(),
              page.ids(),
              page.names(),
              page.since(),
              page.limit(),
              next);
    }
  }
}
