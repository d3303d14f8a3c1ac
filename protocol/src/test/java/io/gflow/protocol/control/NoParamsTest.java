package io.gflow.protocol.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoParamsTest {

  @Test
  void check_absentOrEmptyObject_accepted() {
    assertDoesNotThrow(() -> NoParams.check(null, "daemon.ping"));
    assertDoesNotThrow(() -> NoParams.check(JsonObject.EMPTY, "daemon.ping"));
  }

  @Test
  void check_anyMember_invalidParamsNamingItAndTheMethod() {
    RpcException error =
        assertThrows(
            RpcException.class,
            () -> NoParams.check(JsonObject.builder().put("verbose", true).build(), "daemon.info"));

    assertSame(ErrorCode.INVALID_PARAMS, error.code());
    assertEquals("unknown field 'verbose' in params of daemon.info", error.getMessage());
  }

  @Test
  void check_positionalParams_invalidParams() {
    RpcException error =
        assertThrows(
            RpcException.class, () -> NoParams.check(new JsonArray(List.of()), "auth.whoami"));

    assertSame(ErrorCode.INVALID_PARAMS, error.code());
  }
}
