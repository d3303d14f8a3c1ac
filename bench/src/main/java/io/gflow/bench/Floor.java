package io.gflow.bench;

import java.util.Objects;

/**
 * A baseline measured in the same run, which a figure is divided by: the best the JDK, the kernel
 * or the disk can do for the same kind of work. Immutable and thread-safe.
 *
 * @param name what was measured, e.g. {@code echo.persistent.p50}
 * @param value in {@code unit}; positive
 */
record Floor(String name, double value, String unit) {
  Floor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "floor " + name + " (" + value + ") must be positive and finite");
    }
  }
}
