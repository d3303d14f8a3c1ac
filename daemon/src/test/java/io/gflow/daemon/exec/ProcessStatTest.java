package io.gflow.daemon.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessStatTest {
  @Test
  void parse_commandWithSpacesAndParens_fieldsAfterLastParen() {
    String line =
        "4242 (a) b (c) Z 1 4242 4242 0 -1 4194304 53 0 0 0 0 0 0 0 20 0 1 0 346131 2703360 273";

    ProcessStat stat = ProcessStat.parse(4242, line);

    assertEquals(new ProcessStat(4242, 'Z', 1, 4242, 4242, 346131), stat);
    assertTrue(stat.exited());
  }

  @Test
  void read_self_runningWithStartTime() {
    long self = ProcessHandle.current().pid();

    ProcessStat stat = ProcessStat.read(self).orElseThrow();

    assertFalse(stat.exited());
    assertTrue(stat.startTicks() > 0);
    assertEquals(
        stat.startTicks(),
        new WrapperId(self, stat.startTicks()).running().orElseThrow().startTicks());
  }

  @Test
  void read_nameCutInsideAUtf8Character_readAsAnyOther(@TempDir Path dir) throws Exception {
    Process process = new ProcessBuilder(TestJobs.sleepWithCutName(dir, "30")).start();
    try {
      long pid = process.pid();
      TestJobs.awaitCutName(pid);

      ProcessStat stat = ProcessStat.read(pid).orElseThrow();

      assertEquals(ProcessHandle.current().pid(), stat.ppid());
      assertFalse(stat.exited());
      assertEquals(
          ProcessStat.realUid(ProcessHandle.current().pid()).orElseThrow(),
          ProcessStat.realUid(pid).orElseThrow());
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void parseRealUid_uidLine_itsFirstNumber() {
    String status = "Name:\tsleep\nUmask:\t0022\nUid:\t1001\t1002\t1003\t1004\nGid:\t5\t5\t5\t5\n";

    assertEquals(1001, ProcessStat.parseRealUid(status).orElseThrow());
    assertTrue(ProcessStat.parseRealUid("Name:\tx\nGid:\t5\n").isEmpty());
    assertTrue(ProcessStat.parseRealUid("Name:\tx\nUid:\t\n").isEmpty());
  }

  @Test
  void running_otherStartTime_isEmpty() {
    long self = ProcessHandle.current().pid();
    long ticks = ProcessStat.read(self).orElseThrow().startTicks();

    assertTrue(new WrapperId(self, ticks + 1).running().isEmpty());
    assertTrue(new WrapperId(0, 0).running().isEmpty());
  }
}
