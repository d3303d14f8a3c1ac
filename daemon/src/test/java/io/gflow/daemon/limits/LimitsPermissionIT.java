package io.gflow.daemon.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.AsUser;
import io.gflow.daemon.DaemonExtension;
import io.gflow.protocol.Methods;
import io.gflow.protocol.admin.LimitsResult;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC §3 rows for the queue-limit methods, as real uids (root + setpriv): admins may call all,
 * operators only drain/resume, users none; a denial is FORBIDDEN, changes nothing and leaves one
 * audit line, an allowed call leaves one too.
 */
@Timeout(300)
class LimitsPermissionIT {
  private static final String ADMIN = AsUser.ALICE;
  private static final String OPERATOR = AsUser.OPERATOR;
  private static final String USER = AsUser.BOB;

  /** Each method with params that succeed for an admin. */
  private static final List<String[]> CALLS =
      List.of(
          new String[] {Methods.ADMIN_SET_GROUP_LIMIT, "{\"group\":\"lab\",\"limit\":1}"},
          new String[] {
            Methods.ADMIN_SET_QUOTA, "{\"user\":\"" + AsUser.BOB + "\",\"max_running\":1}"
          },
          new String[] {Methods.ADMIN_LIMITS, "{}"},
          new String[] {Methods.ADMIN_DRAIN, "{}"},
          new String[] {Methods.ADMIN_RESUME, "{}"});

  @RegisterExtension final DaemonExtension daemon = DaemonExtension.withConfig(AsUser.ROLES_CONFIG);

  private final LimitsCalls calls = new LimitsCalls(daemon);

  @BeforeAll
  static void accounts() throws Exception {
    AsUser.ensureAccountsIfRoot();
  }

  @BeforeEach
  void needsRoot() {
    AsUser.assumeRoot();
  }

  private LimitsResult limits() throws Exception {
    return LimitsResult.fromJson(calls.call(Methods.ADMIN_LIMITS, null));
  }

  private List<String> audit() throws Exception {
    return Files.readAllLines(daemon.auditLog());
  }

  /** Calls as {@code user}; checks the outcome and that exactly one audit line names it. */
  private JsonObject callChecked(String user, String method, String params, boolean allowed)
      throws Exception {
    int before = audit().size();
    JsonObject reply = AsUser.rpcAs(user, daemon.socket(), method, params);
    List<String> lines = audit();
    assertEquals(before + 1, lines.size(), method + " as " + user + ": " + lines);
    String line = lines.get(lines.size() - 1);
    assertTrue(line.contains("\"method\":\"" + method + "\""), line);
    assertTrue(line.contains("\"user\":\"" + user + "\""), line);
    assertTrue(line.contains("\"outcome\":\"" + (allowed ? "ok" : "denied") + "\""), line);
    if (allowed) {
      assertTrue(reply.has("result"), method + " as " + user + ": " + reply);
    } else {
      JsonObject error = (JsonObject) reply.get("error");
      assertEquals(JsonNumber.of(-32003), error.get("code"), method + " as " + user);
    }
    return reply;
  }

  @Test
  void plainUser_everyMethodForbiddenNothingChangedOneAuditLine() throws Exception {
    for (String[] call : CALLS) {
      callChecked(USER, call[0], call[1], false);
    }
    assertEquals(LimitsResult.NONE, limits());
  }

  @Test
  void operator_drainAndResumeAllowedSettingsForbidden() throws Exception {
    for (String[] call : CALLS) {
      boolean allowed = call[0].equals(Methods.ADMIN_DRAIN) || call[0].equals(Methods.ADMIN_RESUME);
      callChecked(OPERATOR, call[0], call[1], allowed);
      if (call[0].equals(Methods.ADMIN_DRAIN)) {
        assertTrue(limits().draining());
      }
    }
    assertEquals(LimitsResult.NONE, limits());
  }

  @Test
  void admin_everyMethodAllowed() throws Exception {
    for (String[] call : CALLS) {
      callChecked(ADMIN, call[0], call[1], true);
    }
    LimitsResult after = limits();
    assertEquals(1, after.groupLimits().get("lab"));
    assertEquals(1, after.userQuotas().get(AsUser.BOB).maxRunning());
  }
}
