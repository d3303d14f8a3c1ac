package io.gflow.protocol.json;

import java.math.BigDecimal;
import java.util.Objects;

/** A JSON number, kept exactly as sent. Immutable and thread-safe. */
public record JsonNumber(BigDecimal value) implements JsonValue {
  public JsonNumber {
    Objects.requireNonNull(value, "value");
  }

  public static JsonNumber of(long value) {
    return new JsonNumber(BigDecimal.valueOf(value));
  }

  /** The value as a long, or empty when it has a fraction or does not fit. */
  public java.util.OptionalLong exactLong() {
    try {
      return java.util.OptionalLong.of(value.longValueExact());
    } catch (ArithmeticException notExact) {
      return java.util.OptionalLong.empty();
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonNumber number && value.compareTo(number.value) == 0;
  }

  @Override
  public int hashCode() {
    try {
      return value.stripTrailingZeros().hashCode();
    } catch (ArithmeticException scaleOverflow) {
      // E.g. 100e2147483647: the canonical form's scale overflows, and then it overflows for
      // every equal value too, so one hash per sign stays consistent with equals.
      return value.signum();
    }
  }

  @Override
  public String typeName() {
    return "number";
  }
}
