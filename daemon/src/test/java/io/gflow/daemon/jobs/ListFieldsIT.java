package io.gflow.daemon.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.DaemonExtension;
import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.Methods;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code job.list}'s {@code fields} against a real daemon: what it sends, and what it refuses. */
@Timeout(60)
class ListFieldsIT {
  @RegisterExtension
  final DaemonExtension daemon = DaemonExtension.withConfig("allow_root_jobs = true\n");

  private JsonObject call(String method, String params) throws Exception {
    try (RpcClient client = daemon.client()) {
      return (JsonObject) client.call(method, (JsonObject) Json.parse(params));
    }
  }

  private void submitHeld(String name) throws Exception {
    call(
        Methods.JOB_SUBMIT,
        "{\"command\":[\"true\"],\"cwd\":\"/tmp\",\"env\":{\"SECRET\":\"s3cr3t\"},\"name\":\""
            + name
            + "\",\"hold\":true}");
  }

  private static List<JsonObject> jobs(JsonObject result) {
    return ((JsonArray) result.get("jobs"))
        .elements().stream().map(JsonObject.class::cast).toList();
  }

  @Test
  void list_withFields_sendsIdAndOnlyThoseMembersInWireOrder() throws Exception {
    submitHeld("first");
    submitHeld("second");

    JsonObject result = call(Methods.JOB_LIST, "{\"fields\":[\"state\",\"name\",\"cwd\"]}");

    List<JsonObject> jobs = jobs(result);
    assertEquals(2, jobs.size(), result.toString());
    for (JsonObject job : jobs) {
      assertEquals(List.of("id", "name", "state", "cwd"), List.copyOf(job.members().keySet()));
      assertEquals("HELD", job.stringOrNull("state"));
      assertEquals("/tmp", job.stringOrNull("cwd"));
    }
    assertEquals("first", jobs.get(0).stringOrNull("name"));
    assertEquals(JsonValue.of((String) null), result.get("next"));
  }

  @Test
  void list_withFieldsAndPages_sameJobsAsWithout() throws Exception {
    for (int index = 0; index < 5; index++) {
      submitHeld("job" + index);
    }
    JsonObject whole = call(Methods.JOB_LIST, "{}");
    JsonObject firstPage = call(Methods.JOB_LIST, "{\"limit\":3,\"fields\":[\"user\"]}");
    long next = ((io.gflow.protocol.json.JsonNumber) firstPage.get("next")).exactLong().getAsLong();
    JsonObject lastPage =
        call(Methods.JOB_LIST, "{\"limit\":3,\"after_id\":" + next + ",\"fields\":[\"user\"]}");

    List<JsonObject> cut = new java.util.ArrayList<>(jobs(firstPage));
    cut.addAll(jobs(lastPage));
    List<JsonObject> all = jobs(whole);
    assertEquals(all.size(), cut.size());
    for (int index = 0; index < all.size(); index++) {
      assertEquals(all.get(index).get("id"), cut.get(index).get("id"));
      assertEquals(all.get(index).get("user"), cut.get(index).get("user"));
      assertEquals(2, cut.get(index).members().size(), cut.get(index).toString());
    }
    assertTrue(jobs(whole).get(0).has("stdout_path"), whole.toString());
  }

  /** The jobs of every page of size {@code limit}, one call per page, as JSON text. */
  private List<String> paged(int limit, String fields) throws Exception {
    List<String> jobs = new java.util.ArrayList<>();
    String after = "";
    while (true) {
      JsonObject page =
          call(Methods.JOB_LIST, "{\"limit\":" + limit + after + ",\"fields\":" + fields + "}");
      jobs(page).forEach(job -> jobs.add(Json.write(job)));
      if (page.get("next") instanceof io.gflow.protocol.json.JsonNumber next) {
        after = ",\"after_id\":" + next.exactLong().getAsLong();
      } else {
        return jobs;
      }
    }
  }

  @Test
  void list_pagesBigEnoughToEncodeInHalves_sameJobsAsSmallPages() throws Exception {
    int tasks = 2 * QueryHandlers.SPLIT_AT + 1;
    call(
        Methods.JOB_SUBMIT,
        "{\"command\":[\"true\"],\"cwd\":\"/tmp\",\"env\":{\"A\":\"1\"},\"name\":\"big\","
            + "\"array\":\"0-"
            + (tasks - 1)
            + "\",\"hold\":true}");
    int small = QueryHandlers.SPLIT_AT / 2 - 1;
    // Whole jobs (their specs decoded by the encoding threads), and a summary table's members.
    for (String fields : List.of("[]", "[\"name\",\"state\",\"reason\"]")) {
      List<String> big = paged(tasks, fields);
      assertEquals(tasks, big.size(), fields);
      assertEquals(paged(small, fields), big, fields);
      assertEquals(paged(QueryHandlers.SPLIT_AT, fields), big, fields);
    }
  }

  @Test
  void list_bigPageWithADamagedSpec_isAnErrorAndTheDaemonServesOn() throws Exception {
    int tasks = 2 * QueryHandlers.SPLIT_AT;
    call(
        Methods.JOB_SUBMIT,
        "{\"command\":[\"true\"],\"cwd\":\"/tmp\",\"env\":{},\"name\":\"big\","
            + "\"array\":\"0-"
            + (tasks - 1)
            + "\",\"hold\":true}");
    // One job in each half of the page: whichever thread decodes it, the call fails whole.
    try (java.sql.Connection db =
            java.sql.DriverManager.getConnection(
                "jdbc:sqlite:" + daemon.stateDir().resolve("gflow.db"));
        java.sql.Statement update = db.createStatement()) {
      update.setQueryTimeout(10);
      assertEquals(2, update.executeUpdate("UPDATE jobs SET spec = '{' WHERE id IN (3, 1500)"));
    }

    RpcException refused =
        assertThrows(RpcException.class, () -> call(Methods.JOB_LIST, "{\"limit\":" + tasks + "}"));

    assertEquals(ErrorCode.INTERNAL_ERROR, refused.code(), refused.getMessage());
    assertEquals(
        QueryHandlers.SPLIT_AT / 2,
        jobs(call(
                Methods.JOB_LIST,
                "{\"after_id\":1500,\"limit\":" + QueryHandlers.SPLIT_AT / 2 + "}"))
            .size());
    assertEquals(
        tasks,
        jobs(call(Methods.JOB_LIST, "{\"fields\":[\"name\"],\"limit\":" + tasks + "}")).size());
  }

  /** {@code job} with only {@code id} and the members named in {@code fields}, in its order. */
  private static JsonObject projected(JsonObject job, List<String> fields) {
    JsonObject.Builder members = JsonObject.builder();
    job.members()
        .forEach(
            (name, value) -> {
              if (name.equals("id") || fields.contains(name)) {
                members.put(name, value);
              }
            });
    return members.build();
  }

  private void assertSameAsProjected(JsonObject whole, List<String> fields) throws Exception {
    String names = String.join("\",\"", fields);
    JsonObject listed = call(Methods.JOB_LIST, "{\"fields\":[\"" + names + "\"]}");
    List<JsonObject> all = jobs(whole);
    List<JsonObject> got = jobs(listed);
    assertEquals(all.size(), got.size(), fields.toString());
    for (int index = 0; index < all.size(); index++) {
      // As text: the same members with the same values, in the same order.
      assertEquals(
          Json.write(projected(all.get(index), fields)), Json.write(got.get(index)), "" + fields);
    }
  }

  @Test
  void list_withFieldsFromColumnsOrSpec_sameMembersAsTheWholeJob() throws Exception {
    // Jobs that differ in every member a listing shows: array tasks, priority, time limit, a
    // reason, a finished one (end time, state); listings of column-only members skip the spec.
    call(
        Methods.JOB_SUBMIT,
        "{\"command\":[\"true\"],\"cwd\":\"/tmp\",\"env\":{},\"name\":\"arr\","
            + "\"array\":\"0-2\",\"priority\":7,\"time_limit\":90,\"hold\":true}");
    call(
        Methods.JOB_SUBMIT,
        "{\"command\":[\"true\"],\"cwd\":\"/tmp\",\"env\":{},\"name\":\"later\","
            + "\"begin\":\""
            + java.time.Instant.now().plusSeconds(3600)
            + "\"}");
    submitHeld("cancelled");
    long last = jobs(call(Methods.JOB_LIST, "{}")).size();
    call(Methods.JOB_CANCEL, "{\"ids\":[" + last + "]}");
    JsonObject whole = call(Methods.JOB_LIST, "{}");
    assertEquals(5, jobs(whole).size(), whole.toString());

    List<String> table =
        List.of(
            "array_job_id",
            "array_task_id",
            "user",
            "uid",
            "name",
            "state",
            "reason",
            "priority",
            "gpus",
            "assigned_gpus",
            "submit_time",
            "start_time",
            "end_time");
    assertSameAsProjected(whole, table);
    assertSameAsProjected(whole, List.of("exit_code", "signal", "redacted", "end_time"));
    assertSameAsProjected(whole, List.of("name", "time_limit"));
    for (io.gflow.protocol.job.JobField field : io.gflow.protocol.job.JobField.values()) {
      if (field != io.gflow.protocol.job.JobField.ENV) {
        assertSameAsProjected(whole, List.of(field.wireName()));
      }
    }
  }

  @Test
  void list_envAskedFor_stillNeverSent() throws Exception {
    submitHeld("secret");

    JsonObject job = jobs(call(Methods.JOB_LIST, "{\"fields\":[\"env\",\"command\"]}")).get(0);

    assertEquals(List.of("id", "command"), List.copyOf(job.members().keySet()));
  }

  @Test
  void list_unknownField_invalidParamsExit2NamingIt() throws Exception {
    submitHeld("kept");

    RpcException refused =
        assertThrows(
            RpcException.class,
            () -> call(Methods.JOB_LIST, "{\"fields\":[\"name\",\"password\"]}"));

    assertEquals(ErrorCode.INVALID_PARAMS, refused.code());
    assertEquals(-32602, refused.code().code());
    assertEquals(2, refused.code().exitCode());
    assertTrue(
        refused
            .getMessage()
            .startsWith("job.list params.fields: unknown job field 'password' (one of id,"),
        refused.getMessage());
  }

  @Test
  void list_tooManyFields_invalidParams() throws Exception {
    String names = String.join(",", java.util.Collections.nCopies(101, "\"id\""));

    RpcException refused =
        assertThrows(
            RpcException.class, () -> call(Methods.JOB_LIST, "{\"fields\":[" + names + "]}"));

    assertEquals(ErrorCode.INVALID_PARAMS, refused.code());
    assertTrue(refused.getMessage().contains("more than 100"), refused.getMessage());
  }
}
