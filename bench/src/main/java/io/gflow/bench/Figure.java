package io.gflow.bench;

import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonBoolean;
import io.gflow.protocol.json.JsonNull;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonString;
import io.gflow.protocol.json.JsonValue;
import java.util.Objects;

/**
 * One measured figure of the benchmark, with the floor it is compared to (if any), their ratio and
 * whether it meets its target. Immutable and thread-safe.
 *
 * @param floor null when the figure has no meaningful floor
 * @param ratio value / floor, null without a floor
 */
record Figure(
    String name, double value, String unit, Floor floor, Double ratio, Target target, boolean ok) {

  Figure {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(target, "target");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("figure " + name + " has no finite value: " + value);
    }
  }

  /**
   * Computes the ratio and whether the target is met.
   *
   * @param floor null for none; else in the same unit as the value
   */
  static Figure of(String name, double value, String unit, Floor floor, Target target) {
    if (floor != null && !floor.unit().equals(unit)) {
      throw new IllegalArgumentException(
          "figure "
              + name
              + " is in "
              + unit
              + " but its floor "
              + floor.name()
              + " in "
              + floor.unit());
    }
    Double ratio = floor == null ? null : value / floor.value();
    return new Figure(name, value, unit, floor, ratio, target, target.metBy(value, ratio));
  }

  /** The figure's JSON line: name, value, unit, floor_name, floor, ratio, target, ok. */
  String toJsonLine() {
    return Json.write(
        JsonObject.builder()
            .put("name", name)
            .put("value", number(value))
            .put("unit", unit)
            .put("floor_name", floor == null ? JsonNull.INSTANCE : new JsonString(floor.name()))
            .put("floor", floor == null ? JsonNull.INSTANCE : number(floor.value()))
            .put("ratio", ratio == null ? JsonNull.INSTANCE : number(ratio))
            .put("target", target.describe(unit))
            .put("ok", JsonBoolean.of(ok))
            .build());
  }

  private static JsonValue number(double value) {
    return new JsonNumber(Numbers.round(value));
  }
}
