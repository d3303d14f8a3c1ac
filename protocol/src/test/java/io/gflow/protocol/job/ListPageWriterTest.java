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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
  void page_withRunsEncodedApart_sameTextAsJobByJob() {
    List<JobInfo> jobs = List.of(JOB, REDACTED, SCRIPT_JOB, AWKWARD_JOB, JOB);
    for (Set<JobField> fields : List.of(Set.<JobField>of(), EnumSet.of(JobField.NAME))) {
      ListPageWriter oneByOne = new ListPageWriter(fields);
      jobs.forEach(oneByOne::add);
      String expected = oneByOne.finish(3L).text();

      ListPageWriter page = new ListPageWriter(fields);
      page.add(jobs.get(0));
      ListPageWriter.Jobs second = page.newJobs();
      ListPageWriter.Jobs third = page.newJobs();
      second.add(jobs.get(1));
      second.add(jobs.get(2));
      third.add(jobs.get(3));
      page.add(second);
      page.add(page.newJobs()); // an empty run adds nothing
      page.add(third);
      page.add(jobs.get(4));

      assertEquals(expected, page.finish(3L).text(), fields.toString());
    }
    ListPageWriter runsOnly = new ListPageWriter();
    ListPageWriter.Jobs run = runsOnly.newJobs();
    jobs.forEach(run::add);
    runsOnly.add(run);
    assertEquals(page(jobs, null), runsOnly.finish(null).text());
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

  /** Pieces a random string is made of: every kind of char the writer treats differently. */
  private static final String[] PIECES = {
    "a",
    "Z",
    "0",
    " ",
    "~",
    "\"",
    "\\",
    "/",
    "\n",
    "\t",
    "\r",
    "\b",
    "\f",
    "\u0000",
    "\u0001",
    "\u001f",
    "\u007f",
    "\u0080",
    "\u0085",
    "é",
    "ÿ",
    "\u0100",
    "中",
    "\u2028",
    "\u2029",
    "\ufffd",
    "\uffff",
    "😀",
    "\ud800\udc00",
    "\udbff\udfff",
    "%j",
    "${HOME}"
  };

  @Test
  void page_randomJobs_equalsTheRecordsTree() {
    Random random = new Random(8);
    for (int round = 0; round < 300; round++) {
      List<JobInfo> jobs = new ArrayList<>();
      for (int count = random.nextInt(4); count > 0; count--) {
        jobs.add(randomJob(random));
      }
      Long next = random.nextBoolean() ? null : 1 + (long) random.nextInt(Integer.MAX_VALUE);
      assertEquals(
          Json.write(new ListResult(jobs, next).toJson()), page(jobs, next), "round " + round);
    }
  }

  private static JobInfo randomJob(Random random) {
    boolean redacted = random.nextInt(4) == 0;
    boolean script = random.nextBoolean();
    Map<String, String> env = Map.of(text(random), text(random), "PATH", text(random));
    return new JobInfo(
        number(random, 1),
        random.nextBoolean() ? null : number(random, 1),
        random.nextBoolean() ? null : number(random, 0),
        text(random),
        random.nextInt(Integer.MAX_VALUE),
        text(random),
        JobState.values()[random.nextInt(JobState.values().length)],
        random.nextBoolean() ? null : text(random),
        random.nextInt(101),
        random.nextInt(9),
        random.nextBoolean() ? List.of() : List.of(0, random.nextInt(8)),
        instant(random),
        random.nextBoolean() ? null : instant(random),
        random.nextBoolean() ? null : instant(random),
        random.nextBoolean() ? null : random.nextInt(256),
        random.nextBoolean() ? null : 1 + random.nextInt(31),
        random.nextBoolean() ? null : number(random, 0),
        random.nextBoolean() ? null : instant(random),
        random.nextBoolean() ? List.of() : List.of(number(random, 1), number(random, 1)),
        random.nextBoolean() ? DependencyMode.ALL : DependencyMode.ANY,
        random.nextBoolean() ? null : text(random),
        random.nextBoolean() ? null : text(random),
        redacted,
        redacted || script ? null : List.of(text(random), text(random)),
        redacted || !script ? null : text(random),
        redacted ? null : text(random),
        redacted || random.nextBoolean() ? null : env,
        redacted ? null : text(random),
        redacted ? null : text(random));
  }

  /** A number of any length from {@code min}: 0, 9, 10, 99, ..., up to Long.MAX_VALUE. */
  private static long number(Random random, long min) {
    long value =
        switch (random.nextInt(4)) {
          case 0 -> min;
          case 1 -> Long.MAX_VALUE;
          case 2 -> (long) Math.pow(10, random.nextInt(19)) - random.nextInt(2);
          default -> random.nextLong() & Long.MAX_VALUE;
        };
    return Math.max(min, value);
  }

  private static Instant instant(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> Instant.ofEpochSecond(-100_000_000_000L, 1); // year -1199
      case 1 -> Instant.parse("+10000-01-01T00:00:00.000001Z");
      case 2 -> Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000));
      default ->
          Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(4) * 250_000_000L);
    };
  }

  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    for (int count = random.nextInt(6); count > 0; count--) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return text.toString();
  }
}
