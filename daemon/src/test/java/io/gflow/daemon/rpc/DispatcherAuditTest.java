package io.gflow.daemon.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.FakeClock;
import io.gflow.daemon.audit.AuditLog;
import io.gflow.daemon.auth.Caller;
import io.gflow.daemon.metrics.Metrics;
import io.gflow.protocol.Role;
import io.gflow.protocol.control.AuditRecord;
import io.gflow.protocol.control.AuditRequest;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.rpc.Request;
import io.gflow.protocol.rpc.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dispatcher's audit records: target from the method's extractor, one line per call. */
class DispatcherAuditTest {
  private static final CallContext ADMIN =
      new CallContext(new Caller(0, 0, 1, "root", Set.of()), Role.ADMIN);

  @TempDir Path dir;

  private List<AuditRecord> dispatch(MethodSpec spec, String params) throws Exception {
    try (AuditLog log = AuditLog.open(dir.resolve("audit.log"), new FakeClock())) {
      Response response =
          new Dispatcher(List.of(spec), log, new Metrics())
              .dispatch(
                  ADMIN,
                  new Request(JsonNumber.of(1), spec.name(), (JsonObject) Json.parse(params)));
      assertTrue(response != null);
      return log.read(new AuditRequest(null, null, 100));
    }
  }

  @Test
  void privilegedCall_withTarget_oneOkLineNamingTarget() throws Exception {
    MethodSpec spec =
        MethodSpec.privileged("admin.setThing", Role.ADMIN, (context, params) -> JsonObject.EMPTY)
            .withTarget(Target.fields("user", "gpus"));
    List<AuditRecord> records = dispatch(spec, "{\"user\":\"bob\",\"gpus\":[0,2],\"note\":\"x\"}");
    assertEquals(1, records.size());
    assertEquals("user=bob gpus=[0,2]", records.get(0).target());
    assertEquals("ok", records.get(0).outcome());
  }

  @Test
  void targetExtractorThrows_callStillServedWithoutTarget() throws Exception {
    MethodSpec spec =
        MethodSpec.privileged("admin.setThing", Role.ADMIN, (context, params) -> JsonObject.EMPTY)
            .withTarget(
                params -> {
                  throw new IllegalStateException("bug");
                });
    List<AuditRecord> records = dispatch(spec, "{}");
    assertEquals("ok", records.get(0).outcome());
    assertNull(records.get(0).target());
  }

  @Test
  void privilegedCall_unexpectedFailure_auditedAsErrorWithCorrelationId() throws Exception {
    MethodSpec spec =
        MethodSpec.privileged(
            "admin.setThing",
            Role.ADMIN,
            (context, params) -> {
              throw new IllegalStateException("boom");
            });
    List<AuditRecord> records = dispatch(spec, "{}");
    assertEquals(1, records.size());
    assertEquals("error", records.get(0).outcome());
    assertTrue(records.get(0).reason().startsWith("internal error "), records.get(0).reason());
  }
}
