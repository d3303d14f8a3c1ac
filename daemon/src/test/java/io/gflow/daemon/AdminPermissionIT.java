package io.gflow.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.protocol.Methods;
import io.gflow.protocol.control.AuditRecord;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC §3 for the admin-only inspection and control methods, with real uids (root + setpriv): an
 * admin-group member may call each; an operator and a plain user get FORBIDDEN, nothing changes,
 * and each denial leaves exactly one audit line naming the caller.
 */
@Timeout(300)
class AdminPermissionIT {
  private static final String CONFIG =
      "admin_groups = [\""
          + AsUser.ADMIN_GROUP
          + "\"]\noperator_users = [\""
          + AsUser.OPERATOR
          + "\"]\n";
  private static final List<String> ADMIN_ONLY =
      List.of(
          Methods.ADMIN_AUDIT,
          Methods.DEBUG_STATE,
          Methods.DEBUG_METRICS,
          Methods.ADMIN_RELOAD,
          Methods.ADMIN_SHUTDOWN);

  @RegisterExtension final DaemonExtension daemon = DaemonExtension.withConfig(CONFIG);

  @BeforeAll
  static void accounts() throws Exception {
    AsUser.ensureAccountsIfRoot();
  }

  @BeforeEach
  void needsRoot() {
    AsUser.assumeRoot();
  }

  private JsonObject call(String user, String method) throws Exception {
    return AsUser.rpcAs(user, daemon.socket(), method, "{}");
  }

  private List<String> auditLines() throws Exception {
    return Files.readAllLines(daemon.auditLog());
  }

  @Test
  void adminOnlyMethods_operatorAndUser_forbiddenNothingChangedOneAuditLineEach() throws Exception {
    // A reload that went through would make bob an admin: the denied ones must not.
    Files.writeString(daemon.configFile(), CONFIG + "admin_users = [\"" + AsUser.BOB + "\"]\n");
    for (String user : List.of(AsUser.OPERATOR, AsUser.BOB)) {
      for (String method : ADMIN_ONLY) {
        int before = auditLines().size();
        JsonObject reply = call(user, method);
        assertFalse(reply.has("result"), method + " as " + user + ": " + reply);
        JsonObject error = (JsonObject) reply.get("error");
        assertEquals(JsonNumber.of(-32003), error.get("code"), reply.toString());
        List<String> lines = auditLines();
        assertEquals(before + 1, lines.size(), method + " as " + user + ": " + lines);
        AuditRecord record = AuditRecord.fromJson(Json.parse(lines.get(lines.size() - 1)));
        assertEquals(method, record.method());
        assertEquals(user, record.user());
        assertEquals(AsUser.uidOf(user), record.uid());
        assertEquals("denied", record.outcome());
      }
    }
    JsonObject bob = (JsonObject) call(AsUser.BOB, Methods.AUTH_WHOAMI).get("result");
    assertEquals("user", bob.stringOrNull("role"), "the denied reload changed nothing");
    try (var client = daemon.client()) {
      assertEquals(JsonObject.EMPTY, client.call(Methods.DAEMON_PING, null));
      String metrics = ((JsonObject) client.call(Methods.DEBUG_METRICS, null)).stringOrNull("text");
      for (String method : ADMIN_ONLY) {
        assertTrue(metrics.contains("gflow_denials_total{method=\"" + method + "\"} 2\n"), metrics);
      }
    }
  }

  @Test
  void adminOnlyMethods_adminGroupMember_allowedAndAudited() throws Exception {
    for (String method : ADMIN_ONLY) {
      int before = auditLines().size();
      JsonObject reply = call(AsUser.ALICE, method);
      assertTrue(reply.has("result"), method + ": " + reply);
      List<String> lines = auditLines();
      AuditRecord record = AuditRecord.fromJson(Json.parse(lines.get(lines.size() - 1)));
      assertEquals(before + 1, lines.size(), method + ": " + lines);
      assertEquals(method, record.method());
      assertEquals(AsUser.ALICE, record.user());
      assertEquals("ok", record.outcome());
    }
    assertTrue(daemon.daemon().awaitStopped(10, TimeUnit.SECONDS), "admin.shutdown stopped it");
  }

  @Test
  void adminAudit_admin_seesOtherUsersDenials() throws Exception {
    call(AsUser.BOB, Methods.DEBUG_STATE);
    JsonObject reply =
        AsUser.rpcAs(
            AsUser.ALICE,
            daemon.socket(),
            Methods.ADMIN_AUDIT,
            "{\"user\":\"" + AsUser.BOB + "\",\"limit\":5}");
    String records = ((JsonObject) reply.get("result")).get("records").toString();
    assertTrue(records.contains("\"method\":\"debug.state\""), records);
    assertTrue(records.contains("\"outcome\":\"denied\""), records);
    assertFalse(records.contains("\"user\":\"" + AsUser.ALICE + "\""), records);
  }
}
