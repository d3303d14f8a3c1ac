package io.gflow.cli.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.cli.TestJobs;
import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.job.DependencyMode;
import io.gflow.protocol.job.JobField;
import io.gflow.protocol.job.JobInfo;
import io.gflow.protocol.job.JobState;
import io.gflow.protocol.job.ListPageWriter;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.rpc.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PlainRowsTest {
  private static final Instant NOW = TestJobs.SUBMIT.plusSeconds(5000);
  // "bob", "bot" and "rob": texts of one length that differ (a row may not take the last one's)
  private static final List<String> PLAIN_TEXT =
      List.of("train", "a b", "x{[]}:,", "", "bob", "bot", "rob");
  private static final List<String> OTHER_TEXT =
      List.of("é", "a\"b", "back\\slash", "tab\there", "\u001b[2J", "中文");

  /** A random valid job; {@code plain} keeps every member plain ({@link PlainRows}). */
  private static JobInfo job(Random random, long id, boolean plain) {
    JobState state = JobState.values()[random.nextInt(JobState.values().length)];
    boolean started = state == JobState.RUNNING || (state.isTerminal() && random.nextBoolean());
    Instant start = started ? TestJobs.SUBMIT.plusMillis(random.nextInt(4_000_000)) : null;
    Instant end =
        started && state.isTerminal() ? start.plusNanos(random.nextInt(1_000_000_000)) : null;
    boolean array = random.nextBoolean();
    boolean redacted = random.nextInt(4) == 0;
    Integer signal = state.isTerminal() && random.nextInt(3) == 0 ? 1 + random.nextInt(64) : null;
    Integer exit = state.isTerminal() && signal == null ? random.nextInt(256) : null;
    List<Integer> gpus = state == JobState.RUNNING ? List.of(random.nextInt(8), 9) : List.of();
    return new JobInfo(
        id,
        array ? id - 1 : null,
        array ? (long) random.nextInt(1000) : null,
        text(random, true),
        random.nextInt(70000),
        text(random, plain),
        state,
        random.nextBoolean() ? null : text(random, plain),
        random.nextInt(101),
        random.nextInt(9),
        gpus,
        TestJobs.SUBMIT.plusSeconds(random.nextInt(1000)),
        start,
        end,
        exit,
        signal,
        random.nextBoolean() ? null : (long) random.nextInt(200_000),
        random.nextBoolean() ? null : TestJobs.SUBMIT,
        random.nextBoolean() ? List.of() : List.of(id + 1, id + 2),
        DependencyMode.values()[random.nextInt(DependencyMode.values().length)],
        random.nextBoolean() ? null : text(random, plain),
        null,
        redacted,
        redacted || plain ? null : List.of("python", text(random, false)),
        null,
        redacted ? null : "/home/" + text(random, plain),
        null,
        null,
        null);
  }

  private static String text(Random random, boolean plain) {
    List<String> from = plain || random.nextInt(3) > 0 ? PLAIN_TEXT : OTHER_TEXT;
    return from.get(random.nextInt(from.size()));
  }

  /** A page of {@code jobs} carrying {@code fields} as gflowd writes it, reply to request 1. */
  private static byte[] frame(List<JobInfo> jobs, Set<JobField> fields) {
    ListPageWriter page = new ListPageWriter(fields);
    jobs.forEach(page::add);
    return Json.write(Response.success(JsonNumber.of(1), page.finish(null)).toJson())
        .getBytes(StandardCharsets.UTF_8);
  }

  private static Set<JobField> randomFields(Random random, List<QueueColumn> columns) {
    Set<JobField> fields = EnumSet.copyOf(QueueColumn.fieldsFor(columns));
    for (JobField extra : JobField.values()) {
      if (random.nextInt(4) == 0) {
        fields.add(extra);
      }
    }
    return fields;
  }

  private static List<QueueColumn> randomColumns(Random random) {
    List<QueueColumn> columns = new ArrayList<>(Arrays.asList(QueueColumn.values()));
    Collections.shuffle(columns, random);
    return List.copyOf(columns.subList(0, 1 + random.nextInt(columns.size())));
  }

  @Test
  void randomPages_sameTableAsFromTheRecords_andPlainOnesReadInPlace() {
    Random random = new Random(42);
    int readInPlace = 0;
    for (int round = 0; round < 400; round++) {
      boolean plain = random.nextInt(3) > 0;
      List<JobInfo> jobs = new ArrayList<>();
      // Mostly short pages; every tenth a long one, where texts and cells repeat.
      int count = random.nextInt(round % 10 == 0 ? 300 : 12);
      for (int index = 0; index < count; index++) {
        jobs.add(job(random, 10 + 3L * index, plain));
      }
      List<QueueColumn> columns = randomColumns(random);
      Set<JobField> fields = randomFields(random, columns);
      byte[] frame = frame(jobs, fields);
      List<JobState> states = new ArrayList<>();
      boolean inPlace = read(frame, job -> states.add(job.state()));
      if (plain && !fields.contains(JobField.COMMAND) && !fields.contains(JobField.ENV)) {
        assertTrue(inPlace, "plain page read in place, round " + round);
      }
      if (inPlace) {
        readInPlace++;
        assertEquals(jobs.stream().map(JobInfo::state).toList(), states);
      }
      TableListing table = new TableListing(columns, NOW, ZoneOffset.UTC);
      table.page(frame, 1);
      assertEquals(
          RecordTable.of(columns, jobs, NOW, ZoneOffset.UTC, false),
          table.render(false),
          "round " + round + " columns " + columns + " fields " + fields);
    }
    assertTrue(readInPlace > 150, "pages read in place: " + readInPlace);
  }

  @Test
  void plainJob_membersAsTheRecordHasThem() {
    Random random = new Random(7);
    Set<JobField> all = EnumSet.allOf(JobField.class);
    all.removeAll(List.of(JobField.COMMAND, JobField.ENV));
    for (int round = 0; round < 200; round++) {
      JobInfo expected = job(random, 5, true);
      byte[] frame = frame(List.of(expected), all);
      List<String> seen = new ArrayList<>();
      assertTrue(read(frame, job -> seen.add(describe(job))));
      assertEquals(List.of(describe(QueuedJob.of(expected))), seen);
    }
    // One page of many jobs, read through one object: each job's texts are its own.
    List<JobInfo> jobs = new ArrayList<>();
    for (int index = 0; index < 300; index++) {
      jobs.add(job(random, 10 + 2L * index, true));
    }
    List<String> seen = new ArrayList<>();
    assertTrue(read(frame(jobs, all), job -> seen.add(describe(job))));
    assertEquals(jobs.stream().map(job -> describe(QueuedJob.of(job))).toList(), seen);
  }

  private static String describe(QueuedJob job) {
    return List.of(
            job.id(),
            String.valueOf(job.arrayJobId()),
            String.valueOf(job.arrayTaskId()),
            job.user(),
            job.name(),
            job.state(),
            String.valueOf(job.reason()),
            job.priority(),
            job.gpus(),
            job.assignedGpus(),
            job.submitTime(),
            String.valueOf(job.startTime()),
            String.valueOf(job.endTime()),
            String.valueOf(job.exitCode()),
            String.valueOf(job.signal()),
            String.valueOf(job.timeLimitSeconds()),
            job.redacted(),
            String.valueOf(job.script()))
        .toString();
  }

  /** The first job of a one-job page whose text {@code from} is replaced by {@code to}. */
  private static boolean readsInPlace(String from, String to) {
    Set<JobField> fields = EnumSet.copyOf(QueueColumn.fieldsFor(QueueView.LONG));
    fields.add(JobField.REDACTED);
    String text = new String(frame(List.of(TestJobs.pending(4)), fields), StandardCharsets.UTF_8);
    assertTrue(text.contains(from), text);
    byte[] frame = text.replace(from, to).getBytes(StandardCharsets.UTF_8);
    return read(frame, job -> {});
  }

  @Test
  void read_jobsThatDoNotEndAtTheBracket_false() {
    byte[] frame =
        frame(
            List.of(TestJobs.pending(4), TestJobs.pending(5)),
            QueueColumn.fieldsFor(List.of(QueueColumn.ID, QueueColumn.STATE)));
    PageFrame page = PageFrame.locate(frame, 1);
    List<QueuedJob> seen = new ArrayList<>();
    assertTrue(PlainRows.read(frame, page.jobsStart(), page.jobsEnd(), seen::add));
    assertFalse(PlainRows.read(frame, page.jobsStart(), page.jobsEnd() - 1, job -> {}));
    assertFalse(PlainRows.read(frame, page.jobsStart(), page.jobsEnd() + 1, job -> {}));
    assertFalse(PlainRows.read(frame, page.jobsEnd(), page.jobsEnd() + 1, job -> {}));
    assertTrue(PlainRows.read(frame, page.jobsEnd(), page.jobsEnd(), job -> {}), "no job");
    String text = new String(frame, StandardCharsets.UTF_8);
    for (String between : List.of("}{", "} ,{", "},]")) {
      byte[] broken = text.replace("},{", between).getBytes(StandardCharsets.UTF_8);
      assertFalse(PlainRows.read(broken, page.jobsStart(), page.jobsEnd(), job -> {}), between);
    }
  }

  /** {@link PlainRows#read} of the page in {@code frame}, the reply to request 1. */
  private static boolean read(byte[] frame, Consumer<QueuedJob> sink) {
    PageFrame page = PageFrame.locate(frame, 1);
    return PlainRows.read(frame, page.jobsStart(), page.jobsEnd(), sink);
  }

  @Test
  void notPlain_leftToTheStrictReader() {
    assertTrue(readsInPlace("\"id\":4", "\"id\":4"));
    assertFalse(readsInPlace("\"id\":4", "\"id\":4.0"), "a fraction");
    assertFalse(readsInPlace("\"id\":4", "\"id\":04"), "a leading zero");
    assertFalse(readsInPlace("\"id\":4", "\"id\":4e0"), "an exponent");
    assertFalse(readsInPlace("\"id\":4", "\"id\":\"4\""), "a string for a number");
    assertFalse(readsInPlace("\"id\":4", "\"id\":null"), "a required member null");
    assertFalse(readsInPlace("\"id\":4,", ""), "a required member missing");
    assertFalse(readsInPlace("\"id\":4,", "\"id\":4,\"id\":4,"), "a repeated member");
    assertFalse(readsInPlace("\"id\":4,", "\"id\":4,\"bogus\":1,"), "an unknown member");
    assertFalse(readsInPlace("\"id\":4,", "\"id\": 4,"), "a blank");
    assertFalse(readsInPlace("\"PENDING\"", "\"BOGUS\""), "an unknown state");
    assertFalse(readsInPlace("\"gpus\":", "\"gpus\":99999999999,\"x\":"), "out of int range");
    assertFalse(readsInPlace("\"priority\":", "\"priority\":99999999999,\"y\":"));
    assertFalse(readsInPlace("\"user\":\"alice\"", "\"user\":\"al\\u0069ce\""), "an escape");
    assertFalse(readsInPlace("\"user\":\"alice\"", "\"user\":\"al\u00e9\""), "beyond ASCII");
    assertFalse(readsInPlace("\"assigned_gpus\":[]", "\"assigned_gpus\":[1,]"), "a stray comma");
    assertFalse(readsInPlace("\"assigned_gpus\":[]", "\"assigned_gpus\":[\"1\"]"));
    assertFalse(readsInPlace("\"redacted\":false", "\"redacted\":0"), "a number for a boolean");
  }

  @Test
  void badInstantInAShownCell_daemonSentInvalidJson() {
    Set<JobField> fields = EnumSet.copyOf(QueueColumn.fieldsFor(QueueView.LONG));
    String text =
        new String(frame(List.of(TestJobs.failed(4)), fields), StandardCharsets.UTF_8)
            .replaceFirst("\"end_time\":\"[^\"]*\"", "\"end_time\":\"yesterday\"");
    byte[] frame = text.getBytes(StandardCharsets.UTF_8);
    TableListing table = new TableListing(QueueView.LONG, NOW, ZoneOffset.UTC);
    RpcException bad = assertThrows(RpcException.class, () -> table.page(frame, 1));
    assertEquals(ErrorCode.INTERNAL_ERROR, bad.code());
    assertEquals(
        "daemon sent invalid JSON: job.end_time 'yesterday' is not an instant", bad.getMessage());
  }
}
