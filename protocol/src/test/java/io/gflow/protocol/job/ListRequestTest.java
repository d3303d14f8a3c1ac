package io.gflow.protocol.job;

import static io.gflow.protocol.job.Invalid.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListRequestTest {

  @Test
  void fromJson_empty_defaults() {
    ListRequest request = ListRequest.fromJson(JsonObject.EMPTY);

    assertEquals(ListRequest.all(), request);
    assertEquals(1000, request.limit());
    assertNull(request.afterId());
  }

  @Test
  void fromJson_absentParams_defaults() {
    assertEquals(ListRequest.all(), ListRequest.fromJson(null));
  }

  @Test
  void fromJson_shortAndLowerCaseStates_parsed() {
    JsonObject params =
        JsonObject.builder()
            .put("states", JsonArray.ofStrings(List.of("PD", "r", "Completed", "CA")))
            .build();

    assertEquals(
        List.of(JobState.PENDING, JobState.RUNNING, JobState.COMPLETED, JobState.CANCELLED),
        ListRequest.fromJson(params).states());
  }

  @Test
  void fromJson_unknownState_rejectedNamingIt() {
    JsonObject params =
        JsonObject.builder().put("states", JsonArray.ofStrings(List.of("DONE"))).build();

    String error = message(() -> ListRequest.fromJson(params));

    assertEquals(true, error.startsWith("unknown job state 'DONE'"), error);
  }

  @Test
  void fromJson_limitOutOfRange_rejectedNamingValue() {
    assertEquals(
        "limit (0) must be in 1..100000",
        message(() -> ListRequest.fromJson(JsonObject.builder().put("limit", 0).build())));
    assertEquals(
        "limit (100001) must be in 1..100000",
        message(() -> ListRequest.fromJson(JsonObject.builder().put("limit", 100_001).build())));
  }

  @Test
  void fromJson_negativeAfterId_rejected() {
    assertEquals(
        "after_id (-1) must be at least 0",
        message(() -> ListRequest.fromJson(JsonObject.builder().put("after_id", -1).build())));
  }

  @Test
  void fromJson_idZero_rejected() {
    JsonObject params = JsonObject.builder().put("ids", JsonArray.ofLongs(List.of(0L))).build();

    assertEquals("ids id (0) must be at least 1", message(() -> ListRequest.fromJson(params)));
  }

  @Test
  void fromJson_userClaim_rejectedAsUnknown() {
    assertEquals(
        "unknown field 'uid' in job.list params",
        message(
            () -> ListRequest.fromJson(JsonObject.builder().put("uid", JsonNumber.of(0)).build())));
  }

  @Test
  void constructor_userWithControlCharacter_rejected() {
    assertEquals(
        "users entry 'bob\\x{a}' must not contain control characters",
        message(() -> new ListRequest(List.of("bob\n"), null, null, null, null, 10, null)));
  }

  @Test
  void constructor_nextPage_roundTrips() {
    ListResult page = new ListResult(List.of(JobFixtures.REDACTED), 44L);
    ListRequest next = new ListRequest(null, null, null, null, null, 1, page.next());

    assertEquals(next, ListRequest.fromJson(next.toJson()));
    assertEquals(page, ListResult.fromJson(page.toJson()));
  }

  @Test
  void fields_roundTripInWireOrderWithoutRepeats() {
    JsonObject params =
        JsonObject.builder()
            .put("fields", JsonArray.ofStrings(List.of("state", "name", "id", "state")))
            .build();

    ListRequest request = ListRequest.fromJson(params);

    assertEquals(Set.of(JobField.ID, JobField.NAME, JobField.STATE), request.fields());
    assertEquals(
        JsonArray.ofStrings(List.of("id", "name", "state")), request.toJson().get("fields"));
    assertEquals(request, ListRequest.fromJson(request.toJson()));
    ListRequest next = request.after(7, 20);
    assertEquals(request.fields(), next.fields());
    assertEquals(7L, next.afterId());
    assertEquals(20, next.limit());
  }

  @Test
  void fields_absentOrEmpty_everyMemberAndNotWritten() {
    JsonObject empty = JsonObject.builder().put("fields", JsonArray.ofStrings(List.of())).build();

    assertEquals(Set.of(), ListRequest.all().fields());
    assertEquals(ListRequest.all(), ListRequest.fromJson(empty));
    assertFalse(ListRequest.all().toJson().has("fields"));
    assertFalse(ListRequest.all().withFields(Set.of()).toJson().has("fields"));
  }

  @Test
  void fields_unknownName_rejectedNamingItAndTheKnownOnes() {
    JsonObject params =
        JsonObject.builder()
            .put("fields", JsonArray.ofStrings(List.of("name", "secret\u001b")))
            .build();

    RpcException error = assertThrows(RpcException.class, () -> ListRequest.fromJson(params));

    assertEquals(ErrorCode.INVALID_PARAMS, error.code());
    assertTrue(
        error
            .getMessage()
            .startsWith("job.list params.fields: unknown job field 'secret\\x{1b}' (one of id,"),
        error.getMessage());
    assertTrue(error.getMessage().endsWith("stdout_path, stderr_path)"), error.getMessage());
  }

  @Test
  void fields_wrongCase_rejected() {
    JsonObject params =
        JsonObject.builder().put("fields", JsonArray.ofStrings(List.of("Name"))).build();

    assertTrue(message(() -> ListRequest.fromJson(params)).contains("unknown job field 'Name'"));
  }

  @Test
  void fields_tooMany_rejectedBeforeReadingThem() {
    List<String> names = Collections.nCopies(ListRequest.MAX_FIELDS + 1, "id");
    JsonObject params = JsonObject.builder().put("fields", JsonArray.ofStrings(names)).build();

    assertEquals(
        "job.list params.fields has more than 100 elements",
        message(() -> ListRequest.fromJson(params)));
    assertEquals(
        Set.of(JobField.ID),
        ListRequest.fromJson(
                JsonObject.builder()
                    .put("fields", JsonArray.ofStrings(names.subList(0, ListRequest.MAX_FIELDS)))
                    .build())
            .fields());
  }

  @Test
  void fields_notAListOfStrings_rejected() {
    JsonObject params = JsonObject.builder().put("fields", JsonValue.of("id,name")).build();

    assertTrue(message(() -> ListRequest.fromJson(params)).contains("fields"));
  }
}
