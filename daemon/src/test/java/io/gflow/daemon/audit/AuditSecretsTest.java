package io.gflow.daemon.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.FakeClock;
import io.gflow.daemon.metrics.Metrics;
import io.gflow.daemon.rpc.Dispatcher;
import io.gflow.daemon.rpc.MethodSpec;
import io.gflow.daemon.rpc.Target;
import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.Methods;
import io.gflow.protocol.Role;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.rpc.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What reaches the audit file through the dispatcher: the target only, never env, command, script
 * or any other param value, even when the handler's error message quotes them.
 */
class AuditSecretsTest {
  private static final String SECRET = "hunter2-SECRET-value";

  @TempDir Path dir;

  private static JsonObject submitParams() throws Exception {
    return (JsonObject)
        Json.parse(
            "{\"command\":[\"echo\",\"--password="
                + SECRET
                + "\"],\"script\":\"export K="
                + SECRET
                + "\",\"cwd\":\"/tmp\",\"env\":{\"API_TOKEN\":\""
                + SECRET
                + "\"},\"name\":\""
                + SECRET
                + "\"}");
  }

  @Test
  void deniedSubmitWithSecretEnv_auditLineHasNoParamValue() throws Exception {
    Path file = dir.resolve("audit.log");
    try (AuditLog log = AuditLog.open(file, new FakeClock())) {
      MethodSpec submit =
          MethodSpec.open(
              Methods.JOB_SUBMIT,
              (context, params) -> {
                throw new RpcException(
                    ErrorCode.FORBIDDEN, "permission denied: cannot run " + params);
              });
      MethodSpec reload =
          MethodSpec.privileged(Methods.ADMIN_RELOAD, Role.ADMIN, (context, params) -> params);
      Dispatcher dispatcher = new Dispatcher(List.of(submit, reload), log, new Metrics());
      dispatcher.dispatch(
          AuditLogTest.BOB, new Request(JsonNumber.of(1), Methods.JOB_SUBMIT, submitParams()));
      dispatcher.dispatch(
          AuditLogTest.BOB, new Request(JsonNumber.of(2), Methods.ADMIN_RELOAD, submitParams()));
    }
    String text = Files.readString(file);
    assertEquals(2, text.lines().count(), text);
    assertFalse(text.contains(SECRET), text);
    assertFalse(text.contains("API_TOKEN"), text);
    assertTrue(text.contains("\"outcome\":\"denied\""), text);
  }

  @Test
  void jobMethods_targetNamesJobIdsOnly() throws Exception {
    Path file = dir.resolve("audit.log");
    try (AuditLog log = AuditLog.open(file, new FakeClock())) {
      MethodSpec cancel =
          MethodSpec.open(
                  Methods.JOB_CANCEL,
                  (context, params) -> {
                    throw new RpcException(ErrorCode.FORBIDDEN, "no");
                  })
              .withTarget(Target.jobIds());
      new Dispatcher(List.of(cancel), log, new Metrics())
          .dispatch(
              AuditLogTest.BOB,
              new Request(
                  JsonNumber.of(1),
                  Methods.JOB_CANCEL,
                  (JsonObject) Json.parse("{\"ids\":[4,5],\"signal\":\"" + SECRET + "\"}")));
    }
    String text = Files.readString(file);
    assertTrue(text.contains("\"target\":\"jobs 4,5\""), text);
    assertFalse(text.contains(SECRET), text);
  }
}
