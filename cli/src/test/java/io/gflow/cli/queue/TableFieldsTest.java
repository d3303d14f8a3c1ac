package io.gflow.cli.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.cli.TestJobs;
import io.gflow.protocol.job.DependencyMode;
import io.gflow.protocol.job.JobField;
import io.gflow.protocol.job.JobInfo;
import io.gflow.protocol.job.JobState;
import io.gflow.protocol.job.ListPageWriter;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.rpc.FrameWriter;
import io.gflow.protocol.rpc.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The table gqueue prints from jobs cut down to the fields its columns ask for is byte for byte the
 * table of the whole jobs, for every column and a variety of jobs.
 */
class TableFieldsTest {
  private static final Instant NOW = TestJobs.SUBMIT.plusSeconds(200_000);
  private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

  private static final List<JobInfo> JOBS =
      List.of(
          TestJobs.pending(1),
          TestJobs.failed(2),
          TestJobs.killed(3),
          TestJobs.failed(4).redact(),
          job(5, JobState.RUNNING, "a-rather-long-job-name-of-forty-chars-x", List.of(0, 3)),
          job(6, JobState.PENDING, "tâche-中文-😀", List.of()),
          job(7, JobState.HELD, "evil\u001b[2Jname\nnext", List.of()),
          job(8, JobState.COMPLETED, "exit-255", List.of(1)),
          job(9, JobState.LOST, "lost", List.of()),
          job(10, JobState.TIMEOUT, "signal-34", List.of()),
          job(11, JobState.PENDING, "script", List.of()).redact(),
          scriptJob(12));

  /** A job with array ids, dependencies, GPUs, a group and a 2-day limit; times per state. */
  private static JobInfo job(long id, JobState state, String name, List<Integer> assigned) {
    boolean started = state == JobState.RUNNING || state.isTerminal();
    Instant start = started ? TestJobs.SUBMIT.plusSeconds(30 + id) : null;
    Instant end = state.isTerminal() ? TestJobs.SUBMIT.plusSeconds(90_061 + id) : null;
    return new JobInfo(
        id,
        id % 2 == 0 ? 4L : null,
        id % 2 == 0 ? id - 4 : null,
        id % 3 == 0 ? "bob" : "alice",
        1000 + id % 3,
        name,
        state,
        state == JobState.RUNNING ? null : "DependencyFailed:" + (id - 1),
        (int) (id * 9 % 101),
        assigned.size() + (int) (id % 2),
        assigned,
        TestJobs.SUBMIT.plusMillis(id * 1_234),
        start,
        end,
        state == JobState.COMPLETED ? 255 : null,
        state == JobState.TIMEOUT ? 34 : null,
        id % 2 == 0 ? 2 * 86_400L + 61 : null,
        TestJobs.SUBMIT.plusSeconds(5),
        List.of(1L, id - 1),
        DependencyMode.ANY,
        "vision",
        "imagenet",
        false,
        List.of("python3", "train it.py", "--name", name),
        null,
        "/home/alice/work dir",
        null,
        "/home/alice/" + id + ".out",
        "/home/alice/" + id + ".err");
  }

  private static JobInfo scriptJob(long id) {
    JobInfo base = job(id, JobState.CANCELLED, "run.sh", List.of());
    return new JobInfo(
        base.id(),
        null,
        null,
        base.user(),
        base.uid(),
        base.name(),
        base.state(),
        "CancelledBy:bob",
        base.priority(),
        base.gpus(),
        base.assignedGpus(),
        base.submitTime(),
        base.startTime(),
        base.endTime(),
        null,
        9,
        null,
        null,
        List.of(),
        DependencyMode.ALL,
        null,
        null,
        false,
        null,
        "#!/bin/sh\nsleep 600\necho done\n",
        "/home/alice",
        Map.of("PATH", "/bin"),
        null,
        null);
  }

  /** The reply frame gflowd sends for {@code jobs} with only {@code fields}. */
  private static byte[] frame(long id, List<JobInfo> jobs, Set<JobField> fields) {
    ListPageWriter page = new ListPageWriter(fields);
    jobs.forEach(page::add);
    FrameWriter frame =
        new FrameWriter().response(Response.success(JsonNumber.of(id), page.finish(null)));
    // The client's frame has no newline (the reader strips it).
    return Arrays.copyOf(frame.bytes(), frame.length() - 1);
  }

  private static List<List<QueueColumn>> columnSets() {
    List<List<QueueColumn>> sets = new ArrayList<>();
    sets.add(QueueView.DEFAULT);
    sets.add(QueueView.COMPLETED);
    sets.add(QueueView.LONG);
    for (QueueColumn column : QueueColumn.values()) {
      sets.add(List.of(column));
    }
    List<QueueColumn> all = new ArrayList<>(List.of(QueueColumn.values()));
    sets.add(List.copyOf(all));
    Collections.reverse(all);
    sets.add(List.copyOf(all));
    return sets;
  }

  @Test
  void table_fromJobsCutToTheColumnsFields_sameBytesAsFromWholeJobs() {
    for (List<QueueColumn> columns : columnSets()) {
      Set<JobField> fields = QueueColumn.fieldsFor(columns);
      byte[] frame = frame(7, JOBS, fields);
      String sent = new String(frame, StandardCharsets.UTF_8);
      assertFalse(sent.contains("\"cwd\":"), sent);
      assertFalse(sent.contains("\"stdout_path\":"), sent);
      assertEquals(columns.contains(QueueColumn.COMMAND), sent.contains("\"command\":"), sent);

      TableListing table = new TableListing(columns, NOW, ZONE);
      table.page(frame, 7);

      for (boolean noHeader : List.of(false, true)) {
        assertEquals(
            RecordTable.of(columns, JOBS, NOW, ZONE, noHeader),
            table.render(noHeader),
            columns::toString);
      }
    }
  }

  @Test
  void table_cutJobsInAnotherLayout_decodedStrictlyToTheSameTable() {
    List<QueueColumn> columns = List.of(QueueColumn.values());
    String spaced =
        new String(frame(3, JOBS, QueueColumn.fieldsFor(columns)), StandardCharsets.UTF_8)
            .replace("\"jobs\":[", "\"jobs\": [");
    TableListing table = new TableListing(columns, NOW, ZONE);
    table.page(spaced.getBytes(StandardCharsets.UTF_8), 3);

    assertEquals(RecordTable.of(columns, JOBS, NOW, ZONE, false), table.render(false));
  }

  @Test
  void fieldsFor_theRequiredMembersAndWhatTheCellsRead() {
    Set<JobField> fields = QueueColumn.fieldsFor(List.of(QueueColumn.EXIT));
    assertTrue(fields.containsAll(JobField.REQUIRED));
    assertTrue(fields.containsAll(Set.of(JobField.EXIT_CODE, JobField.SIGNAL)));
    assertFalse(fields.contains(JobField.COMMAND));
    assertFalse(QueueColumn.fieldsFor(QueueView.LONG).contains(JobField.CWD));
  }
}
