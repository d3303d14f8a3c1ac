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
    return value.stripTrailingZeros().hashCode();
  }

  @Override
  public String typeName() {
    return "number";
  }
}
