package io.gflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {
  @Test
  void format_alignsColumnsAndMarksMissedTargets() {
    List<Figure> figures =
        List.of(
            Figure.of(
                "daemon.ping.p50",
                90,
                "us",
                new Floor("echo.persistent.p50", 50, "us"),
                Target.ratioAtMost(2)),
            Figure.of("submit.32_clients", 4000, "jobs/s", null, Target.atLeast(5000)));

    assertEquals(
        "figure             value        floor                        ratio  target          ok\n"
            + "---------------------------------------------------------------------------------------\n"
            + "daemon.ping.p50    90 us        50 us (echo.persistent.p50)  1.8x   <= 2x floor     yes\n"
            + "submit.32_clients  4000 jobs/s  -                            -      >= 5000 jobs/s  NO\n",
        ResultTable.format(figures));
  }
}
