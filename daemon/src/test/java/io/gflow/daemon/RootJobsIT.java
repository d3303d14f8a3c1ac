package io.gflow.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With {@code allow_root_jobs = true} a system daemon runs root's jobs (as root). */
@Timeout(60)
class RootJobsIT {
  @RegisterExtension
  final DaemonExtension daemon = DaemonExtension.system("allow_root_jobs = true\n");

  @BeforeEach
  void needsRoot() {
    AsUser.assumeRoot();
  }

  @Test
  void submit_rootWithAllowRootJobs_runsAsRoot() throws Exception {
    try (var client = daemon.client()) {
      JsonObject submitted =
          (JsonObject)
              client.call(
                  "job.submit",
                  (JsonObject)
                      Json.parse(
                          "{\"command\":[\"id\",\"-u\"],\"cwd\":\"/tmp\",\"env\":{},\"output\":\""
                              + daemon.root()
                              + "/%j.out\"}"));
      long id =
          ((JsonNumber) ((JsonArray) submitted.get("ids")).elements().get(0))
              .exactLong()
              .getAsLong();
      JsonObject waited =
          (JsonObject)
              client.call(
                  "job.wait",
                  (JsonObject) Json.parse("{\"ids\":[" + id + "],\"timeout_ms\":30000}"));
      JsonObject job = (JsonObject) ((JsonArray) waited.get("jobs")).elements().get(0);
      assertEquals("COMPLETED", job.stringOrNull("state"), job.toString());
      assertEquals("0\n", Files.readString(daemon.root().resolve(id + ".out")));
    }
  }
}
