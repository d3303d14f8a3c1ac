package io.gflow.protocol.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.job.Golden;
import io.gflow.protocol.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the wire format of the queue-limit methods (admin.setGroupLimit, admin.setQuota,
 * admin.limits, admin.drain/resume): written compactly each record equals its golden file, and
 * reading the file gives the record back.
 */
class AdminWireGoldenTest {
  private static final LimitsResult LIMITS =
      new LimitsResult(
          Map.of("night", 0, "lab", 2),
          Map.of(42L, 3),
          new Quota(4, null, 100),
          Map.of("bob", new Quota(null, 0, null), "alice", new Quota(8, 2, 1000)),
          true);

  @Test
  void limitsResult_matchesGoldenSortedByKey() {
    Golden.assertWrites("limits-result.json", LIMITS.toJson());
    assertEquals(LIMITS, LimitsResult.fromJson(Golden.read("limits-result.json")));
  }

  @Test
  void limitsResult_none_matchesGoldenWithEmptyMaps() {
    Golden.assertWrites("limits-result-empty.json", LimitsResult.NONE.toJson());
    assertEquals(LimitsResult.NONE, LimitsResult.fromJson(Golden.read("limits-result-empty.json")));
  }

  @Test
  void setGroupLimitRequest_group_matchesGolden() {
    SetGroupLimitRequest request = new SetGroupLimitRequest("lab", null, 2);

    Golden.assertWrites("set-group-limit-request.json", request.toJson());
    assertEquals(
        request, SetGroupLimitRequest.fromJson(Golden.read("set-group-limit-request.json")));
  }

  @Test
  void setGroupLimitRequest_arrayRemove_writesExplicitNull() {
    SetGroupLimitRequest request = new SetGroupLimitRequest(null, 42L, null);

    Golden.assertWrites("set-group-limit-request-array-remove.json", request.toJson());
    assertEquals(
        request,
        SetGroupLimitRequest.fromJson(Golden.read("set-group-limit-request-array-remove.json")));
  }

  @Test
  void setGroupLimitRequest_bothOrNeither_invalidParams() {
    assertInvalid("{\"group\":\"lab\",\"array\":4,\"limit\":1}", "exactly one");
    assertInvalid("{\"limit\":1}", "exactly one");
  }

  @Test
  void setGroupLimitRequest_limitMissingOrNegative_invalidParams() {
    assertInvalid("{\"group\":\"lab\"}", "limit is required");
    assertInvalid("{\"group\":\"lab\",\"limit\":-1}", "limit (-1)");
  }

  @Test
  void setQuotaRequest_matchesGolden() {
    SetQuotaRequest request = new SetQuotaRequest("alice", new Quota(8, 2, 1000), false);

    Golden.assertWrites("set-quota-request.json", request.toJson());
    assertEquals(request, SetQuotaRequest.fromJson(Golden.read("set-quota-request.json")));
  }

  @Test
  void setQuotaRequest_remove_matchesGolden() {
    SetQuotaRequest request = new SetQuotaRequest("bob", Quota.NONE, true);

    Golden.assertWrites("set-quota-request-remove.json", request.toJson());
    assertEquals(request, SetQuotaRequest.fromJson(Golden.read("set-quota-request-remove.json")));
  }

  @Test
  void setQuotaRequest_removeWithLimitsOrUnknownField_invalidParams() {
    RpcException both =
        assertThrows(
            RpcException.class,
            () ->
                SetQuotaRequest.fromJson(
                    Json.parse("{\"user\":\"bob\",\"max_running\":1,\"remove\":true}")));
    assertEquals(ErrorCode.INVALID_PARAMS, both.code());
    RpcException unknown =
        assertThrows(
            RpcException.class,
            () -> SetQuotaRequest.fromJson(Json.parse("{\"user\":\"bob\",\"uid\":0}")));
    assertTrue(unknown.getMessage().contains("unknown field 'uid'"), unknown.getMessage());
  }

  @Test
  void drainResult_matchesGolden() {
    DrainResult result = new DrainResult(true, 2, 7);

    Golden.assertWrites("drain-result.json", result.toJson());
    assertEquals(result, DrainResult.fromJson(Golden.read("drain-result.json")));
  }

  @Test
  void quota_orElse_takesUnsetLimitsFromFallback() {
    assertEquals(new Quota(8, 1, 100), new Quota(8, null, null).orElse(new Quota(4, 1, 100)));
  }

  private static void assertInvalid(String json, String expected) {
    RpcException failure =
        assertThrows(RpcException.class, () -> SetGroupLimitRequest.fromJson(Json.parse(json)));
    assertEquals(ErrorCode.INVALID_PARAMS, failure.code());
    assertTrue(failure.getMessage().contains(expected), failure.getMessage());
  }
}
