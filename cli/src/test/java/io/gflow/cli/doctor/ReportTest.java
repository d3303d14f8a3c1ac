package io.gflow.cli.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
  private static final Finding OK = Finding.ok("jdk", "/usr/lib/jvm/17", "Java 17");
  private static final Finding WARN = Finding.warn("gpus", "nvidia-smi", "not found", "install it");
  private static final Finding FAIL =
      Finding.fail("socket dir", "/tmp/x", "is mode 0777", "chmod go-w /tmp/x");

  @Test
  void text_failLineThenFixLineThenSummary() {
    assertEquals(
        "OK   jdk /usr/lib/jvm/17: Java 17\n"
            + "FAIL socket dir /tmp/x: is mode 0777\n"
            + "     fix: chmod go-w /tmp/x\n"
            + "gctl doctor: 1 problem(s), 0 warning(s); fix the FAIL lines first\n",
        Report.text(List.of(OK, FAIL)));
  }

  @Test
  void text_escapesControlCharacters() {
    Finding hostile = Finding.ok("role", "bob\u001b[31m", "x\ny");
    String text = Report.text(List.of(hostile));
    assertEquals(false, text.contains("\u001b"), text);
    assertEquals(2, text.lines().count(), text);
  }

  @Test
  void json_fiveMembersWithNullFixForOk() {
    assertEquals(
        "[{\"check\":\"jdk\",\"status\":\"ok\",\"object\":\"/usr/lib/jvm/17\",\"message\":\"Java"
            + " 17\",\"fix\":null},{\"check\":\"gpus\",\"status\":\"warn\",\"object\":\"nvidia-smi\","
            + "\"message\":\"not found\",\"fix\":\"install it\"}]",
        Report.json(List.of(OK, WARN)));
  }

  @Test
  void exitCode_warnIs0FailIs1() {
    assertEquals(0, Report.exitCode(List.of(OK, WARN)));
    assertEquals(1, Report.exitCode(List.of(OK, WARN, FAIL)));
    assertEquals("gctl doctor: all 1 checks passed", Report.summary(List.of(OK)));
    assertEquals("gctl doctor: 0 problem(s), 1 warning(s)", Report.summary(List.of(OK, WARN)));
  }
}
