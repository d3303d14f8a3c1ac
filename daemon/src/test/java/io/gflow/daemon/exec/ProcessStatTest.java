package io.gflow.daemon.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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
  void running_otherStartTime_isEmpty() {
    long self = ProcessHandle.current().pid();
    long ticks = ProcessStat.read(self).orElseThrow().startTicks();

    assertTrue(new WrapperId(self, ticks + 1).running().isEmpty());
    assertTrue(new WrapperId(0, 0).running().isEmpty());
  }
}
