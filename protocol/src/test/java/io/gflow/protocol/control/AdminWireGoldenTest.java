package io.gflow.protocol.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.protocol.Role;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.job.Golden;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden JSON of admin.audit and debug.state records, and their validation. */
class AdminWireGoldenTest {
  private static final AuditRecord DENIED =
      new AuditRecord(
          Instant.parse("2026-12-07T05:30:00Z"),
          1001,
          "bob",
          4242,
          Role.USER,
          "job.cancel",
          "job 42",
          "denied",
          "permission denied: job 42 belongs to alice");

  @Test
  void auditRecord_matchesGolden() {
    Golden.assertWrites("audit-record.json", DENIED.toJson());
    assertEquals(DENIED, AuditRecord.fromJson(Golden.read("audit-record.json")));
  }

  @Test
  void auditRequest_matchesGolden() {
    AuditRequest request = new AuditRequest(Instant.parse("2026-12-07T00:00:00Z"), "bob", 50);
    Golden.assertWrites("audit-request.json", request.toJson());
    assertEquals(request, AuditRequest.fromJson(Golden.read("audit-request.json")));
  }

  @Test
  void auditRequest_empty_defaultsToNewest100() {
    assertEquals(new AuditRequest(null, null, 100), AuditRequest.fromJson(null));
  }

  @Test
  void auditRequest_badValues_invalidParamsNamingThem() {
    RpcException limit =
        assertThrows(
            RpcException.class,
            () -> AuditRequest.fromJson(JsonObject.builder().put("limit", 10_001).build()));
    assertTrue(limit.getMessage().contains("limit"), limit.getMessage());
    RpcException since =
        assertThrows(
            RpcException.class,
            () -> AuditRequest.fromJson(JsonObject.builder().put("since", "yesterday").build()));
    assertTrue(since.getMessage().contains("since"), since.getMessage());
    assertThrows(
        RpcException.class,
        () -> AuditRequest.fromJson(JsonObject.builder().put("uid", 0).build()));
  }

  @Test
  void auditResult_matchesGoldenWithNullTargetAndNoReason() {
    AuditResult result =
        new AuditResult(
            List.of(
                new AuditRecord(
                    Instant.parse("2026-12-07T05:30:00Z"),
                    0,
                    "root",
                    17,
                    Role.ADMIN,
                    "admin.reload",
                    null,
                    "ok",
                    null)));
    Golden.assertWrites("audit-result.json", result.toJson());
    assertEquals(result, AuditResult.fromJson(Golden.read("audit-result.json")));
  }

  @Test
  void stateResult_matchesGoldenSectionsInNameOrder() {
    StateResult state =
        new StateResult(
            Map.of(
                "daemon",
                JsonObject.builder().put("uptime_seconds", 3600).build(),
                "connections",
                JsonObject.builder()
                    .put("open", 2)
                    .put(
                        "per_uid",
                        JsonObject.builder()
                            .put("0", JsonNumber.of(1))
                            .put("1001", JsonNumber.of(1))
                            .build())
                    .build()));
    String written = Golden.assertWrites("state-result.json", state.toJson());
    assertEquals(state, StateResult.fromJson(Golden.parse(written)));
  }

  @Test
  void stateResult_sectionNotAnObject_refused() throws Exception {
    assertThrows(RpcException.class, () -> StateResult.fromJson(Json.parse("{\"daemon\":1}")));
  }
}
