package io.gflow.protocol.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.Role;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhoamiResultTest {

  @Test
  void constructor_groups_copied() {
    List<Long> groups = new ArrayList<>(List.of(1L));
    WhoamiResult whoami = new WhoamiResult(1, 1, "alice", groups, Role.ADMIN, 9);

    groups.add(2L);

    assertEquals(List.of(1L), whoami.groups());
  }

  @Test
  void fromJson_unknownRole_invalidParams() {
    RpcException error =
        assertThrows(RpcException.class, () -> WhoamiResult.fromJson(whoami(1001, "root")));

    assertSame(ErrorCode.INVALID_PARAMS, error.code());
    assertEquals("unknown role 'root'", error.getMessage());
  }

  @Test
  void fromJson_uidAbove32Bits_invalidParams() {
    RpcException error =
        assertThrows(
            RpcException.class, () -> WhoamiResult.fromJson(whoami(0x1_0000_0000L, "user")));

    assertEquals(
        "auth.whoami result.uid (4294967296) must be in 0..4294967295", error.getMessage());
  }

  private static JsonObject whoami(long uid, String role) {
    return JsonObject.builder()
        .put("uid", uid)
        .put("gid", 1)
        .put("user", "alice")
        .put("role", role)
        .put("pid", 9)
        .build();
  }
}
