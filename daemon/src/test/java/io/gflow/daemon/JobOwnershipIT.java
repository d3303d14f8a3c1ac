package io.gflow.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonBoolean;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ownership matrix of SPEC §3 for the job methods, as real uids (root + setpriv) against a
 * system daemon: for each method × {owner, other user, operator, admin} the documented outcome, and
 * no side effect plus one audit line on every denial.
 */
@Timeout(300)
class JobOwnershipIT {
  private static final String OWNER = AsUser.BOB;
  private static final String OTHER = AsUser.CAROL;
  private static final String OPERATOR = AsUser.OPERATOR;
  private static final String ADMIN = AsUser.ALICE;
  private static final List<String> ACTORS = List.of(OWNER, OTHER, OPERATOR, ADMIN);

  @RegisterExtension
  final DaemonExtension daemon =
      DaemonExtension.system(
          "admin_groups = [\""
              + AsUser.ADMIN_GROUP
              + "\"]\n"
              + "operator_users = [\""
              + AsUser.OPERATOR
              + "\"]\n");

  @BeforeAll
  static void accounts() throws Exception {
    AsUser.ensureAccountsIfRoot();
  }

  @BeforeEach
  void needsRoot() {
    AsUser.assumeRoot();
  }

  private JsonObject call(String user, String method, String params) throws Exception {
    return AsUser.rpcAs(user, daemon.socket(), method, params);
  }

  private static JsonObject result(JsonObject reply) {
    assertTrue(reply.has("result"), reply.toString());
    return (JsonObject) reply.get("result");
  }

  private static long errorCode(JsonObject reply) {
    assertTrue(reply.has("error"), reply.toString());
    return ((JsonNumber) ((JsonObject) reply.get("error")).get("code")).exactLong().getAsLong();
  }

  /** bob submits a job that stays queued until an hour from now, held or not. */
  private long submitAsOwner(boolean held) throws Exception {
    String params =
        "{\"command\":[\"true\"],\"cwd\":\"/tmp\",\"env\":{\"SECRET\":\"s3cr3t\"},"
            + (held ? "\"hold\":true," : "")
            + "\"begin\":\""
            + Instant.now().plusSeconds(3600)
            + "\"}";
    JsonArray ids = (JsonArray) result(call(OWNER, "job.submit", params)).get("ids");
    return ((JsonNumber) ids.elements().get(0)).exactLong().getAsLong();
  }

  private String stateOf(long id) throws Exception {
    return result(call(ADMIN, "job.get", "{\"id\":" + id + "}")).stringOrNull("state");
  }

  private JsonObject outcome(JsonObject reply) {
    JsonArray outcomes = (JsonArray) result(reply).get("outcomes");
    return (JsonObject) outcomes.elements().get(0);
  }

  private int auditLines() throws Exception {
    return Files.readAllLines(daemon.auditLog()).size();
  }

  /** Runs {@code method} on a fresh job as each actor; the other user is denied, the rest act. */
  private void assertMatrix(String method, String extraParams, boolean held, String stateAfter)
      throws Exception {
    for (String actor : ACTORS) {
      long id = submitAsOwner(held);
      String before = stateOf(id);
      int audit = auditLines();
      JsonObject reply = call(actor, method, "{\"ids\":[" + id + "]" + extraParams + "}");
      JsonObject outcome = outcome(reply);
      if (actor.equals(OTHER)) {
        assertEquals(JsonBoolean.FALSE, outcome.get("ok"), method + " by other: " + reply);
        assertEquals(JsonNumber.of(-32003), outcome.get("error_code"), reply.toString());
        assertTrue(
            outcome.stringOrNull("message").contains("belongs to " + OWNER), reply.toString());
        assertEquals(before, stateOf(id), "no side effect of a denied " + method);
        assertEquals(audit + 1, auditLines(), "one audit line for the denial");
      } else {
        assertEquals(JsonBoolean.TRUE, outcome.get("ok"), method + " by " + actor + ": " + reply);
        assertEquals(stateAfter, stateOf(id), method + " by " + actor);
      }
    }
  }

  @Test
  void cancel_matrix() throws Exception {
    assertMatrix("job.cancel", "", false, "CANCELLED");
  }

  @Test
  void hold_matrix() throws Exception {
    assertMatrix("job.hold", "", false, "HELD");
  }

  @Test
  void release_matrix() throws Exception {
    assertMatrix("job.release", "", true, "PENDING");
  }

  @Test
  void update_matrix_ownerMayLowerPriorityOthersDenied() throws Exception {
    for (String actor : ACTORS) {
      long id = submitAsOwner(false);
      int audit = auditLines();
      JsonObject reply = call(actor, "job.update", "{\"id\":" + id + ",\"priority\":10}");
      JsonObject job = result(call(ADMIN, "job.get", "{\"id\":" + id + "}"));
      if (actor.equals(OTHER)) {
        assertEquals(-32003, errorCode(reply));
        assertEquals(JsonNumber.of(50), job.get("priority"), "unchanged");
        assertEquals(audit + 1, auditLines());
      } else {
        assertTrue(reply.has("result"), actor + ": " + reply);
        assertEquals(JsonNumber.of(10), job.get("priority"));
      }
    }
    long id = submitAsOwner(false);
    assertEquals(
        -32003, errorCode(call(OWNER, "job.update", "{\"id\":" + id + ",\"priority\":60}")));
  }

  @Test
  void getAndLog_matrix_otherUserSeesRedactedAndMayNotReadOutput() throws Exception {
    long id = submitAsOwner(true);
    for (String actor : ACTORS) {
      JsonObject job = result(call(actor, "job.get", "{\"id\":" + id + "}"));
      JsonObject log = call(actor, "job.log", "{\"id\":" + id + "}");
      if (actor.equals(OTHER)) {
        assertEquals(JsonBoolean.TRUE, job.get("redacted"), job.toString());
        assertFalse(job.toString().contains("s3cr3t"), job.toString());
        assertEquals(OWNER, job.stringOrNull("user"));
        assertEquals(-32003, errorCode(log));
      } else {
        assertEquals(JsonBoolean.FALSE, job.get("redacted"), actor + ": " + job);
        assertEquals(
            Map.of("SECRET", "s3cr3t").get("SECRET"),
            ((JsonObject) job.get("env")).stringOrNull("SECRET"));
        assertTrue(result(log).stringOrNull("stdout_path").endsWith(id + ".out"), log.toString());
      }
    }
  }

  @Test
  void list_otherUser_seesJobWithoutCommandEnvCwdOrPaths() throws Exception {
    long id = submitAsOwner(true);
    JsonObject listed = result(call(OTHER, "job.list", "{\"ids\":[" + id + "]}"));
    JsonObject job = (JsonObject) ((JsonArray) listed.get("jobs")).elements().get(0);
    assertEquals(JsonBoolean.TRUE, job.get("redacted"));
    for (String hidden : List.of("command", "cwd", "stdout_path", "stderr_path")) {
      JsonValue value = job.get(hidden);
      assertTrue(
          value == null || value == io.gflow.protocol.json.JsonNull.INSTANCE, hidden + ": " + job);
    }
    assertFalse(job.has("env"));
  }

  @Test
  void list_withFields_otherUserStillSeesNoDetailsOwnerNoEnv() throws Exception {
    long id = submitAsOwner(true);
    String params =
        "{\"ids\":["
            + id
            + "],\"fields\":[\"name\",\"command\",\"script\",\"cwd\",\"env\","
            + "\"stdout_path\",\"stderr_path\"]}";
    for (String actor : ACTORS) {
      JsonObject listed = result(call(actor, "job.list", params));
      JsonObject job = (JsonObject) ((JsonArray) listed.get("jobs")).elements().get(0);
      assertEquals(
          List.of("id", "name", "command", "cwd", "stdout_path", "stderr_path"),
          List.copyOf(job.members().keySet()),
          actor + ": " + job);
      boolean redacted = actor.equals(OTHER);
      for (String detail : List.of("command", "cwd", "stdout_path", "stderr_path")) {
        assertEquals(
            redacted,
            job.get(detail) == io.gflow.protocol.json.JsonNull.INSTANCE,
            actor + " " + detail + ": " + job);
      }
    }
  }

  @Test
  void list_withColumnFields_sameAsWholeJobForEveryActor() throws Exception {
    // Fields kept in the store's own columns are listed without reading the spec: each actor
    // still sees them as in the whole job, redacted or not.
    long id = submitAsOwner(true);
    List<String> fields =
        List.of("user", "uid", "name", "state", "reason", "priority", "gpus", "redacted");
    for (String actor : ACTORS) {
      JsonObject whole =
          (JsonObject)
              ((JsonArray) result(call(actor, "job.list", "{\"ids\":[" + id + "]}")).get("jobs"))
                  .elements()
                  .get(0);
      JsonObject listed =
          (JsonObject)
              ((JsonArray)
                      result(
                              call(
                                  actor,
                                  "job.list",
                                  "{\"ids\":["
                                      + id
                                      + "],\"fields\":[\""
                                      + String.join("\",\"", fields)
                                      + "\"]}"))
                          .get("jobs"))
                  .elements()
                  .get(0);
      assertEquals(fields.size() + 1, listed.members().size(), actor + ": " + listed);
      for (String member : listed.members().keySet()) {
        assertEquals(whole.get(member), listed.get(member), actor + " " + member + ": " + listed);
      }
      assertEquals(JsonBoolean.of(actor.equals(OTHER)), listed.get("redacted"), actor);
    }
  }

  @Test
  void submit_identityFields_rejectedNoJobCreated() throws Exception {
    JsonObject reply =
        call(
            OTHER,
            "job.submit",
            "{\"command\":[\"true\"],\"cwd\":\"/tmp\",\"env\":{},\"user\":\"" + OWNER + "\"}");
    assertEquals(-32602, errorCode(reply));
    JsonObject listed = result(call(ADMIN, "job.list", "{}"));
    assertEquals(0, ((JsonArray) listed.get("jobs")).size());
  }

  @Test
  void submit_rootWithoutAllowRootJobs_refused() throws Exception {
    try (var client = daemon.client()) {
      io.gflow.protocol.RpcException refused =
          org.junit.jupiter.api.Assertions.assertThrows(
              io.gflow.protocol.RpcException.class,
              () ->
                  client.call(
                      "job.submit",
                      (JsonObject)
                          Json.parse("{\"command\":[\"true\"],\"cwd\":\"/tmp\",\"env\":{}}")));
      assertEquals(io.gflow.protocol.ErrorCode.FORBIDDEN, refused.code());
      assertTrue(refused.getMessage().contains("root"), refused.getMessage());
    }
  }

  @Test
  void signal_matrix_otherDeniedOthersReachTheJob() throws Exception {
    for (String actor : ACTORS) {
      long id = submitAsOwner(false);
      int audit = auditLines();
      JsonObject outcome =
          outcome(call(actor, "job.signal", "{\"ids\":[" + id + "],\"signal\":\"USR1\"}"));
      // Queued, so allowed callers get CONFLICT (not running); the other user never gets that far.
      long expected = actor.equals(OTHER) ? -32003 : -32009;
      assertEquals(JsonNumber.of(expected), outcome.get("error_code"), actor + ": " + outcome);
      if (actor.equals(OTHER)) {
        assertEquals(audit + 1, auditLines());
      }
    }
  }

  @Test
  void waitEventsGpus_matrix() throws Exception {
    long id = submitAsOwner(false);
    for (String actor : ACTORS) {
      JsonObject waited =
          result(call(actor, "job.wait", "{\"ids\":[" + id + "],\"timeout_ms\":10}"));
      JsonObject job = (JsonObject) ((JsonArray) waited.get("jobs")).elements().get(0);
      assertEquals(JsonBoolean.of(actor.equals(OTHER)), job.get("redacted"), actor + ": " + waited);
      JsonObject events = result(call(actor, "job.events", "{\"after_seq\":0,\"timeout_ms\":10}"));
      boolean sees = events.toString().contains("\"id\":" + id + ",");
      assertEquals(!actor.equals(OTHER), sees, actor + " events: " + events);
      assertTrue(result(call(actor, "sched.gpus", "{}")).has("gpus"));
    }
  }
}
