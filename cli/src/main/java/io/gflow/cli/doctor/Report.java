package io.gflow.cli.doctor;

import io.gflow.protocol.ExitCodes;
import io.gflow.protocol.SafeText;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import java.util.List;

/** Pure formatting of the doctor's findings for people and for {@code --json}. Stateless. */
final class Report {
  private static final String FIX_INDENT = "     fix: ";

  private Report() {}

  /** One line per finding ({@code FAIL check object: message}), a fix line under WARN and FAIL. */
  static String text(List<Finding> findings) {
    StringBuilder text = new StringBuilder();
    for (Finding finding : findings) {
      text.append(
          String.format(
              "%-4s %s %s: %s%n",
              finding.status(),
              finding.check(),
              SafeText.escape(finding.object(), 500),
              SafeText.escape(finding.message(), 1000)));
      if (finding.fix() != null) {
        text.append(FIX_INDENT).append(SafeText.escape(finding.fix(), 1000)).append('\n');
      }
    }
    text.append(summary(findings)).append('\n');
    return text.toString();
  }

  static String json(List<Finding> findings) {
    return Json.write(JsonArray.of(findings.stream().map(Finding::toJson).toList()));
  }

  static String summary(List<Finding> findings) {
    long failures = count(findings, Status.FAIL);
    long warnings = count(findings, Status.WARN);
    if (failures == 0 && warnings == 0) {
      return "gctl doctor: all " + findings.size() + " checks passed";
    }
    return "gctl doctor: "
        + failures
        + " problem(s), "
        + warnings
        + " warning(s)"
        + (failures > 0 ? "; fix the FAIL lines first" : "");
  }

  /** 0 when every check is OK or WARN, 1 when any FAILed. */
  static int exitCode(List<Finding> findings) {
    return count(findings, Status.FAIL) > 0 ? ExitCodes.ERROR : ExitCodes.OK;
  }

  private static long count(List<Finding> findings, Status status) {
    return findings.stream().filter(finding -> finding.status() == status).count();
  }
}
