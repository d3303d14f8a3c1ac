package io.gflow.protocol.job;

import static io.gflow.protocol.job.Invalid.message;
import static io.gflow.protocol.job.Invalid.with;
import static io.gflow.protocol.job.Invalid.without;
import static io.gflow.protocol.job.JobFixtures.JOB;
import static io.gflow.protocol.job.JobFixtures.SCRIPT_JOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.protocol.json.JsonNull;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonString;
import io.gflow.protocol.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobInfoTest {

  @Test
  void redact_dropsDetailsKeepsSummary() {
    JobInfo redacted = JOB.redact();

    assertTrue(redacted.redacted());
    assertNull(redacted.command());
    assertNull(redacted.script());
    assertNull(redacted.cwd());
    assertNull(redacted.env());
    assertNull(redacted.stdoutPath());
    assertNull(redacted.stderrPath());
    assertEquals(JOB.name(), redacted.name());
    assertEquals(JOB.state(), redacted.state());
    assertEquals(JOB.endTime(), redacted.endTime());
    assertEquals(JOB.assignedGpus(), redacted.assignedGpus());
  }

  @Test
  void toJson_redacted_hasNoDetailValues() {
    String json = JOB.redact().toJson().toString();

    assertFalse(json.contains("python3"), json);
    assertFalse(json.contains("/home/bob"), json);
    assertFalse(json.contains("PATH"), json);
  }

  @Test
  void constructor_redactedWithCommand_rejected() {
    assertEquals(
        "job 43 is redacted but carries command",
        message(() -> JobInfo.fromJson(with(JOB.toJson(), "redacted", JsonValue.of(true)))));
  }

  @Test
  void toJson_nullEnv_leavesEnvKeyOut() {
    JsonObject json = SCRIPT_JOB.toJson();

    assertFalse(json.has("env"));
    assertTrue(json.has("cwd"));
  }

  @Test
  void toJson_commandJob_scriptKeyLeftOutCommandPresent() {
    JsonObject json = JOB.toJson();

    assertFalse(json.has("script"));
    assertTrue(json.has("command"));
  }

  @Test
  void toJson_scriptJob_commandIsExplicitNull() {
    JsonObject json = SCRIPT_JOB.toJson();

    assertSame(JsonNull.INSTANCE, json.get("command"));
    assertEquals(new JsonString("#!/bin/sh\nsleep 600\n"), json.get("script"));
  }

  @Test
  void toJson_everyNullableKeyPresentAsNull() {
    JsonObject json = JobFixtures.REDACTED.toJson();

    for (String key :
        List.of(
            "start_time",
            "end_time",
            "exit_code",
            "signal",
            "time_limit",
            "begin",
            "group",
            "project",
            "command",
            "cwd",
            "stdout_path",
            "stderr_path")) {
      assertSame(JsonNull.INSTANCE, json.get(key), key);
    }
  }

  @Test
  void fromJson_unknownField_rejected() {
    assertEquals(
        "unknown field 'gid' in job",
        message(() -> JobInfo.fromJson(with(JOB.toJson(), "gid", JsonNumber.of(1)))));
  }

  @Test
  void fromJson_missingSubmitTime_rejected() {
    assertEquals(
        "job.submit_time is required",
        message(() -> JobInfo.fromJson(without(JOB.toJson(), "submit_time"))));
  }

  @Test
  void fromJson_exitCodeOutOfRange_rejected() {
    assertEquals(
        "exit_code (256) must be in 0..255",
        message(() -> JobInfo.fromJson(with(JOB.toJson(), "exit_code", JsonNumber.of(256)))));
  }

  @Test
  void fromJson_signalOutOfRange_rejected() {
    assertEquals(
        "signal (65) must be in 1..64",
        message(() -> JobInfo.fromJson(with(JOB.toJson(), "signal", JsonNumber.of(65)))));
  }

  @Test
  void fromJson_shortStateCode_accepted() {
    assertEquals(
        JobState.RUNNING,
        JobInfo.fromJson(with(JOB.toJson(), "state", new JsonString("R"))).state());
  }

  @Test
  void fromJson_uidAbove32Bits_rejected() {
    assertEquals(
        "uid (4294967296) must be in 0..4294967295",
        message(() -> JobInfo.fromJson(with(JOB.toJson(), "uid", JsonNumber.of(4_294_967_296L)))));
  }
}
