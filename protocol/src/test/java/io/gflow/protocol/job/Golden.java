package io.gflow.protocol.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonFormatException;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;

/** Reads golden files under {@code src/test/resources/wire/} and compares written JSON to them. */
public final class Golden {
  private Golden() {}

  /** Asserts {@code json} is the compact form of the golden file; returns the compact text. */
  public static String assertWrites(String file, JsonObject json) {
    JsonValue golden = read(file);
    String written = Json.write(json);

    assertEquals(Json.write(golden), written, file + " (compact form, member order included)");
    assertEquals(golden, parse(written), file + " (parsed tree)");
    return written;
  }

  public static JsonValue read(String file) {
    try (InputStream in = Golden.class.getResourceAsStream("/wire/" + file)) {
      assertNotNull(in, "missing golden file wire/" + file);
      byte[] bytes = in.readAllBytes();
      return Json.parse(bytes, 0, bytes.length);
    } catch (IOException | JsonFormatException bad) {
      throw new AssertionError("cannot read golden file wire/" + file, bad);
    }
  }

  public static JsonValue parse(String text) {
    try {
      return Json.parse(text);
    } catch (JsonFormatException bad) {
      throw new AssertionError(bad);
    }
  }
}
