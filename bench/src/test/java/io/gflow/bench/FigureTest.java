package io.gflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FigureTest {
  private static final Floor ECHO = new Floor("echo.persistent.p50", 50, "us");

  @Test
  void of_ratioTarget_dividesByTheFloor() {
    Figure figure = Figure.of("daemon.ping.p50", 90, "us", ECHO, Target.ratioAtMost(2));

    assertEquals(1.8, figure.ratio(), 1e-9);
    assertTrue(figure.ok());
  }

  @Test
  void of_ratioAboveTheBound_isNotOk() {
    Figure figure = Figure.of("daemon.ping.p50", 101, "us", ECHO, Target.ratioAtMost(2));

    assertFalse(figure.ok());
  }

  @Test
  void of_ratioEqualToTheBound_isOk() {
    assertTrue(Figure.of("daemon.ping.p50", 100, "us", ECHO, Target.ratioAtMost(2)).ok());
  }

  @Test
  void of_ratioTargetWithoutFloor_isNotOk() {
    Figure figure = Figure.of("daemon.ping.p50", 1, "us", null, Target.ratioAtMost(2));

    assertNull(figure.ratio());
    assertFalse(figure.ok());
  }

  @Test
  void of_atLeastTarget_comparesTheValue() {
    Floor echo = new Floor("echo.persistent.16_clients", 80_000, "req/s");

    Figure fast =
        Figure.of("daemon.ping.16_clients", 20_000, "req/s", echo, Target.atLeast(20_000));
    Figure slow =
        Figure.of("daemon.ping.16_clients", 19_999, "req/s", echo, Target.atLeast(20_000));

    assertTrue(fast.ok());
    assertEquals(0.25, fast.ratio(), 1e-9);
    assertFalse(slow.ok());
  }

  @Test
  void of_atMostTarget_comparesTheValueWhateverTheRatio() {
    Floor fsync = new Floor("fsync_small_file.p50", 2, "ms");

    assertTrue(Figure.of("submit.array_10000.p50", 1000, "ms", fsync, Target.atMost(1000)).ok());
    assertFalse(Figure.of("submit.array_10000.p50", 1001, "ms", fsync, Target.atMost(1000)).ok());
  }

  @Test
  void of_floorInAnotherUnit_isRefused() {
    Floor hello = new Floor("java_hello.p50", 40, "ms");

    assertThrows(
        IllegalArgumentException.class,
        () -> Figure.of("daemon.ping.p50", 90, "us", hello, Target.ratioAtMost(2)));
  }

  @Test
  void toJsonLine_hasEveryFieldInOrder() {
    Figure figure = Figure.of("daemon.ping.p50", 123.456789, "us", ECHO, Target.ratioAtMost(2));

    assertEquals(
        "{\"name\":\"daemon.ping.p50\",\"value\":123.5,\"unit\":\"us\","
            + "\"floor_name\":\"echo.persistent.p50\",\"floor\":50,\"ratio\":2.469,"
            + "\"target\":\"<= 2x floor\",\"ok\":false}",
        figure.toJsonLine());
  }

  @Test
  void toJsonLine_withoutFloor_hasNulls() {
    Figure figure = Figure.of("submit.32_clients", 6000, "jobs/s", null, Target.atLeast(5000));

    assertEquals(
        "{\"name\":\"submit.32_clients\",\"value\":6000,\"unit\":\"jobs/s\",\"floor_name\":null,"
            + "\"floor\":null,\"ratio\":null,\"target\":\">= 5000 jobs/s\",\"ok\":true}",
        figure.toJsonLine());
  }

  @Test
  void floor_mustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new Floor("x", 0, "ms"));
    assertThrows(IllegalArgumentException.class, () -> new Floor("x", Double.NaN, "ms"));
  }
}
