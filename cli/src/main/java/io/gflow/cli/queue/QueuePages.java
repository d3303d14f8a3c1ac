package io.gflow.cli.queue;

import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.Methods;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.job.ListRequest;
import io.gflow.protocol.json.JsonFormatException;
import io.gflow.protocol.rpc.Response;
import io.gflow.protocol.rpc.RpcError;
import java.io.IOException;
import java.util.Set;

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
     * @param located where its jobs are ({@link PageFrame#locate}), null if not in gflowd's layout
     * @return the {@code after_id} of the next page, or null when this was the last
     * @throws io.gflow.protocol.RpcException when the daemon answered with an error
     */
    Long page(byte[] frame, long id, PageFrame located) throws IOException;
  }

  private QueuePages() {}

  /**
   * The page after job {@code lastId}: twice as many jobs as {@code page}, up to {@link
   * QueueView#PAGE_SIZE}. Small first pages are shown while the daemon reads the bigger ones after
   * them; big later pages keep round trips few.
   */
  static ListRequest next(ListRequest page, long lastId) {
    return page.after(
        lastId, Math.max(page.limit(), Math.min(2 * page.limit(), QueueView.PAGE_SIZE)));
  }

  /** Whether {@code frame} is a daemon's refusal of {@code job.list}'s {@code fields} member. */
  private static boolean refusesFields(byte[] frame, long id) {
    if (PageFrame.locate(frame, id) != null) {
      return false;
    }
    try {
      RpcError error = Response.decode(frame, 0, frame.length).error();
      return error != null
          && error.code() == ErrorCode.INVALID_PARAMS.code()
          && error.message().startsWith("unknown field 'fields'");
    } catch (JsonFormatException | RpcException unreadable) {
      return false; // the sink reports it
    }
  }

  /**
   * Fetches {@code first} and the pages after it until a page says it is the last; {@code first}'s
   * {@code fields} are dropped if the daemon predates them. When a page is in gflowd's own layout,
   * the next one is asked for before this one is shown, so that the daemon reads and encodes it
   * meanwhile (replies come in request order).
   */
  static void fetch(RpcClient client, ListRequest first, Sink sink) throws IOException {
    ListRequest page = first;
    byte[] frame = client.callForFrame(Methods.JOB_LIST, page.toJson());
    long id = client.lastId();
    if (!page.fields().isEmpty() && refusesFields(frame, id)) {
      // A daemon older than this client (not restarted since an upgrade) lists whole jobs only.
      page = page.withFields(Set.of());
      frame = client.callForFrame(Methods.JOB_LIST, page.toJson());
      id = client.lastId();
    }
    while (true) {
      PageFrame located = PageFrame.locate(frame, id);
      long nextId = -1;
      if (located != null && !located.empty() && located.next() != null) {
        page = next(page, located.next());
        nextId = client.sendRequest(Methods.JOB_LIST, page.toJson());
      }
      Long next = sink.page(frame, id, located);
      if (nextId < 0) {
        if (next == null) {
          return;
        }
        page = next(page, next);
        nextId = client.sendRequest(Methods.JOB_LIST, page.toJson());
      }
      frame = client.nextFrame();
      id = nextId;
    }
  }
}
