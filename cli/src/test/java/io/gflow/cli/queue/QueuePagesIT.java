package io.gflow.cli.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.cli.ByteWriter;
import io.gflow.cli.Cli;
import io.gflow.cli.CliRunner;
import io.gflow.daemon.DaemonExtension;
import io.gflow.protocol.client.ProcessIdentity;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.client.ServerTrust;
import io.gflow.protocol.job.JobField;
import io.gflow.protocol.job.ListRequest;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonFormatException;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
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
  void fetch_growingPages_everyJobOnceInOrderThenTheSameAsOnePage() throws Exception {
    List<Long> ids = submitHeld(7);
    List<String> pages = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
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
            sizes.add(located.jobs(frame).count());
            return listing.page(frame, id, located);
          });
      listing.finish();
      JsonListing one = new JsonListing(new java.io.PrintWriter(new StringBuilderWriter(whole)));
      QueuePages.fetch(client, new ListRequest(null, null, null, null, null, 100, null), one);
      one.finish();
    }
    assertEquals(List.of(2, 4, 1), sizes, "each page twice the one before: " + pages);
    assertEquals(whole.toString(), paged.toString());
    for (long id : ids) {
      assertEquals(1, count(paged.toString(), "{\"id\":" + id + ","), "job " + id);
    }
  }

  /** gqueue -a -c --json through the writers of a real stdout and of the tests; both outputs. */
  private List<String> gqueueJsonBothWays() {
    CliRunner.Run chars =
        new CliRunner(daemon.socket()).run(new GqueueCommand(), "-a", "-c", "--json");
    assertEquals(0, chars.exitCode(), chars.both());
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    String[] args = {"--socket", daemon.socket().toString(), "-a", "-c", "--json"};
    int exit =
        Cli.run(new GqueueCommand(), args, new ByteWriter(stdout, true), new PrintWriter(err));
    assertEquals(0, exit, err.toString());
    return List.of(chars.stdout(), stdout.toString(StandardCharsets.UTF_8));
  }

  @Test
  void gqueueJson_toStdoutBytes_sameAsThroughChars() throws Exception {
    submitHeld(3);
    List<String> ascii = gqueueJsonBothWays(); // every job ASCII: copied as bytes
    assertEquals(ascii.get(0), ascii.get(1));
    assertEquals(3, count(ascii.get(0), "{\"id\":"), ascii.get(0));
    new CliRunner(daemon.socket()).submit(dir, "--hold", "-n", "caf\u00e9-\u4e2d", "true");
    List<String> beyond = gqueueJsonBothWays(); // decoded and written as chars
    assertEquals(beyond.get(0), beyond.get(1));
    assertTrue(beyond.get(0).contains("caf\u00e9-\u4e2d"), beyond.get(0));
  }

  @Test
  void fetch_daemonOlderThanFields_asksAgainForWholeJobs() throws Exception {
    Path socket = dir.resolve("old.sock");
    List<String> requests = new CopyOnWriteArrayList<>();
    List<String> pages = new ArrayList<>();
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Thread old = new Thread(() -> answerAsDaemonWithoutFields(server, requests));
      old.setDaemon(true);
      old.start();
      try (RpcClient client =
          RpcClient.connect(socket, ServerTrust.of(ProcessIdentity.uid(), null))) {
        QueuePages.fetch(
            client,
            new ListRequest(null, null, null, null, null, 100, null)
                .withFields(Set.of(JobField.NAME)),
            (frame, id, located) -> {
              pages.add(new String(frame, StandardCharsets.UTF_8));
              return null;
            });
      }
    }
    assertEquals(2, requests.size(), requests.toString());
    assertTrue(requests.get(0).contains("\"fields\""), requests.get(0));
    assertFalse(requests.get(1).contains("\"fields\""), requests.get(1));
    assertEquals(1, pages.size(), "the refusal is not shown: " + pages);
    assertTrue(pages.get(0).contains("\"result\""), pages.get(0));
  }

  /** Answers like a gflowd from before job.list took fields: refuses the member, lists the rest. */
  private static void answerAsDaemonWithoutFields(
      ServerSocketChannel server, List<String> requests) {
    try (SocketChannel client = server.accept();
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        requests.add(line);
        long id =
            ((JsonNumber) ((JsonObject) Json.parse(line)).get("id")).exactLong().orElseThrow();
        String reply =
            line.contains("\"fields\"")
                ? "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":"
                    + "\"unknown field 'fields' in job.list params\"},\"id\":"
                    + id
                    + "}\n"
                : "{\"jsonrpc\":\"2.0\",\"result\":{\"jobs\":[],\"next\":null},\"id\":"
                    + id
                    + "}\n";
        client.write(ByteBuffer.wrap(reply.getBytes(StandardCharsets.UTF_8)));
      }
    } catch (IOException | JsonFormatException closed) {
      // the test is over (a malformed request fails the test by its missing reply)
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
