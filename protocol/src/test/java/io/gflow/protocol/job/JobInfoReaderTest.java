package io.gflow.protocol.job;

import static io.gflow.protocol.job.JobFixtures.JOB;
import static io.gflow.protocol.job.JobFixtures.REDACTED;
import static io.gflow.protocol.job.JobFixtures.SCRIPT_JOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonStreams;
import io.gflow.protocol.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The streaming reader gives the same jobs as the tree reader, and refuses what it refuses. */
class JobInfoReaderTest {
  private static List<JobInfo> read(String arrayText) throws IOException {
    byte[] bytes = arrayText.getBytes(StandardCharsets.UTF_8);
    try (JsonParser parser = JsonStreams.parser(bytes, 0, bytes.length)) {
      assertEquals(JsonToken.START_ARRAY, parser.nextToken());
      JobInfoReader reader = new JobInfoReader(parser);
      List<JobInfo> jobs = new ArrayList<>();
      JobInfo job;
      while ((job = reader.next()) != null) {
        jobs.add(job);
      }
      return jobs;
    }
  }

  private static String array(List<JobInfo> jobs) {
    return Json.write(JsonArray.of(jobs.stream().map(JobInfo::toJson).toList()));
  }

  @Test
  void read_sameAsTreeReader() throws Exception {
    List<JobInfo> jobs = List.of(JOB, REDACTED, SCRIPT_JOB);
    assertEquals(jobs, read(array(jobs)));
    assertEquals(List.of(), read("[]"));
  }

  @Test
  void read_goldenFile() throws Exception {
    String golden = Json.write(Golden.read("job-info.json"));
    assertEquals(List.of(JOB), read("[" + golden + "]"));
  }

  @Test
  void read_absentOptionalMembers_defaults() throws Exception {
    JobInfo job =
        read("[{\"id\":5,\"user\":\"bob\",\"uid\":1001,\"name\":\"n\",\"state\":\"PD\","
                + "\"priority\":50,\"gpus\":0,\"submit_time\":\"2026-12-01T08:00:00Z\"}]")
            .get(0);
    assertEquals(List.of(), job.assignedGpus());
    assertEquals(DependencyMode.ALL, job.dependencyMode());
    assertNull(job.command());
    assertEquals(Instant.parse("2026-12-01T08:00:00Z"), job.submitTime());
  }

  private static RpcException refused(String member) {
    String text = array(List.of(JOB));
    String broken = text.replaceFirst("\"id\":43", member);
    return assertThrows(RpcException.class, () -> read(broken));
  }

  @Test
  void read_badJobs_invalidParamsNamingTheMember() {
    assertTrue(refused("\"id\":43,\"bogus\":1").getMessage().contains("unknown field 'bogus'"));
    assertTrue(refused("\"id\":\"42\"").getMessage().contains("job.id must be an integer"));
    assertTrue(refused("\"id\":null").getMessage().contains("job.id is required"));
    assertTrue(refused("\"id\":0").getMessage().contains("id"));
    RpcException instant =
        assertThrows(
            RpcException.class,
            () ->
                read(
                    array(List.of(JOB))
                        .replaceFirst("\"submit_time\":\"[^\"]*\"", "\"submit_time\":\"soon\"")));
    assertTrue(instant.getMessage().contains("not an ISO-8601 instant"), instant.getMessage());
    assertEquals(ErrorCode.INVALID_PARAMS, instant.code());
  }

  /** The members of {@code job}'s JSON that {@code fields} names, plus id, in wire order. */
  private static String only(JobInfo job, Set<JobField> fields) {
    JsonObject.Builder kept = JsonObject.builder();
    for (Map.Entry<String, JsonValue> member : job.toJson().members().entrySet()) {
      JobField field = JobField.parse("test", member.getKey());
      if (field == JobField.ID || fields.contains(field)) {
        kept.put(member.getKey(), member.getValue());
      }
    }
    return Json.write(kept.build());
  }

  @Test
  void readArray_pageWithFields_givesTheAskedMembersAndDefaultsTheRest() {
    List<JobInfo> jobs = List.of(JOB, REDACTED, SCRIPT_JOB);
    Random random = new Random(8);
    for (int round = 0; round < 200; round++) {
      Set<JobField> fields = EnumSet.copyOf(JobField.REQUIRED);
      for (JobField field : JobField.values()) {
        if (random.nextInt(3) == 0) {
          fields.add(field);
        }
      }
      ListPageWriter writer = new ListPageWriter(fields);
      jobs.forEach(writer::add);
      byte[] page = writer.finish(null).text().getBytes(StandardCharsets.UTF_8);
      List<JobInfo> read = new ArrayList<>();
      // The page is {"jobs":[...],"next":null}: the array starts at byte 8.
      JobInfoReader.readArray(page, 8, page.length - 8 - ",\"next\":null}".length(), read::add);

      assertEquals(jobs.size(), read.size());
      for (int index = 0; index < jobs.size(); index++) {
        assertEquals(
            only(jobs.get(index), fields), only(read.get(index), fields), fields::toString);
      }
    }
  }

  @Test
  void readArray_partialJobsWithMalformedValues_stillRefusedNamingTheMember() {
    String required =
        "{\"id\":5,\"user\":\"bob\",\"uid\":1001,\"name\":\"n\",\"state\":\"PENDING\","
            + "\"priority\":50,\"gpus\":0,\"submit_time\":\"2026-12-01T08:00:00Z\"";
    Map<String, String> refusals =
        Map.of(
            ",\"start_time\":\"yesterday\"", "job.start_time 'yesterday' is not an ISO-8601",
            ",\"assigned_gpus\":[1024]", "job.assigned_gpus holds 1024",
            ",\"exit_code\":\"0\"", "job.exit_code must be an integer",
            ",\"command\":[1]", "job.command element must be a string",
            ",\"reason\":{}", "job.reason must be a string",
            ",\"secret\":1", "unknown field 'secret' in job");
    for (Map.Entry<String, String> refusal : refusals.entrySet()) {
      byte[] page = ("[" + required + refusal.getKey() + "}]").getBytes(StandardCharsets.UTF_8);
      RpcException error =
          assertThrows(
              RpcException.class,
              () -> JobInfoReader.readArray(page, 0, page.length, job -> {}),
              refusal.getKey());
      assertEquals(ErrorCode.INVALID_PARAMS, error.code());
      assertTrue(error.getMessage().contains(refusal.getValue()), error.getMessage());
    }
    byte[] noUser =
        ("[" + required.replace("\"user\":\"bob\",", "") + "}]").getBytes(StandardCharsets.UTF_8);
    RpcException missing =
        assertThrows(
            RpcException.class, () -> JobInfoReader.readArray(noUser, 0, noUser.length, job -> {}));
    assertEquals("job.user is required", missing.getMessage());
    byte[] state =
        ("[" + required.replace("PENDING", "DONE") + "}]").getBytes(StandardCharsets.UTF_8);
    assertThrows(
        RpcException.class, () -> JobInfoReader.readArray(state, 0, state.length, job -> {}));
  }

  @Test
  void read_duplicateMember_refused() {
    assertThrows(
        Exception.class,
        () -> read(array(List.of(JOB)).replaceFirst("\"id\":43", "\"id\":43,\"id\":44")));
  }

  @Test
  void readArray_repeatedMemberOrEnvVariable_refused() {
    String text = array(List.of(JOB));
    for (String repeated :
        List.of(
            text.replaceFirst("\"id\":43", "\"id\":43,\"id\":44"),
            text.replaceFirst("\"name\":", "\"cwd\":null,\"name\":"),
            text.replaceFirst("\"stderr_path\":[^}]*}", "\"stderr_path\":null,\"state\":\"PD\"}"),
            text.replaceFirst("\"env\":\\{", "\"env\":{\"PATH\":\"/x\","))) {
      byte[] bytes = repeated.getBytes(StandardCharsets.UTF_8);
      RpcException error =
          assertThrows(
              RpcException.class,
              () -> JobInfoReader.readArray(bytes, 0, bytes.length, job -> {}),
              repeated);
      assertEquals(ErrorCode.INVALID_PARAMS, error.code(), error.getMessage());
      assertTrue(
          error.getMessage().matches("(duplicate field '\\w+' in job|job.env repeats 'PATH')"),
          error.getMessage());
    }
  }

  @Test
  void instants_readAndWrittenAsInstantDoes() {
    List<Instant> instants =
        List.of(
            Instant.parse("2026-12-01T08:00:00Z"),
            Instant.parse("2026-12-01T08:00:00.250Z"),
            Instant.parse("2026-12-01T08:00:00.000250Z"),
            Instant.parse("2026-12-01T08:00:00.000000250Z"),
            Instant.parse("2024-02-29T23:59:59.999999999Z"),
            Instant.parse("1970-01-01T00:00:00Z"),
            Instant.parse("0000-01-01T00:00:00Z"),
            Instant.parse("9999-12-31T23:59:59Z"),
            Instant.parse("+10000-01-01T00:00:00Z"),
            Instant.parse("-0001-06-01T00:00:00.5Z"),
            Instant.ofEpochMilli(1_796_000_123_456L));
    for (Instant instant : instants) {
      assertEquals(instant.toString(), WireInstants.format(instant));
      assertEquals(instant, WireInstants.parse(instant.toString()));
    }
    assertEquals(
        Instant.parse("2026-12-01T08:00:00.1Z"), WireInstants.parse("2026-12-01T08:00:00.1Z"));
    for (String bad : List.of("2026-02-30T00:00:00Z", "2026-12-01 08:00:00Z", "x")) {
      assertThrows(
          java.time.format.DateTimeParseException.class, () -> WireInstants.parse(bad), bad);
    }
  }
}
