package io.gflow.cli.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gflow.protocol.admin.DrainResult;
import io.gflow.protocol.admin.LimitsResult;
import io.gflow.protocol.admin.Quota;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitsFormatTest {
  private static final LimitsResult LIMITS =
      new LimitsResult(
          Map.of("lab", 2, "night", 1),
          Map.of(42L, 3),
          new Quota(4, null, 100),
          Map.of("alice", new Quota(8, 2, null), "bob", new Quota(null, 0, null)),
          true);

  @Test
  void groupLimit_setOneAndNone() {
    assertEquals("group lab: at most 2 running jobs", LimitsFormat.groupLimit("lab", 2));
    assertEquals("group lab: at most 1 running job", LimitsFormat.groupLimit("lab", 1));
    assertEquals("group lab: no limit", LimitsFormat.groupLimit("lab", null));
  }

  @Test
  void arrayLimit_setAndNone() {
    assertEquals("array 42: at most 3 running tasks", LimitsFormat.arrayLimit(42, 3));
    assertEquals("array 42: no limit", LimitsFormat.arrayLimit(42, null));
  }

  @Test
  void quota_userMarksInheritedDefaults() {
    assertEquals(
        "quota of alice: max running 8, max GPUs 2, max queued 100 (default)",
        LimitsFormat.quota("alice", LIMITS));
    assertEquals(
        "quota of carol: max running 4 (default), max GPUs no limit, max queued 100 (default)",
        LimitsFormat.quota("carol", LIMITS));
  }

  @Test
  void quota_default_showsItsOwnLimits() {
    assertEquals(
        "default quota: max running 4, max GPUs no limit, max queued 100",
        LimitsFormat.quota("default", LIMITS));
  }

  @Test
  void limitsList_tableThenGroupArrayAndDrain() {
    assertEquals(
        "USER     MAX_RUNNING  MAX_GPUS  MAX_QUEUED\n"
            + "default  4            -         100\n"
            + "alice    8            2         100 (default)\n"
            + "bob      4 (default)  0         100 (default)\n"
            + "group limits: lab=2, night=1\n"
            + "array limits: 42=3\n"
            + "gflowd is draining: no job starts until gctl resume",
        LimitsFormat.limitsList(LIMITS));
  }

  @Test
  void limitsList_nothingSet_onlyDefaultRow() {
    assertEquals(
        "USER     MAX_RUNNING  MAX_GPUS  MAX_QUEUED\ndefault  -            -         -",
        LimitsFormat.limitsList(LimitsResult.NONE));
  }

  @Test
  void drain_drainingAndResumed() {
    assertEquals(
        "gflowd: draining: no job starts until gctl resume; running jobs finish"
            + " (2 running job(s), 7 queued job(s))",
        LimitsFormat.drain(new DrainResult(true, 2, 7)));
    assertEquals(
        "gflowd: resumed: queued jobs start again (0 running job(s), 1 queued job(s))",
        LimitsFormat.drain(new DrainResult(false, 0, 1)));
  }

  @Test
  void names_controlCharactersEscaped() {
    assertEquals("group a\\x{1b}[31m: no limit", LimitsFormat.groupLimit("a\u001b[31m", null));
  }
}
