package io.gflow.protocol.job;

import static io.gflow.protocol.job.JobFixtures.JOB;
import static io.gflow.protocol.job.JobFixtures.REDACTED;
import static io.gflow.protocol.job.JobFixtures.SCRIPT_JOB;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonEncoded;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.rpc.FrameWriter;
import io.gflow.protocol.rpc.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The streamed page is the same text as the record's tree, golden file included. */
class ListPageWriterTest {
  /** Needs escaping: quotes, backslash, control and line-break characters, non-ASCII, emoji. */
  private static final String AWKWARD = "a\"b\\c\n\t\u0001\u001f\u007f é 中 \u0085\u2028\u2029 😀";

  private static final JobInfo AWKWARD_JOB =
      new JobInfo(
          7,
          6L,
          0L,
          AWKWARD,
          4294967294L,
          AWKWARD,
          JobState.RUNNING,
          AWKWARD,
          100,
          8,
          List.of(0, 7),
          Instant.parse("2026-12-01T08:00:00.123456789Z"),
          Instant.parse("2026-12-01T08:00:01Z"),
          null,
          255,
          64,
          Long.MAX_VALUE,
          Instant.parse("2026-12-01T08:00:00.100Z"),
          List.of(1L, Long.MAX_VALUE),
          DependencyMode.ANY,
          AWKWARD,
          AWKWARD,
          false,
          List.of(AWKWARD, ""),
          AWKWARD,
          AWKWARD,
          Map.of("Z", AWKWARD, "A", "", AWKWARD, "x"),
          AWKWARD,
          AWKWARD);

  private static String page(List<JobInfo> jobs, Long next) {
    ListPageWriter writer = new ListPageWriter();
    jobs.forEach(writer::add);
    return writer.finish(next).text();
  }

  @Test
  void page_equalsTheRecordsTree() {
    List<JobInfo> jobs = List.of(JOB, REDACTED, SCRIPT_JOB, AWKWARD_JOB);
    assertEquals(Json.write(new ListResult(jobs, 9L).toJson()), page(jobs, 9L));
    assertEquals(Json.write(new ListResult(jobs, null).toJson()), page(jobs, null));
    assertEquals(Json.write(new ListResult(List.of(), null).toJson()), page(List.of(), null));
  }

  @Test
  void page_everyFieldNamed_sameAsWholeJobs() {
    List<JobInfo> jobs = List.of(JOB, REDACTED, SCRIPT_JOB, AWKWARD_JOB);
    ListPageWriter writer = new ListPageWriter(EnumSet.allOf(JobField.class));
    jobs.forEach(writer::add);
    assertEquals(page(jobs, 3L), writer.finish(3L).text());
  }

  @Test
  void page_oneField_onlyIdAndThatMemberAsTheWholeJobHasIt() {
    for (JobInfo job : List.of(JOB, REDACTED, SCRIPT_JOB, AWKWARD_JOB)) {
      JsonObject whole = job.toJson();
      for (JobField field : JobField.values()) {
        ListPageWriter writer = new ListPageWriter(Set.of(field));
        writer.add(job);
        JsonObject page = (JsonObject) Golden.parse(writer.finish(null).text());
        JsonObject written = (JsonObject) ((JsonArray) page.get("jobs")).elements().get(0);
        JsonObject.Builder expected = JsonObject.builder().put("id", job.id());
        if (whole.has(field.wireName())) {
          expected.put(field.wireName(), whole.get(field.wireName()));
        }
        assertEquals(Json.write(expected.build()), Json.write(written), field + " of " + job.id());
      }
    }
  }

  @Test
  void page_equalsTheGoldenFile() {
    assertEquals(
        Json.write(Golden.read("list-result.json")), page(List.of(REDACTED, SCRIPT_JOB), 45L));
  }

  @Test
  void encodedInAReply_writtenAsIsByBothWriters() {
    ListPageWriter writer = new ListPageWriter();
    writer.add(AWKWARD_JOB);
    JsonEncoded encoded = writer.finish(null);
    String expected =
        Json.write(
            Response.success(JsonNumber.of(3), new ListResult(List.of(AWKWARD_JOB), null).toJson())
                .toJson());
    Response reply = Response.success(JsonNumber.of(3), encoded);
    assertEquals(expected, Json.write(reply.toJson()));
    FrameWriter frame = new FrameWriter().response(reply);
    assertEquals(
        expected + "\n", new String(frame.bytes(), 0, frame.length(), StandardCharsets.UTF_8));
  }
}
