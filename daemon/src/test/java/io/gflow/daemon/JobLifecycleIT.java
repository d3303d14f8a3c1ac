package io.gflow.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Jobs end to end in a personal daemon with a fake nvidia-smi (4 GPUs): GPU variables, arrays, time
 * limits, cancel of a running job, dependency auto-cancel, job.events.
 */
@Timeout(120)
class JobLifecycleIT {
  private static final Path FAKE_SMI = fakeNvidiaSmi();

  @RegisterExtension
  final DaemonExtension daemon =
      DaemonExtension.withConfig(
          "[scheduler]\nslots = 8\nnvidia_smi = \"" + FAKE_SMI + "\"\nkill_grace = \"1s\"\n");

  private static Path fakeNvidiaSmi() {
    try {
      Path dir = Files.createTempDirectory(Path.of("/tmp"), "gfsmi");
      Path script = dir.resolve("nvidia-smi");
      StringBuilder text = new StringBuilder("#!/bin/sh\ncase \"$*\" in\n*query-gpu*)\n");
      for (int index = 0; index < 4; index++) {
        text.append("echo '")
            .append(index)
            .append(", GPU-0000000")
            .append(index)
            .append("-aaaa-bbbb-cccc-dddddddddddd, NVIDIA A100-SXM4-40GB, 40960 MiB'\n");
      }
      text.append(";;\nesac\n");
      Files.writeString(script, text);
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
      return script;
    } catch (java.io.IOException failed) {
      throw new java.io.UncheckedIOException(failed);
    }
  }

  private JsonValue call(String method, String params) throws Exception {
    try (RpcClient client = daemon.client()) {
      return client.call(method, (JsonObject) Json.parse(params));
    }
  }

  private List<Long> submit(String extra, String... argv) throws Exception {
    StringBuilder command = new StringBuilder("[");
    for (int index = 0; index < argv.length; index++) {
      command.append(index == 0 ? "" : ",").append(Json.write(JsonValue.of(argv[index])));
    }
    command.append(']');
    String params =
        "{\"command\":"
            + command
            + ",\"cwd\":\"/tmp\",\"env\":{\"PATH\":\"/usr/bin:/bin\"},\"output\":\""
            + daemon.root()
            + "/%j.out\""
            + extra
            + "}";
    List<Long> ids = new ArrayList<>();
    for (JsonValue id :
        ((JsonArray) ((JsonObject) call("job.submit", params)).get("ids")).elements()) {
      ids.add(((JsonNumber) id).exactLong().getAsLong());
    }
    return ids;
  }

  private JsonObject waitFor(long id) throws Exception {
    JsonObject result =
        (JsonObject) call("job.wait", "{\"ids\":[" + id + "],\"timeout_ms\":60000}");
    return (JsonObject) ((JsonArray) result.get("jobs")).elements().get(0);
  }

  private String output(long id) throws Exception {
    return Files.readString(daemon.root().resolve(id + ".out"));
  }

  @Test
  void gpuJob_getsDevicesAndVariables() throws Exception {
    long first =
        submit(
                ",\"gpus\":2",
                "sh",
                "-c",
                "echo $CUDA_VISIBLE_DEVICES $CUDA_DEVICE_ORDER $GFLOW_JOB_ID $SLURM_JOB_ID $GFLOW_GPUS")
            .get(0);
    JsonObject done = waitFor(first);
    assertEquals("COMPLETED", done.stringOrNull("state"), done.toString());
    assertEquals("0,1 PCI_BUS_ID " + first + " " + first + " 0,1\n", output(first));
    JsonObject gpus = (JsonObject) call("sched.gpus", "{}");
    assertEquals(4, ((JsonArray) gpus.get("gpus")).size(), gpus.toString());
  }

  @Test
  void array_tasksGetTheirIndices() throws Exception {
    List<Long> ids =
        submit(",\"array\":\"1-5:2\"", "sh", "-c", "echo $GFLOW_ARRAY_JOB_ID $GFLOW_ARRAY_TASK_ID");
    assertEquals(3, ids.size());
    for (int index = 0; index < 3; index++) {
      long id = ids.get(index);
      assertEquals("COMPLETED", waitFor(id).stringOrNull("state"));
      assertEquals(ids.get(0) + " " + (1 + 2 * index) + "\n", output(id));
    }
  }

  @Test
  void timeLimit_exceeded_endsTimeoutBySignal() throws Exception {
    long id = submit(",\"time_limit\":1", "sleep", "30").get(0);
    JsonObject done = waitFor(id);
    assertEquals("TIMEOUT", done.stringOrNull("state"), done.toString());
    assertEquals("TimeLimit", done.stringOrNull("reason"));
    assertEquals(JsonNumber.of(15), done.get("signal"), done.toString());
  }

  @Test
  void cancelRunning_endsCancelledWithWho() throws Exception {
    long id = submit("", "sleep", "30").get(0);
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!"RUNNING"
        .equals(((JsonObject) call("job.get", "{\"id\":" + id + "}")).stringOrNull("state"))) {
      assertTrue(System.nanoTime() < deadline, "job never started");
      Thread.sleep(20);
    }
    call("job.cancel", "{\"ids\":[" + id + "]}");
    JsonObject done = waitFor(id);
    assertEquals("CANCELLED", done.stringOrNull("state"));
    assertTrue(done.stringOrNull("reason").startsWith("CancelledBy:"), done.toString());
  }

  @Test
  void cancel_atOnceWhenRunning_beforeTheJobHasExeced_sigtermReachesIt() throws Exception {
    // RUNNING is stored as soon as the wrapper runs; the job's pid comes a few ms later.
    long id = submit("", "sleep", "30").get(0);
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!"RUNNING"
        .equals(((JsonObject) call("job.get", "{\"id\":" + id + "}")).stringOrNull("state"))) {
      assertTrue(System.nanoTime() < deadline, "job never started");
    }
    call("job.cancel", "{\"ids\":[" + id + "]}");
    JsonObject done = waitFor(id);
    assertEquals("CANCELLED", done.stringOrNull("state"), done.toString());
    assertEquals(JsonNumber.of(15), done.get("signal"), done.toString());
  }

  @Test
  void missingProgram_endsFailedLaunchFailedExit127() throws Exception {
    long id = submit("", "/no/such/gflow-program").get(0);
    JsonObject done = waitFor(id);
    assertEquals("FAILED", done.stringOrNull("state"), done.toString());
    assertEquals(
        "LaunchFailed:exec /no/such/gflow-program: No such file or directory",
        done.stringOrNull("reason"));
    assertEquals(JsonNumber.of(127), done.get("exit_code"), done.toString());
  }

  @Test
  void dependency_failed_autoCancelsDependent() throws Exception {
    long failing = submit("", "sh", "-c", "exit 3").get(0);
    long dependent = submit(",\"depends_on\":[" + failing + "]", "true").get(0);
    JsonObject failed = waitFor(failing);
    assertEquals("FAILED", failed.stringOrNull("state"));
    assertEquals(JsonNumber.of(3), failed.get("exit_code"));
    JsonObject cancelled = waitFor(dependent);
    assertEquals("CANCELLED", cancelled.stringOrNull("state"));
    assertEquals("DependencyFailed:" + failing, cancelled.stringOrNull("reason"));
  }

  @Test
  void events_reportOwnJobsStateChanges() throws Exception {
    long id = submit("", "true").get(0);
    waitFor(id);
    JsonObject events = (JsonObject) call("job.events", "{\"after_seq\":0,\"timeout_ms\":1000}");
    List<String> states = new ArrayList<>();
    for (JsonValue event : ((JsonArray) events.get("events")).elements()) {
      if (((JsonNumber) ((JsonObject) event).get("id")).exactLong().getAsLong() == id) {
        states.add(((JsonObject) event).stringOrNull("state"));
      }
    }
    assertTrue(states.contains("RUNNING") && states.contains("COMPLETED"), states.toString());
  }
}
