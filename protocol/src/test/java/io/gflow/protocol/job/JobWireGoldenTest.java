package io.gflow.protocol.job;

import static io.gflow.protocol.job.JobFixtures.FORBIDDEN_MESSAGE;
import static io.gflow.protocol.job.JobFixtures.JOB;
import static io.gflow.protocol.job.JobFixtures.REDACTED;
import static io.gflow.protocol.job.JobFixtures.SCRIPT_JOB;
import static io.gflow.protocol.job.JobFixtures.SUBMIT;
import static io.gflow.protocol.job.JobFixtures.SUBMIT_SCRIPT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.json.Json;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the job wire format: each record written compactly equals its golden file under {@code
 * src/test/resources/wire/} (member order included), and reading the golden file gives the record
 * back. Changing a golden file is a protocol change.
 */
class JobWireGoldenTest {

  private static final JobOutcome REFUSED =
      JobOutcome.refused(
          44, JobState.RUNNING, new RpcException(ErrorCode.FORBIDDEN, FORBIDDEN_MESSAGE));

  private static final JobEvent RUNNING_EVENT =
      new JobEvent(
          18, 43, "bob", JobState.RUNNING, null, Instant.parse("2026-12-01T08:00:05.250Z"));

  private static final GpuInfo BUSY_GPU =
      new GpuInfo(
          0,
          "GPU-5f1c2a3b-0000-1111-2222-333344445555",
          "NVIDIA A100-SXM4-80GB",
          81920,
          true,
          true,
          43L,
          null);

  private static final GpuInfo DISALLOWED_GPU =
      new GpuInfo(
          1,
          "GPU-9e8d7c6b-0000-1111-2222-333344446666",
          "NVIDIA A100-SXM4-80GB",
          81920,
          false,
          false,
          null,
          "not in gpus list");

  @Test
  void submitRequest_command_matchesGolden() {
    Golden.assertWrites("submit-request.json", SUBMIT.toJson());
    assertEquals(SUBMIT, SubmitRequest.fromJson(Golden.read("submit-request.json")));
  }

  @Test
  void submitRequest_scriptWithDefaults_matchesGolden() {
    Golden.assertWrites("submit-request-script.json", SUBMIT_SCRIPT.toJson());
    assertEquals(SUBMIT_SCRIPT, SubmitRequest.fromJson(Golden.read("submit-request-script.json")));
  }

  @Test
  void submitResult_matchesGolden() {
    SubmitResult result = new SubmitResult(List.of(100L, 101L, 102L));

    Golden.assertWrites("submit-result.json", result.toJson());
    assertEquals(result, SubmitResult.fromJson(Golden.read("submit-result.json")));
  }

  @Test
  void submitResult_draining_matchesGolden() {
    SubmitResult result = new SubmitResult(List.of(5L), true);

    Golden.assertWrites("submit-result-draining.json", result.toJson());
    assertEquals(result, SubmitResult.fromJson(Golden.read("submit-result-draining.json")));
  }

  @Test
  void jobInfo_full_matchesGoldenWithEveryKey() {
    Golden.assertWrites("job-info.json", JOB.toJson());
    assertEquals(JOB, JobInfo.fromJson(Golden.read("job-info.json")));
  }

  @Test
  void jobInfo_redacted_matchesGoldenWithNullDetailsAndNoEnvOrScript() {
    Golden.assertWrites("job-info-redacted.json", REDACTED.toJson());
    assertEquals(REDACTED, JobInfo.fromJson(Golden.read("job-info-redacted.json")));
  }

  @Test
  void listRequest_matchesGolden() {
    ListRequest request =
        new ListRequest(
            List.of("bob", "alice"),
            List.of(JobState.PENDING, JobState.RUNNING),
            List.of(),
            List.of("train-lr"),
            Instant.parse("2026-11-30T00:00:00Z"),
            2,
            42L);

    Golden.assertWrites("list-request.json", request.toJson());
    assertEquals(request, ListRequest.fromJson(Golden.read("list-request.json")));
  }

  @Test
  void listRequest_defaults_matchesGolden() {
    Golden.assertWrites("list-request-defaults.json", ListRequest.all().toJson());
    assertEquals(
        ListRequest.all(), ListRequest.fromJson(Golden.read("list-request-defaults.json")));
  }

  @Test
  void listRequest_withFields_matchesGoldenInWireOrder() {
    ListRequest request =
        new ListRequest(
            List.of("bob"),
            List.of(JobState.PENDING, JobState.HELD, JobState.RUNNING),
            List.of(),
            List.of(),
            null,
            10_000,
            44L,
            EnumSet.of(
                JobField.END_TIME,
                JobField.START_TIME,
                JobField.ARRAY_JOB_ID,
                JobField.ARRAY_TASK_ID,
                JobField.REASON,
                JobField.ASSIGNED_GPUS,
                JobField.ID,
                JobField.USER,
                JobField.UID,
                JobField.NAME,
                JobField.STATE,
                JobField.PRIORITY,
                JobField.GPUS,
                JobField.SUBMIT_TIME));

    Golden.assertWrites("list-request-fields.json", request.toJson());
    assertEquals(request, ListRequest.fromJson(Golden.read("list-request-fields.json")));
  }

  @Test
  void listPage_withFields_matchesGoldenIdAlwaysScriptOnlyWhenSet() {
    ListPageWriter page =
        new ListPageWriter(
            EnumSet.of(
                JobField.USER,
                JobField.NAME,
                JobField.STATE,
                JobField.END_TIME,
                JobField.EXIT_CODE,
                JobField.COMMAND,
                JobField.SCRIPT));
    page.add(REDACTED);
    page.add(SCRIPT_JOB);

    assertEquals(Json.write(Golden.read("list-result-fields.json")), page.finish(45L).text());
  }

  @Test
  void listResult_matchesGoldenWithScriptJobAndNextPage() {
    ListResult result = new ListResult(List.of(REDACTED, SCRIPT_JOB), 45L);

    Golden.assertWrites("list-result.json", result.toJson());
    assertEquals(result, ListResult.fromJson(Golden.read("list-result.json")));
  }

  @Test
  void idRequest_matchesGolden() {
    IdRequest request = new IdRequest(43);

    Golden.assertWrites("id-request.json", request.toJson());
    assertEquals(request, IdRequest.fromJson(Golden.read("id-request.json"), "job.get"));
  }

  @Test
  void idsRequest_matchesGolden() {
    IdsRequest request = new IdsRequest(List.of(43L, 44L));

    Golden.assertWrites("ids-request.json", request.toJson());
    assertEquals(request, IdsRequest.fromJson(Golden.read("ids-request.json"), "job.hold"));
  }

  @Test
  void cancelRequest_signalName_matchesGoldenAsNumber() {
    CancelRequest request = new CancelRequest(List.of(43L, 44L, 45L), "SIGUSR1");

    Golden.assertWrites("cancel-request.json", request.toJson());
    assertEquals(request, CancelRequest.fromJson(Golden.read("cancel-request.json")));
  }

  @Test
  void signalRequest_matchesGolden() {
    SignalRequest request = new SignalRequest(List.of(43L), "HUP");

    Golden.assertWrites("signal-request.json", request.toJson());
    assertEquals(request, SignalRequest.fromJson(Golden.read("signal-request.json")));
  }

  @Test
  void releaseRequest_matchesGolden() {
    ReleaseRequest request =
        new ReleaseRequest(List.of(43L), Instant.parse("2026-12-02T00:00:00Z"));

    Golden.assertWrites("release-request.json", request.toJson());
    assertEquals(request, ReleaseRequest.fromJson(Golden.read("release-request.json")));
  }

  @Test
  void updateRequest_matchesGoldenWithoutUnchangedFields() {
    UpdateRequest request = new UpdateRequest(43, 10, null, 3600L, List.of(), "renamed", null);

    Golden.assertWrites("update-request.json", request.toJson());
    assertEquals(request, UpdateRequest.fromJson(Golden.read("update-request.json")));
  }

  @Test
  void jobOutcome_refused_matchesGolden() {
    Golden.assertWrites("job-outcome.json", REFUSED.toJson());
    assertEquals(REFUSED, JobOutcome.fromJson(Golden.read("job-outcome.json")));
  }

  @Test
  void outcomesResult_matchesGolden() {
    OutcomesResult result =
        new OutcomesResult(
            List.of(
                JobOutcome.applied(43, JobState.CANCELLED),
                REFUSED,
                JobOutcome.refused(99, null, new RpcException(ErrorCode.NOT_FOUND, "no job 99"))));

    Golden.assertWrites("outcomes-result.json", result.toJson());
    assertEquals(result, OutcomesResult.fromJson(Golden.read("outcomes-result.json")));
  }

  @Test
  void waitRequest_matchesGolden() {
    WaitRequest request = new WaitRequest(List.of(43L, 45L), 60_000);

    Golden.assertWrites("wait-request.json", request.toJson());
    assertEquals(request, WaitRequest.fromJson(Golden.read("wait-request.json")));
  }

  @Test
  void waitResult_matchesGolden() {
    WaitResult result = new WaitResult(List.of(JOB), true);

    Golden.assertWrites("wait-result.json", result.toJson());
    assertEquals(result, WaitResult.fromJson(Golden.read("wait-result.json")));
  }

  @Test
  void logResult_matchesGolden() {
    LogResult result = new LogResult("/home/bob/logs/43.out", "/home/bob/logs/43.err");

    Golden.assertWrites("log-result.json", result.toJson());
    assertEquals(result, LogResult.fromJson(Golden.read("log-result.json")));
  }

  @Test
  void eventsRequest_matchesGolden() {
    EventsRequest request = new EventsRequest(17, EventsRequest.DEFAULT_TIMEOUT_MS);

    Golden.assertWrites("events-request.json", request.toJson());
    assertEquals(request, EventsRequest.fromJson(Golden.read("events-request.json")));
  }

  @Test
  void jobEvent_matchesGolden() {
    JobEvent event =
        new JobEvent(
            20, 44, "alice", JobState.PENDING, "Dependency", Instant.parse("2026-12-01T08:01:00Z"));

    Golden.assertWrites("job-event.json", event.toJson());
    assertEquals(event, JobEvent.fromJson(Golden.read("job-event.json")));
  }

  @Test
  void eventsResult_matchesGolden() {
    JobEvent completed =
        new JobEvent(
            19, 43, "bob", JobState.COMPLETED, null, Instant.parse("2026-12-01T09:30:00Z"));
    EventsResult result = new EventsResult(List.of(RUNNING_EVENT, completed), 19);

    Golden.assertWrites("events-result.json", result.toJson());
    assertEquals(result, EventsResult.fromJson(Golden.read("events-result.json")));
  }

  @Test
  void gpuInfo_matchesGolden() {
    Golden.assertWrites("gpu-info.json", DISALLOWED_GPU.toJson());
    assertEquals(DISALLOWED_GPU, GpuInfo.fromJson(Golden.read("gpu-info.json")));
  }

  @Test
  void gpusResult_matchesGolden() {
    GpusResult result = new GpusResult(List.of(BUSY_GPU, DISALLOWED_GPU));

    Golden.assertWrites("gpus-result.json", result.toJson());
    assertEquals(result, GpusResult.fromJson(Golden.read("gpus-result.json")));
  }
}
