package io.gflow.cli.queue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.cli.ByteWriter;
import io.gflow.cli.TestJobs;
import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.job.DependencyMode;
import io.gflow.protocol.job.JobInfo;
import io.gflow.protocol.job.JobState;
import io.gflow.protocol.job.ListResult;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.rpc.Response;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonListingTest {
  /** Text that needs escaping: quotes, backslash, control and line-break characters, non-ASCII. */
  private static final String AWKWARD = "a\"b\\c\n\t\u0001 é 中 \u0085\u2028\u2029 😀 {[";

  private static JobInfo awkward(long id) {
    return new JobInfo(
        id,
        id - 1,
        1L,
        "bob",
        1001,
        AWKWARD,
        JobState.FAILED,
        "CancelledBy:" + AWKWARD,
        7,
        2,
        List.of(0, 3),
        TestJobs.SUBMIT,
        TestJobs.SUBMIT.plusSeconds(1),
        Instant.parse("2026-05-03T10:00:02.123456789Z"),
        null,
        9,
        60L,
        TestJobs.SUBMIT,
        List.of(1L, 2L),
        DependencyMode.ANY,
        "g}",
        "p]",
        false,
        List.of(AWKWARD, "}", "]"),
        null,
        "/tmp/" + AWKWARD,
        null,
        "/o",
        "/e");
  }

  private static List<JobInfo> jobs() {
    List<JobInfo> jobs = new ArrayList<>();
    jobs.add(TestJobs.failed(3).redact());
    jobs.add(awkward(4));
    jobs.add(TestJobs.killed(5));
    return jobs;
  }

  /** What gflowd sends for a page. */
  private static byte[] frame(long id, List<JobInfo> jobs, Long next) {
    JsonObject reply =
        Response.success(JsonNumber.of(id), new ListResult(jobs, next).toJson()).toJson();
    return Json.write(reply).getBytes(StandardCharsets.UTF_8);
  }

  /** What gqueue --json printed before it streamed: the whole listing decoded and re-encoded. */
  private static String decodedAndReencoded(List<JobInfo> jobs) throws Exception {
    List<JobInfo> decoded = new ArrayList<>();
    for (JobInfo job : jobs) {
      decoded.add(JobInfo.fromJson(Json.parse(Json.write(job.toJson()))));
    }
    return Json.write(
            JsonObject.builder()
                .put("jobs", JsonArray.of(decoded.stream().map(JobInfo::toJson).toList()))
                .build())
        + System.lineSeparator();
  }

  @Test
  void locate_daemonPage_findsJobsCountAndNext() {
    byte[] frame = frame(12, jobs(), 5L);
    PageFrame page = PageFrame.locate(frame, 12);
    assertNotNull(page);
    assertEquals(3, page.jobs(frame).count());
    assertEquals(5L, page.next());
    String slice =
        new String(
            frame, page.jobsStart(), page.jobsEnd() - page.jobsStart(), StandardCharsets.UTF_8);
    assertEquals(
        String.join(",", jobs().stream().map(job -> Json.write(job.toJson())).toList()), slice);
  }

  /** A page of one job whose reason is the JSON string text {@code quoted}, as UTF-8. */
  private static byte[] withReason(String quoted) {
    String page = new String(frame(1, List.of(TestJobs.killed(5)), null), StandardCharsets.UTF_8);
    assertTrue(page.contains("\"CancelledBy:bob\""));
    return page.replace("\"CancelledBy:bob\"", quoted).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void locate_asciiOnlyWhenEveryByteOfTheJobsIs() {
    assertTrue(ascii(withReason("\"plain\"")));
    assertTrue(ascii(frame(1, List.of(), null)));
    assertTrue(ascii(withReason("\"b\\u00e9b\"")), "an escape");
    assertFalse(ascii(withReason("\"b\u00e9b\"")));
    assertFalse(ascii(withReason("\"b\\\u00e9\"")), "after a backslash");
    assertFalse(ascii(frame(1, jobs(), null)));
  }

  /** Whether the jobs of the page in {@code frame}, the reply to request 1, are all ASCII. */
  private static boolean ascii(byte[] frame) {
    return PageFrame.locate(frame, 1).jobs(frame).ascii();
  }

  /** {@code frame} with its first {@code from} replaced by {@code to}. */
  private static byte[] edited(byte[] frame, String from, String to) {
    String text = new String(frame, StandardCharsets.UTF_8);
    int at = text.indexOf(from);
    assertTrue(at >= 0, text);
    return (text.substring(0, at) + to + text.substring(at + from.length()))
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void locate_readsTheEnvelope_jobsChecksWhatIsBetween() {
    byte[] frame = frame(7, jobs(), 99L);
    // Bytes between the jobs that are no JSON: the envelope is still found, the jobs are not.
    for (String between : List.of("}{", "},,{", "}, {")) {
      byte[] broken = edited(frame, "},{", between);
      PageFrame page = PageFrame.locate(broken, 7);
      assertEquals(99L, page.next(), between);
      assertNull(page.jobs(broken), between);
    }
    byte[] trailing = edited(frame, "],\"next\"", ",],\"next\"");
    assertNull(PageFrame.locate(trailing, 7).jobs(trailing), "a comma after the last job");
    byte[] unclosed = edited(frame, "}],\"next\"", "],\"next\"");
    assertNull(PageFrame.locate(unclosed, 7).jobs(unclosed), "the last job unclosed");
    assertNull(PageFrame.locate(edited(frame, "\"next\":99}", "\"next\":099}"), 7), "zero");
    assertNull(PageFrame.locate(edited(frame, "\"next\":99}", "\"next\":}"), 7), "no value");
    assertNull(PageFrame.locate(edited(frame, "\"next\":99}", "\"nxt\":99}"), 7));
    assertNull(PageFrame.locate(edited(frame, "],\"next\"", "},\"next\""), 7));
  }

  @Test
  void locate_lastAndEmptyPages() {
    PageFrame last = PageFrame.locate(frame(1, jobs(), null), 1);
    assertNotNull(last);
    assertNull(last.next());
    byte[] none = frame(1, List.of(), null);
    PageFrame empty = PageFrame.locate(none, 1);
    assertNotNull(empty);
    assertTrue(empty.empty());
    assertEquals(0, empty.jobs(none).count());
  }

  @Test
  void locate_otherShapes_null() {
    assertNull(PageFrame.locate(frame(1, jobs(), null), 2), "another request's reply");
    byte[] error =
        Json.write(Response.failure(JsonNumber.of(1), ErrorCode.FORBIDDEN, "no").toJson())
            .getBytes(StandardCharsets.UTF_8);
    assertNull(PageFrame.locate(error, 1));
    byte[] truncated = frame(1, jobs(), null);
    assertNull(PageFrame.locate(java.util.Arrays.copyOf(truncated, truncated.length - 30), 1));
    byte[] spaced =
        new String(frame(1, jobs(), null), StandardCharsets.UTF_8)
            .replace("\"jobs\":[", "\"jobs\": [")
            .getBytes(StandardCharsets.UTF_8);
    assertNull(PageFrame.locate(spaced, 1));
  }

  @Test
  void pages_printExactlyWhatDecodingAndReencodingPrinted() throws Exception {
    StringWriter text = new StringWriter();
    JsonListing listing = new JsonListing(new PrintWriter(text));
    List<JobInfo> first = jobs().subList(0, 2);
    List<JobInfo> second = jobs().subList(2, 3);
    assertEquals(4L, listing.page(frame(1, first, 4L), 1));
    assertNull(listing.page(frame(2, second, null), 2));
    listing.finish();
    assertEquals(decodedAndReencoded(jobs()), text.toString());
  }

  @Test
  void otherLayout_decodedStrictlyWithTheSameOutput() throws Exception {
    StringWriter text = new StringWriter();
    JsonListing listing = new JsonListing(new PrintWriter(text));
    byte[] spaced =
        new String(frame(1, jobs(), null), StandardCharsets.UTF_8)
            .replace("\"jobs\":[", "\"jobs\": [")
            .getBytes(StandardCharsets.UTF_8);
    assertNull(listing.page(spaced, 1));
    listing.finish();
    assertEquals(decodedAndReencoded(jobs()), text.toString());
  }

  @Test
  void noJobs_emptyDocument() {
    StringWriter text = new StringWriter();
    JsonListing listing = new JsonListing(new PrintWriter(text));
    assertNull(listing.page(frame(1, List.of(), null), 1));
    listing.finish();
    assertEquals("{\"jobs\":[]}" + System.lineSeparator(), text.toString());
  }

  @Test
  void errorReply_throwsItAndPrintsNothing() {
    StringWriter text = new StringWriter();
    JsonListing listing = new JsonListing(new PrintWriter(text));
    byte[] error =
        Json.write(Response.failure(JsonNumber.of(1), ErrorCode.FORBIDDEN, "no").toJson())
            .getBytes(StandardCharsets.UTF_8);
    RpcException thrown = assertThrows(RpcException.class, () -> listing.page(error, 1));
    assertEquals(ErrorCode.FORBIDDEN, thrown.code());
    assertEquals("", text.toString());
  }

  /** Prints the pages with {@code out} as gqueue does; returns what reached the byte stream. */
  private static byte[] printed(boolean bytePath, List<List<JobInfo>> pages) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    PrintWriter out = bytePath ? new ByteWriter(stdout, true) : new PrintWriter(stdout, true);
    JsonListing listing = new JsonListing(out);
    for (int index = 0; index < pages.size(); index++) {
      Long next = index + 1 < pages.size() ? 100L + index : null;
      assertEquals(next, listing.page(frame(index + 1, pages.get(index), next), index + 1));
    }
    listing.finish();
    out.flush();
    return stdout.toByteArray();
  }

  @Test
  void bytePath_asciiAndOtherPages_sameBytesAsThroughChars() throws Exception {
    List<JobInfo> ascii = List.of(TestJobs.failed(3).redact(), TestJobs.killed(5));
    List<JobInfo> beyondAscii = List.of(awkward(6), TestJobs.killed(7));
    assertTrue(
        new String(frame(1, ascii, null), StandardCharsets.UTF_8).chars().allMatch(c -> c < 0x80));
    List<List<List<JobInfo>>> listings =
        List.of(
            List.of(ascii),
            List.of(ascii, beyondAscii, ascii),
            List.of(beyondAscii, ascii),
            List.of(List.of()));
    for (List<List<JobInfo>> pages : listings) {
      byte[] throughChars = printed(false, pages);
      assertArrayEquals(throughChars, printed(true, pages));
      assertEquals(
          Json.parse(new String(throughChars, StandardCharsets.UTF_8)),
          Json.parse(new String(printed(true, pages), StandardCharsets.UTF_8)));
    }
  }
}
