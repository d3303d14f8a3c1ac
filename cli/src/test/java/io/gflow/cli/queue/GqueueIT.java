package io.gflow.cli.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.cli.CliRunner;
import io.gflow.cli.batch.GbatchCommand;
import io.gflow.cli.job.GjobCommand;
import io.gflow.daemon.DaemonExtension;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** gqueue against a real daemon: default view, -c with exit codes, filters, --json, paging. */
@Timeout(60)
class GqueueIT {
  @RegisterExtension
  final DaemonExtension daemon = DaemonExtension.withConfig("allow_root_jobs = true\n");

  @TempDir Path dir;
  private CliRunner cli;

  @BeforeEach
  void runner() {
    cli = new CliRunner(daemon.socket());
  }

  private String submit(String... args) {
    List<String> all =
        new java.util.ArrayList<>(List.of("--parsable", "-o", dir.resolve("%j.out").toString()));
    all.addAll(List.of(args));
    CliRunner.Run run = cli.run(new GbatchCommand(), all.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.both());
    return run.stdout().trim();
  }

  private void finish(String id) {
    cli.runSub(new GjobCommand(), "wait", id, "--timeout", "30");
  }

  @Test
  void default_ownUnfinishedJobsOnly() {
    String held = submit("--hold", "-J", "waiting", "true");
    String done = submit("true");
    finish(done);
    CliRunner.Run run = cli.run(new GqueueCommand());
    assertEquals(0, run.exitCode(), run.both());
    List<String> lines = run.stdout().lines().toList();
    assertTrue(lines.get(0).matches("JOBID +NAME +USER +ST +TIME +GPUS +REASON"), lines.get(0));
    assertTrue(
        lines.stream()
            .anyMatch(line -> line.matches(held + " +waiting +\\S+ +H +0:00 +0 +\\(.+\\)")),
        run.stdout());
    assertFalse(lines.stream().anyMatch(line -> line.startsWith(done + " ")), run.stdout());
  }

  @Test
  void completed_showsExitCodeEndAndFailure() {
    String failed = submit("-J", "bad", "--wrap", "exit 7");
    String ok = submit("-J", "good", "true");
    finish(failed);
    finish(ok);
    CliRunner.Run run = cli.run(new GqueueCommand(), "-c");
    assertEquals(0, run.exitCode(), run.both());
    List<String> lines = run.stdout().lines().toList();
    assertTrue(
        lines.get(0).matches("JOBID +NAME +USER +ST +TIME +GPUS +EXIT +END +REASON"), lines.get(0));
    assertTrue(
        lines.stream()
            .anyMatch(line -> line.matches(failed + " +bad +\\S+ +F +\\S+ +0 +7 +\\d{4}-\\S+ +.*")),
        run.stdout());
    assertTrue(
        lines.stream()
            .anyMatch(line -> line.matches(ok + " +good +\\S+ +CD +\\S+ +0 +0 +\\d{4}-\\S+ +.*")),
        run.stdout());
  }

  @Test
  void filters_statesJobsNamesAndFormat() {
    String held = submit("--hold", "-J", "one", "true");
    submit("--hold", "-J", "two", "true");
    CliRunner.Run byName =
        cli.run(new GqueueCommand(), "-n", "one", "--format", "id,name,state", "--noheader");
    assertEquals(held + "  one  HELD\n", byName.stdout(), byName.both());
    CliRunner.Run byJob = cli.run(new GqueueCommand(), "-j", held, "--format", "id", "--noheader");
    assertEquals(held + "\n", byJob.stdout());
    CliRunner.Run byState = cli.run(new GqueueCommand(), "-s", "R,PD", "--noheader");
    assertEquals("", byState.stdout(), byState.both());
  }

  @Test
  void json_allJobsInOneDocument() throws Exception {
    submit("--hold", "true");
    submit("--hold", "true");
    CliRunner.Run run = cli.run(new GqueueCommand(), "--json", "-a");
    JsonObject result = (JsonObject) Json.parse(run.stdout().trim());
    assertEquals(List.of("jobs"), List.copyOf(result.members().keySet()));
    assertEquals(2, ((JsonArray) result.get("jobs")).size());
  }

  @Test
  void table_sameAsTheTableOfTheWholeJobsFromJson() throws Exception {
    String held = submit("--hold", "-J", "held", "-p", "10", "-t", "1-00:00", "true");
    submit("--hold", "-J", "an-array", "-a", "0-2", "true");
    submit("-J", "after-held", "-d", held, "true");
    submit("--hold", "-J", "a-rather-long-job-name-of-forty-chars-x", "--wrap", "echo hi");
    String failed = submit("-J", "bad", "--wrap", "exit 7");
    String ok = submit("-J", "tâche-中文", "true");
    String cancelled = submit("--hold", "-J", "cancelled", "true");
    finish(failed);
    finish(ok);
    cli.run(new io.gflow.cli.cancel.GcancelCommand(), cancelled);
    List<List<String>> views =
        List.of(
            List.of(),
            List.of("-c"),
            List.of("-a", "-c", "-l"),
            List.of("-c", "--format", "id,name,user,state,st,time,limit,gpus,priority,exit,submit"),
            List.of("-c", "--noheader", "--format", "start,end,reason,command,id"));
    for (List<String> view : views) {
      String[] args = view.toArray(String[]::new);
      CliRunner.Run table = cli.run(new GqueueCommand(), args);
      List<String> withJson = new java.util.ArrayList<>(view);
      withJson.add("--json");
      CliRunner.Run json = cli.run(new GqueueCommand(), withJson.toArray(String[]::new));
      assertEquals(0, table.exitCode(), table.both());
      assertEquals(0, json.exitCode(), json.both());
      List<io.gflow.protocol.job.JobInfo> jobs =
          ((JsonArray) ((JsonObject) Json.parse(json.stdout().trim())).get("jobs"))
              .elements().stream().map(io.gflow.protocol.job.JobInfo::fromJson).toList();
      int at = view.indexOf("--format");
      List<QueueColumn> columns =
          QueueView.columns(
              at < 0 ? null : view.get(at + 1), view.contains("-l"), view.contains("-c"));
      String expected =
          RecordTable.of(
              columns,
              jobs,
              java.time.Instant.now(),
              QueueColumn.zoneFor(columns),
              view.contains("--noheader"));
      assertTrue(jobs.size() >= 3, json.stdout());
      assertEquals(expected, table.stdout(), String.join(" ", view));
      // --json still prints whole jobs: every member, as the record writes them.
      assertEquals(
          Json.write(
              JsonArray.of(jobs.stream().map(io.gflow.protocol.job.JobInfo::toJson).toList())),
          Json.write(((JsonObject) Json.parse(json.stdout().trim())).get("jobs")));
      assertTrue(json.stdout().contains("\"stdout_path\":\""), json.stdout());
    }
  }

  @Test
  void badFormatOrState_exit2() {
    CliRunner.Run format = cli.run(new GqueueCommand(), "--format", "id,bogus");
    assertEquals(2, format.exitCode());
    assertTrue(format.stderr().startsWith("gqueue: unknown column 'bogus'"), format.stderr());
    CliRunner.Run state = cli.run(new GqueueCommand(), "-s", "XX");
    assertEquals(2, state.exitCode());
    assertTrue(state.stderr().startsWith("gqueue: unknown job state 'XX'"), state.stderr());
  }
}
