package io.gflow.protocol.job;

import static io.gflow.protocol.job.Invalid.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonNull;
import io.gflow.protocol.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateRequestTest {

  @Test
  void constructor_noChange_nothingToUpdate() {
    assertEquals(
        "nothing to update for job 7: give priority, gpus, time_limit, depends_on, name or begin",
        message(() -> new UpdateRequest(7, null, null, null, null, null, null)));
  }

  @Test
  void fromJson_onlyId_nothingToUpdate() {
    JsonObject params = JsonObject.builder().put("id", 7).build();

    assertEquals(
        true, message(() -> UpdateRequest.fromJson(params)).startsWith("nothing to update"));
  }

  @Test
  void fromJson_dependsOnAbsentOrNull_unchanged() {
    JsonObject absent = JsonObject.builder().put("id", 7).put("priority", 1).build();
    JsonObject explicitNull =
        JsonObject.builder()
            .put("id", 7)
            .put("priority", 1)
            .put("depends_on", JsonNull.INSTANCE)
            .build();

    assertNull(UpdateRequest.fromJson(absent).dependsOn());
    assertNull(UpdateRequest.fromJson(explicitNull).dependsOn());
  }

  @Test
  void fromJson_emptyDependsOn_clearsDependencies() {
    JsonObject params =
        JsonObject.builder().put("id", 7).put("depends_on", JsonArray.ofLongs(List.of())).build();

    assertEquals(List.of(), UpdateRequest.fromJson(params).dependsOn());
  }

  @Test
  void constructor_priorityOutOfRange_rejectedNamingValue() {
    assertEquals(
        "priority (120) must be in 0..100",
        message(() -> new UpdateRequest(7, 120, null, null, null, null, null)));
  }

  @Test
  void constructor_gpusOutOfRange_rejectedNamingValue() {
    assertEquals(
        "gpus (2000) must be in 0..1024",
        message(() -> new UpdateRequest(7, null, 2000, null, null, null, null)));
  }

  @Test
  void constructor_timeLimitZero_rejected() {
    assertEquals(
        "time_limit (0) must be in 1..31536000",
        message(() -> new UpdateRequest(7, null, null, 0L, null, null, null)));
  }

  @Test
  void constructor_badName_rejected() {
    assertEquals(
        "name 'a\\x{7}' must not contain control characters",
        message(() -> new UpdateRequest(7, null, null, null, null, "a\u0007", null)));
  }

  @Test
  void constructor_idZero_rejected() {
    assertEquals(
        "id (0) must be at least 1",
        message(() -> new UpdateRequest(0, 1, null, null, null, null, null)));
  }

  @Test
  void fromJson_beginOnly_roundTrips() {
    UpdateRequest request =
        new UpdateRequest(7, null, null, null, null, null, Instant.parse("2027-01-01T00:00:00Z"));

    assertEquals(request, UpdateRequest.fromJson(request.toJson()));
  }

  @Test
  void fromJson_unknownField_rejected() {
    JsonObject params = JsonObject.builder().put("id", 7).put("user", "root").build();

    assertEquals(
        "unknown field 'user' in job.update params", message(() -> UpdateRequest.fromJson(params)));
  }
}
