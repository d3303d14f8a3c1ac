package io.gflow.protocol.job;

import static io.gflow.protocol.job.Invalid.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiIdRequestTest {

  private static List<Long> ids(int count) {
    List<Long> ids = new ArrayList<>();
    for (long id = 1; id <= count; id++) {
      ids.add(id);
    }
    return ids;
  }

  @Test
  void idsRequest_empty_rejected() {
    assertEquals("ids must name at least 1 job", message(() -> new IdsRequest(List.of())));
    assertEquals(
        "ids must name at least 1 job",
        message(() -> IdsRequest.fromJson(JsonObject.EMPTY, "job.hold")));
  }

  @Test
  void idsRequest_10000Ids_accepted() {
    assertEquals(10_000, new IdsRequest(ids(10_000)).ids().size());
  }

  @Test
  void idsRequest_over10000Ids_rejected() {
    assertEquals(
        "ids names 10001 jobs, more than 10000", message(() -> new IdsRequest(ids(10_001))));
    JsonObject params = JsonObject.builder().put("ids", JsonArray.ofLongs(ids(10_001))).build();
    assertEquals(
        "job.hold params.ids has more than 10000 elements",
        message(() -> IdsRequest.fromJson(params, "job.hold")));
  }

  @Test
  void idsRequest_negativeId_rejectedNamingIt() {
    assertEquals("ids id (-3) must be at least 1", message(() -> new IdsRequest(List.of(1L, -3L))));
  }

  @Test
  void idsRequest_identityField_rejected() {
    JsonObject params =
        JsonObject.builder()
            .put("ids", JsonArray.ofLongs(List.of(1L)))
            .put("as_user", "root")
            .build();

    assertEquals(
        "unknown field 'as_user' in job.hold params",
        message(() -> IdsRequest.fromJson(params, "job.hold")));
  }

  @Test
  void idRequest_zero_rejected() {
    assertEquals("id (0) must be at least 1", message(() -> new IdRequest(0)));
    assertEquals(
        "job.get params.id is required",
        message(() -> IdRequest.fromJson(JsonObject.EMPTY, "job.get")));
  }

  @Test
  void cancelRequest_noSignal_null() {
    CancelRequest request = new CancelRequest(List.of(1L), null);

    assertNull(request.signal());
    assertNull(request.signalNumber());
    assertEquals(request, CancelRequest.fromJson(request.toJson()));
  }

  @Test
  void cancelRequest_signalName_normalisedToNumber() {
    CancelRequest request = new CancelRequest(List.of(1L), "sigkill");

    assertEquals("9", request.signal());
    assertEquals(9, request.signalNumber());
  }

  @Test
  void cancelRequest_badSignal_rejectedNamingIt() {
    assertEquals(
        "signal 'SIGFOO' is neither a number in 1..64 nor one of HUP INT QUIT KILL USR1 USR2 ALRM"
            + " TERM CONT STOP TSTP",
        message(() -> new CancelRequest(List.of(1L), "SIGFOO")));
  }

  @Test
  void cancelRequest_noIds_rejected() {
    assertEquals("ids must name at least 1 job", message(() -> new CancelRequest(null, "TERM")));
  }

  @Test
  void signalRequest_signalRequired() {
    assertEquals("signal is required", message(() -> new SignalRequest(List.of(1L), null)));
    JsonObject params = JsonObject.builder().put("ids", JsonArray.ofLongs(List.of(1L))).build();
    assertEquals(
        "job.signal params.signal is required", message(() -> SignalRequest.fromJson(params)));
  }

  @Test
  void signalRequest_number_kept() {
    assertEquals(34, new SignalRequest(List.of(1L), "34").signalNumber());
  }

  @Test
  void releaseRequest_noAt_roundTrips() {
    ReleaseRequest request = new ReleaseRequest(List.of(5L), null);

    assertEquals(request, ReleaseRequest.fromJson(request.toJson()));
  }

  @Test
  void releaseRequest_badAt_rejectedNamingIt() {
    JsonObject params =
        JsonObject.builder()
            .put("ids", JsonArray.ofLongs(List.of(1L)))
            .put("at", "2026-13-01T00:00:00Z")
            .build();

    assertEquals(
        "job.release params.at '2026-13-01T00:00:00Z' is not an ISO-8601 instant like"
            + " 2026-12-01T08:00:00Z",
        message(() -> ReleaseRequest.fromJson(params)));
  }

  @Test
  void waitRequest_timeoutOutOfRange_rejectedNamingValue() {
    assertEquals(
        "timeout_ms (86400001) must be in 0..86400000",
        message(() -> new WaitRequest(List.of(1L), 86_400_001)));
    assertEquals(
        "timeout_ms (-1) must be in 0..86400000", message(() -> new WaitRequest(List.of(1L), -1)));
  }

  @Test
  void waitRequest_timeoutRequired() {
    JsonObject params = JsonObject.builder().put("ids", JsonArray.ofLongs(List.of(1L))).build();

    assertEquals(
        "job.wait params.timeout_ms is required", message(() -> WaitRequest.fromJson(params)));
  }

  @Test
  void eventsRequest_empty_defaults() {
    assertEquals(
        new EventsRequest(0, EventsRequest.DEFAULT_TIMEOUT_MS),
        EventsRequest.fromJson(JsonObject.EMPTY));
  }

  @Test
  void eventsRequest_badValues_rejectedNamingThem() {
    assertEquals("after_seq (-1) must be at least 0", message(() -> new EventsRequest(-1, 0)));
    assertEquals(
        "timeout_ms (90000000) must be in 0..86400000",
        message(() -> new EventsRequest(0, 90_000_000)));
  }
}
