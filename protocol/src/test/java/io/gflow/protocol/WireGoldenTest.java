package io.gflow.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gflow.protocol.control.InfoResult;
import io.gflow.protocol.control.MetricsResult;
import io.gflow.protocol.control.ReloadResult;
import io.gflow.protocol.control.WhoamiResult;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonFormatException;
import io.gflow.protocol.json.JsonNull;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonString;
import io.gflow.protocol.json.JsonValue;
import io.gflow.protocol.rpc.DecodedFrame;
import io.gflow.protocol.rpc.Request;
import io.gflow.protocol.rpc.RequestDecoder;
import io.gflow.protocol.rpc.Response;
import io.gflow.protocol.rpc.RpcError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the wire format: each record written with {@link Json#write} is the compact form of its
 * golden file under {@code src/test/resources/wire/} (member order included), and reading the
 * golden file gives the record back. Changing a golden file is a protocol change.
 */
class WireGoldenTest {

  private static final WhoamiResult WHOAMI =
      new WhoamiResult(1001, 1001, "bob", List.of(1001L, 27L, 44L), Role.USER, 4242);

  private static final InfoResult INFO =
      new InfoResult(
          "0.1.0",
          1234,
          3600,
          "system",
          "/run/gflow/gflowd.sock",
          Map.of("jobs_running", 2L, "connections", 3L, "jobs_queued", 12L),
          true,
          null);

  private static final Response FORBIDDEN =
      Response.failure(
          JsonNumber.of(7),
          new RpcError(
              ErrorCode.FORBIDDEN.code(),
              "admin.reload requires the admin role",
              new ErrorData(
                  "role",
                  "admin",
                  new ErrorData.CallerInfo(1001, "bob", "user"),
                  "ask an administrator to run it",
                  null)));

  @Test
  void whoamiResult_matchesGolden() {
    assertWritesGolden("whoami-result.json", WHOAMI.toJson());
    assertEquals(WHOAMI, WhoamiResult.fromJson(golden("whoami-result.json")));
  }

  @Test
  void infoResult_matchesGoldenWithCountsSortedByName() {
    assertWritesGolden("info-result.json", INFO.toJson());
    assertEquals(INFO, InfoResult.fromJson(golden("info-result.json")));
  }

  @Test
  void infoResult_forAdmin_matchesGoldenWithStateDir() {
    InfoResult admin =
        new InfoResult(
            "0.1.0",
            1234,
            3600,
            "system",
            "/run/gflow/gflowd.sock",
            Map.of("connections", 3L),
            false,
            "/var/lib/gflow");
    assertWritesGolden("info-result-admin.json", admin.toJson());
    assertEquals(admin, InfoResult.fromJson(golden("info-result-admin.json")));
    assertEquals(null, admin.withoutStateDir().stateDir());
  }

  @Test
  void reloadResult_matchesGolden() {
    ReloadResult reload =
        new ReloadResult("/etc/gflow/gflowd.toml", List.of("socket", "scheduler.slots"));

    assertWritesGolden("reload-result.json", reload.toJson());
    assertEquals(reload, ReloadResult.fromJson(golden("reload-result.json")));
  }

  @Test
  void reloadResultWithoutConfig_writesExplicitNull() {
    ReloadResult defaults = new ReloadResult(null, List.of());

    assertWritesGolden("reload-result-defaults.json", defaults.toJson());
    assertEquals(defaults, ReloadResult.fromJson(golden("reload-result-defaults.json")));
  }

  @Test
  void reloadResultOfOlderDaemon_withoutRestartRequired_readsAsNone() {
    ReloadResult old =
        ReloadResult.fromJson(JsonObject.builder().put("config", JsonValue.of("/x")).build());

    assertEquals(new ReloadResult("/x", List.of()), old);
  }

  @Test
  void metricsResult_matchesGoldenAndStaysOneLine() {
    MetricsResult metrics =
        new MetricsResult(
            "# HELP gflow_jobs_running Jobs running now.\n"
                + "# TYPE gflow_jobs_running gauge\n"
                + "gflow_jobs_running 2\n");

    String written = assertWritesGolden("metrics-result.json", metrics.toJson());

    assertFalse(written.contains("\n"));
    assertEquals(metrics, MetricsResult.fromJson(golden("metrics-result.json")));
  }

  @Test
  void forbiddenError_matchesGoldenWithCallerInData() {
    assertWritesGolden("error-forbidden.json", FORBIDDEN.toJson());
    assertEquals(FORBIDDEN, Response.fromJson(golden("error-forbidden.json")));
  }

  @Test
  void internalError_matchesGoldenWithCorrelationId() {
    Response internal =
        Response.failure(
            new JsonString("req-1"),
            new RpcError(
                ErrorCode.INTERNAL_ERROR.code(),
                "internal error",
                new ErrorData(null, null, null, null, "3f2a9c1e")));

    assertWritesGolden("error-internal.json", internal.toJson());
    assertEquals(internal, Response.fromJson(golden("error-internal.json")));
  }

  @Test
  void parseError_matchesGoldenWithNullIdAndNoData() {
    Response parse = Response.failure(JsonNull.INSTANCE, ErrorCode.PARSE_ERROR, "invalid JSON");

    assertWritesGolden("error-parse.json", parse.toJson());
    assertEquals(parse, Response.fromJson(golden("error-parse.json")));
  }

  @Test
  void pingRequest_matchesGoldenAndDecodes() {
    Request ping = new Request(JsonNumber.of(1), Methods.DAEMON_PING, null);

    String written = assertWritesGolden("request-ping.json", ping.toJson());

    assertEquals(ping, decodeOne(written));
  }

  @Test
  void whoamiNotification_matchesGoldenWithoutId() {
    Request whoami = new Request(null, Methods.AUTH_WHOAMI, JsonObject.EMPTY);

    String written = assertWritesGolden("request-whoami-notification.json", whoami.toJson());

    assertEquals(whoami, decodeOne(written));
  }

  @Test
  void pingResponse_matchesGolden() {
    Response pong = Response.success(JsonNumber.of(1), JsonObject.EMPTY);

    assertWritesGolden("response-ping.json", pong.toJson());
    assertEquals(pong, Response.fromJson(golden("response-ping.json")));
  }

  /** Returns the compact text, which must be the golden file's compact form. */
  private static String assertWritesGolden(String file, JsonObject json) {
    JsonValue golden = golden(file);
    String written = Json.write(json);

    assertEquals(Json.write(golden), written, file + " (compact form, member order included)");
    assertEquals(golden, parse(written), file + " (parsed tree)");
    return written;
  }

  private static Request decodeOne(String compact) {
    byte[] bytes = compact.getBytes(StandardCharsets.UTF_8);
    DecodedFrame frame = RequestDecoder.decode(bytes, 0, bytes.length);
    assertNull(frame.frameError());
    assertEquals(1, frame.entries().size());
    assertNotNull(frame.entries().get(0).request(), () -> frame.entries().get(0).toString());
    return frame.entries().get(0).request();
  }

  private static JsonValue golden(String file) {
    try (InputStream in = WireGoldenTest.class.getResourceAsStream("/wire/" + file)) {
      assertNotNull(in, "missing golden file wire/" + file);
      byte[] bytes = in.readAllBytes();
      return Json.parse(bytes, 0, bytes.length);
    } catch (IOException | JsonFormatException bad) {
      throw new AssertionError("cannot read golden file wire/" + file, bad);
    }
  }

  private static JsonValue parse(String text) {
    try {
      return Json.parse(text);
    } catch (JsonFormatException bad) {
      throw new AssertionError(bad);
    }
  }
}
