package io.gflow.protocol.job;

import static io.gflow.protocol.job.Invalid.message;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gflow.protocol.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GpuAndLogResultTest {

  @Test
  void gpuInfo_negativeIndex_rejected() {
    assertEquals(
        "index (-1) must be in 0..1023",
        message(() -> new GpuInfo(-1, "GPU-x", "T4", 15360, true, false, null, null)));
  }

  @Test
  void gpuInfo_jobZero_rejected() {
    assertEquals(
        "job (0) must be at least 1",
        message(() -> new GpuInfo(0, "GPU-x", "T4", 15360, true, true, 0L, null)));
  }

  @Test
  void gpusResult_empty_roundTrips() {
    GpusResult none = new GpusResult(List.of());

    assertEquals(none, GpusResult.fromJson(none.toJson()));
  }

  @Test
  void logResult_missingPath_rejected() {
    assertEquals("stderr_path is required", message(() -> new LogResult("/a.out", null)));
    assertEquals(
        "job.log result.stdout_path is required",
        message(() -> LogResult.fromJson(JsonObject.EMPTY)));
  }

  @Test
  void logResult_pathWithNul_rejected() {
    assertEquals(
        "stdout_path '/a\\x{0}b' must not contain NUL",
        message(() -> new LogResult("/a\0b", "/err")));
  }

  @Test
  void jobEvent_seqZero_rejected() {
    assertEquals(
        "seq (0) must be at least 1",
        message(() -> new JobEvent(0, 1, "bob", JobState.RUNNING, null, Instant.EPOCH)));
  }

  @Test
  void eventsResult_empty_roundTrips() {
    EventsResult none = new EventsResult(List.of(), 17);

    assertEquals(none, EventsResult.fromJson(none.toJson()));
  }

  @Test
  void submitResult_noIds_rejected() {
    assertEquals("ids must name at least 1 job", message(() -> new SubmitResult(List.of())));
  }
}
