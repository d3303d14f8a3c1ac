package io.gflow.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** JsonString's written-out equals and hashCode keep the record's value semantics. */
class JsonStringTest {
  @Test
  void equalValues_areEqualWithEqualHashes() {
    assertEquals(new JsonString("2.0"), new JsonString("2.0"));
    assertEquals(new JsonString("2.0").hashCode(), new JsonString("2.0").hashCode());
  }

  @Test
  void otherValuesAndTypes_areNotEqual() {
    assertNotEquals(new JsonString("2.0"), new JsonString("2"));
    assertNotEquals(new JsonString("2"), JsonNumber.of(2));
    assertNotEquals(new JsonString("x"), null);
  }
}
