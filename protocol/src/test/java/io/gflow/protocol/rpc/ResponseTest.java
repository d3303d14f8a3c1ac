package io.gflow.protocol.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.ErrorData;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonFormatException;
import io.gflow.protocol.json.JsonNull;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseTest {

  private static final String FORBIDDEN =
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32003,\"message\":\"admin only\","
          + "\"data\":{\"reason\":\"role\",\"required\":\"admin\","
          + "\"caller\":{\"uid\":1001,\"user\":\"bob\",\"role\":\"user\"},"
          + "\"hint\":\"ask an admin\",\"correlation_id\":\"c-1\"}},\"id\":4}";

  private static final ErrorData FORBIDDEN_DATA =
      new ErrorData(
          "role", "admin", new ErrorData.CallerInfo(1001, "bob", "user"), "ask an admin", "c-1");

  @Test
  void fromJson_errorWithData_everyDataMemberRead() {
    Response response = Response.fromJson(parse(FORBIDDEN));

    assertEquals(JsonNumber.of(4), response.id());
    assertNull(response.result());
    assertEquals(ErrorCode.FORBIDDEN.code(), response.error().code());
    assertEquals("admin only", response.error().message());
    assertEquals(FORBIDDEN_DATA, response.error().data());
  }

  @Test
  void resultOrThrow_error_rebuildsSameRpcException() {
    Response response = Response.fromJson(parse(FORBIDDEN));

    RpcException thrown = assertThrows(RpcException.class, response::resultOrThrow);

    assertSame(ErrorCode.FORBIDDEN, thrown.code());
    assertEquals("admin only", thrown.getMessage());
    assertEquals(FORBIDDEN_DATA, thrown.data());
    assertEquals(77, thrown.code().exitCode());
  }

  @Test
  void daemonException_survivesTheWireUnchanged() {
    RpcException original =
        new RpcException(ErrorCode.CONFLICT, "job 12 is running", ErrorData.hint("cancel it"));
    Response sent = Response.failure(JsonNumber.of(1), RpcError.of(original));

    Response received = Response.fromJson(parse(Json.write(sent.toJson())));
    RpcException rebuilt = assertThrows(RpcException.class, received::resultOrThrow);

    assertSame(original.code(), rebuilt.code());
    assertEquals(original.getMessage(), rebuilt.getMessage());
    assertEquals(original.data(), rebuilt.data());
    assertEquals(sent, received);
  }

  @Test
  void resultOrThrow_success_returnsResult() {
    Response response =
        Response.fromJson(parse("{\"jsonrpc\":\"2.0\",\"result\":{\"ok\":true},\"id\":\"x\"}"));

    assertEquals(JsonObject.builder().put("ok", true).build(), response.resultOrThrow());
  }

  @Test
  void fromJson_nullResult_isAResult() {
    Response response = Response.fromJson(parse("{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":1}"));

    assertEquals(JsonNull.INSTANCE, response.resultOrThrow());
  }

  @Test
  void fromJson_errorWithoutData_emptyData() {
    Response response =
        Response.fromJson(
            parse(
                "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"no\"},\"id\":null}"));

    RpcException thrown = assertThrows(RpcException.class, response::resultOrThrow);

    assertSame(ErrorCode.METHOD_NOT_FOUND, thrown.code());
    assertTrue(thrown.data().isEmpty());
    assertEquals(JsonNull.INSTANCE, response.id());
  }

  @Test
  void fromJson_unknownCode_internalErrorKeepingMessage() {
    Response response =
        Response.fromJson(
            parse(
                "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32077,\"message\":\"new\"},\"id\":1}"));

    RpcException thrown = assertThrows(RpcException.class, response::resultOrThrow);

    assertSame(ErrorCode.INTERNAL_ERROR, thrown.code());
    assertEquals("new", thrown.getMessage());
  }

  @Test
  void fromJson_newerDaemonAddsDataMembers_errorStillShown() {
    Response response =
        Response.fromJson(
            parse(
                "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32003,\"message\":\"denied\","
                    + "\"data\":{\"reason\":\"role\",\"since\":\"v2\","
                    + "\"caller\":{\"uid\":1001,\"user\":\"bob\",\"role\":\"user\",\"gid\":1001}}},"
                    + "\"id\":1}"));

    RpcException thrown = assertThrows(RpcException.class, response::resultOrThrow);

    assertSame(ErrorCode.FORBIDDEN, thrown.code());
    assertEquals("role", thrown.data().reason());
    assertEquals(new ErrorData.CallerInfo(1001, "bob", "user"), thrown.data().caller());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"reason\":7}",
        "\"just a string\"",
        "{\"caller\":\"bob\"}",
        "{\"caller\":{\"user\":\"bob\"}}",
        "{\"caller\":{\"uid\":\"1001\",\"user\":\"bob\",\"role\":\"user\"}}",
      })
  void fromJson_malformedData_errorStillShown(String data) {
    Response response =
        Response.fromJson(
            parse(
                "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32004,\"message\":\"no job 9\","
                    + "\"data\":"
                    + data
                    + "},\"id\":1}"));

    RpcException thrown = assertThrows(RpcException.class, response::resultOrThrow);

    assertSame(ErrorCode.NOT_FOUND, thrown.code());
    assertEquals("no job 9", thrown.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[]",
        "{\"result\":{},\"id\":1}",
        "{\"jsonrpc\":\"1.0\",\"result\":{},\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"error\":{\"message\":\"no code\"},\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":1.5,\"message\":\"x\"},\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":4294935293,\"message\":\"x\"},\"id\":1}",
      })
  void fromJson_notAJsonRpcResponse_internalError(String text) {
    RpcException thrown = assertThrows(RpcException.class, () -> Response.fromJson(parse(text)));

    assertSame(ErrorCode.INTERNAL_ERROR, thrown.code());
  }

  @Test
  void toJson_success_memberOrderJsonrpcResultId() {
    Response response = Response.success(JsonNumber.of(3), JsonObject.EMPTY);

    assertEquals("{\"jsonrpc\":\"2.0\",\"result\":{},\"id\":3}", Json.write(response.toJson()));
  }

  @Test
  void constructor_nullId_becomesJsonNull() {
    assertEquals(JsonNull.INSTANCE, Response.success(null, JsonObject.EMPTY).id());
  }

  @Test
  void constructor_bothOrNeitherResultAndError_rejected() {
    RpcError error = RpcError.of(ErrorCode.CONFLICT, "x");

    assertThrows(
        IllegalArgumentException.class,
        () -> new Response(JsonNumber.of(1), JsonNull.INSTANCE, error));
    assertThrows(IllegalArgumentException.class, () -> new Response(JsonNumber.of(1), null, null));
  }

  private static JsonValue parse(String text) {
    try {
      return Json.parse(text);
    } catch (JsonFormatException bad) {
      throw new AssertionError(bad);
    }
  }
}
