package io.gflow.daemon;

import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonString;
import io.gflow.protocol.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Measures, not a test: dispatch rate of trivial jobs with 2 slots, and submit-to-start of single
 * jobs on an idle daemon. Run by hand: {@code -Dit.test=DispatchRate}.
 */
class DispatchRate {
  private static final int JOBS = 300;
  private static final int SINGLES = 40;

  @RegisterExtension
  final DaemonExtension daemon = DaemonExtension.withConfig("[scheduler]\nslots = 2\n");

  private JsonValue call(String method, String params) throws Exception {
    try (RpcClient client = daemon.client()) {
      return client.call(method, (JsonObject) Json.parse(params));
    }
  }

  private List<Long> submit(String extra) throws Exception {
    String params =
        "{\"command\":[\"/bin/true\"],\"cwd\":\"/tmp\",\"env\":{},\"output\":\""
            + daemon.root()
            + "/o.%j\""
            + extra
            + "}";
    List<Long> ids = new ArrayList<>();
    for (JsonValue id :
        ((JsonArray) ((JsonObject) call("job.submit", params)).get("ids")).elements()) {
      ids.add(((JsonNumber) id).exactLong().getAsLong());
    }
    return ids;
  }

  private List<JsonValue> await(List<Long> ids) throws Exception {
    StringBuilder list = new StringBuilder();
    for (long id : ids) {
      list.append(list.length() == 0 ? "" : ",").append(id);
    }
    JsonObject result =
        (JsonObject) call("job.wait", "{\"ids\":[" + list + "],\"timeout_ms\":600000}");
    return ((JsonArray) result.get("jobs")).elements();
  }

  @Test
  void measure() throws Exception {
    await(submit(",\"array\":\"1-20\"")); // warm-up
    long begin = System.nanoTime();
    List<Long> ids = submit(",\"array\":\"1-" + JOBS + "\"");
    List<JsonValue> jobs = await(ids);
    double seconds = (System.nanoTime() - begin) / 1e9;
    System.out.printf("DISPATCH %d jobs in %.3f s = %.1f jobs/s%n", JOBS, seconds, JOBS / seconds);
    List<Long> runs = new ArrayList<>();
    for (JsonValue value : jobs) {
      JsonObject job = (JsonObject) value;
      runs.add(
          Duration.between(
                  Instant.parse(((JsonString) job.get("start_time")).value()),
                  Instant.parse(((JsonString) job.get("end_time")).value()))
              .toMillis());
    }
    runs.sort(null);
    System.out.printf(
        "DISPATCH start-to-end ms p50 %d p90 %d (2 slots / p50 = %.0f jobs/s)%n",
        runs.get(runs.size() / 2),
        runs.get(runs.size() * 9 / 10),
        2000.0 / Math.max(1, runs.get(runs.size() / 2)));
    List<Long> waits = new ArrayList<>();
    for (int index = 0; index < SINGLES; index++) {
      JsonObject job = (JsonObject) await(submit("")).get(0);
      Instant submitted = Instant.parse(((JsonString) job.get("submit_time")).value());
      Instant started = Instant.parse(((JsonString) job.get("start_time")).value());
      waits.add(Duration.between(submitted, started).toNanos() / 1000);
    }
    waits.sort(null);
    System.out.printf(
        "DISPATCH submit-to-start us p50 %d p90 %d max %d; load %s%n",
        waits.get(waits.size() / 2),
        waits.get(waits.size() * 9 / 10),
        waits.get(waits.size() - 1),
        java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
  }
}
