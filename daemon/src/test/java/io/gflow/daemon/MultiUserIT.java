package io.gflow.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.protocol.Methods;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real uids against a real daemon (as root, via setpriv): roles from NSS groups and config, denials
 * with no side effect and one audit line, refusal of unknown and nobody callers.
 */
@Timeout(120)
class MultiUserIT {
  @RegisterExtension final DaemonExtension daemon = DaemonExtension.withConfig(AsUser.ROLES_CONFIG);

  @BeforeAll
  static void accounts() throws Exception {
    AsUser.ensureAccountsIfRoot();
  }

  @BeforeEach
  void needsRoot() {
    AsUser.assumeRoot();
  }

  private JsonObject callAs(String user, String method) throws Exception {
    AsUser.Result result = AsUser.asUser(user, rawCall(method));
    assertEquals(0, result.exitCode(), result.stderr());
    return (JsonObject) Json.parse(result.stdout().trim());
  }

  private JsonObject callAsUid(long uid, String method) throws Exception {
    AsUser.Result result = AsUser.asUid(uid, uid, rawCall(method));
    assertEquals(0, result.exitCode(), result.stderr());
    return (JsonObject) Json.parse(result.stdout().trim());
  }

  private List<String> rawCall(String method) throws Exception {
    return AsUser.java(
        RawCall.class.getName(),
        List.of(
            daemon.socket().toString(),
            "1",
            "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"id\":7}"));
  }

  private static long number(JsonObject object, String name) {
    return ((JsonNumber) object.get(name)).exactLong().getAsLong();
  }

  private static long errorCode(JsonObject reply) {
    return number((JsonObject) reply.get("error"), "code");
  }

  private List<String> auditLines() throws Exception {
    return Files.readAllLines(daemon.auditLog());
  }

  @Test
  void whoami_memberOfAdminGroup_isAdminWithSupplementaryGroup() throws Exception {
    JsonObject result = (JsonObject) callAs(AsUser.ALICE, Methods.AUTH_WHOAMI).get("result");
    assertEquals("admin", result.stringOrNull("role"));
    assertEquals(AsUser.ALICE, result.stringOrNull("user"));
    assertEquals(AsUser.uidOf(AsUser.ALICE), number(result, "uid"));
    JsonArray groups = (JsonArray) result.get("groups");
    assertTrue(
        groups.elements().contains(JsonNumber.of(AsUser.gidOf(AsUser.ADMIN_GROUP))),
        "groups: " + groups);
  }

  @Test
  void whoami_plainUser_isUser() throws Exception {
    JsonObject result = (JsonObject) callAs(AsUser.BOB, Methods.AUTH_WHOAMI).get("result");
    assertEquals("user", result.stringOrNull("role"));
    assertEquals(AsUser.BOB, result.stringOrNull("user"));
  }

  @Test
  void whoami_operatorUser_isOperator() throws Exception {
    JsonObject result = (JsonObject) callAs(AsUser.OPERATOR, Methods.AUTH_WHOAMI).get("result");
    assertEquals("operator", result.stringOrNull("role"));
  }

  @Test
  void whoami_uidWithoutPasswdEntry_isUserNamedByNumber() throws Exception {
    JsonObject result = (JsonObject) callAsUid(3_000_000_000L, Methods.AUTH_WHOAMI).get("result");
    assertEquals("user", result.stringOrNull("role"));
    assertEquals("3000000000", result.stringOrNull("user"));
    assertEquals(3_000_000_000L, number(result, "uid"));
  }

  @Test
  void connect_nobody_isRefusedUnauthenticatedAndAudited() throws Exception {
    JsonObject reply = callAsUid(65534, Methods.AUTH_WHOAMI);
    assertEquals(-32001, errorCode(reply));
    assertTrue(
        auditLines().stream()
            .anyMatch(
                line -> line.contains("\"uid\":65534") && line.contains("\"outcome\":\"denied\"")),
        "audit: " + auditLines());
  }

  @Test
  void adminMethods_plainUser_forbiddenNoSideEffectOneAuditLineEach() throws Exception {
    for (String method :
        List.of(Methods.ADMIN_SHUTDOWN, Methods.ADMIN_RELOAD, Methods.DEBUG_METRICS)) {
      int before = auditLines().size();
      JsonObject reply = callAs(AsUser.BOB, method);
      assertEquals(-32003, errorCode(reply), reply.toString());
      JsonObject data = (JsonObject) ((JsonObject) reply.get("error")).get("data");
      assertEquals("admin", data.stringOrNull("required"));
      assertEquals(AsUser.BOB, ((JsonObject) data.get("caller")).stringOrNull("user"));
      List<String> lines = auditLines();
      assertEquals(before + 1, lines.size(), "one audit line per denial: " + lines);
      String line = lines.get(lines.size() - 1);
      assertTrue(line.contains("\"method\":\"" + method + "\""), line);
      assertTrue(line.contains("\"user\":\"" + AsUser.BOB + "\""), line);
      assertTrue(line.contains("\"outcome\":\"denied\""), line);
      assertTrue(line.contains("\"role\":\"user\""), line);
    }
    try (var client = daemon.client()) {
      assertEquals(JsonObject.EMPTY, client.call(Methods.DAEMON_PING, null));
    }
  }

  @Test
  void adminMethods_operator_forbidden() throws Exception {
    JsonObject reply = callAs(AsUser.OPERATOR, Methods.ADMIN_SHUTDOWN);
    assertEquals(-32003, errorCode(reply));
    try (var client = daemon.client()) {
      assertEquals(JsonObject.EMPTY, client.call(Methods.DAEMON_PING, null));
    }
  }

  @Test
  void debugMetrics_adminGroupMember_allowedAndAudited() throws Exception {
    JsonObject reply = callAs(AsUser.ALICE, Methods.DEBUG_METRICS);
    JsonValue text = ((JsonObject) reply.get("result")).get("text");
    assertTrue(text.toString().contains("gflow_requests_total"), reply.toString());
    String last = auditLines().get(auditLines().size() - 1);
    assertTrue(
        last.contains("\"method\":\"debug.metrics\"") && last.contains("\"outcome\":\"ok\""), last);
  }

  @Test
  void shutdown_adminGroupMember_stopsDaemonAndRemovesSocket() throws Exception {
    JsonObject reply = callAs(AsUser.ALICE, Methods.ADMIN_SHUTDOWN);
    assertEquals(JsonObject.EMPTY, reply.get("result"));
    assertTrue(daemon.daemon().awaitStopped(10, java.util.concurrent.TimeUnit.SECONDS));
    assertFalse(Files.exists(daemon.socket()), "socket removed on shutdown");
  }

  @Test
  void auditLog_isMode0640() throws Exception {
    callAs(AsUser.BOB, Methods.ADMIN_RELOAD);
    assertEquals(
        "rw-r-----",
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(daemon.auditLog())));
  }

  @Test
  void submit_otherUidToPersonalDaemon_forbiddenWithHint() throws Exception {
    List<String> command =
        AsUser.java(
            RawCall.class.getName(),
            List.of(
                daemon.socket().toString(),
                "1",
                "{\"jsonrpc\":\"2.0\",\"method\":\"job.submit\",\"params\":"
                    + "{\"command\":[\"true\"],\"cwd\":\"/tmp\",\"env\":{}},\"id\":1}"));
    AsUser.Result result = AsUser.asUser(AsUser.BOB, command);
    JsonObject reply = (JsonObject) Json.parse(result.stdout().trim());
    assertEquals(-32003, errorCode(reply), reply.toString());
    assertTrue(reply.toString().contains("gflowd start"), reply.toString());
    try (var client = daemon.client()) {
      JsonObject listed = (JsonObject) client.call("job.list", null);
      assertEquals(0, ((JsonArray) listed.get("jobs")).size(), "nothing was queued");
    }
  }
}
