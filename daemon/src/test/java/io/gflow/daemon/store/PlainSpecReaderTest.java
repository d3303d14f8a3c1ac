package io.gflow.daemon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.job.JobSpec;
import io.gflow.protocol.job.DependencyMode;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.PlainJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tree reader gives what the streaming reader gives: the same spec, or a refusal. */
class PlainSpecReaderTest {
  /** Values a member may be given in a damaged spec: every JSON type, plain or not. */
  private static final List<String> VALUES =
      List.of(
          "null",
          "true",
          "false",
          "0",
          "-1",
          "7",
          "2147483648",
          "99999999999999999999",
          "1.5",
          "\"\"",
          "\"x\"",
          "\"1h\"",
          "\"all\"",
          "\"any\"",
          "\"2026-01-01T00:00:00Z\"",
          "\"a\\\"b\"",
          "[]",
          "[\"a\"]",
          "[1,2]",
          "[null]",
          "[1.5]",
          "{}",
          "{\"A\":\"1\"}",
          "{\"A\":1}");

  private static final List<String> MEMBERS =
      List.of(
          "command",
          "script",
          "name",
          "cwd",
          "env",
          "gpus",
          "priority",
          "time_limit",
          "begin",
          "depends_on",
          "dependency_mode",
          "auto_cancel",
          "group",
          "project",
          "output",
          "error",
          "array_throttle",
          "future");

  /** The outcome of reading {@code text}: the spec, or the refusal's class. */
  private static Object outcome(String text, boolean withEnv, boolean streaming) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    try {
      return streaming ? SpecReader.readStreaming(utf8, withEnv) : SpecReader.read(utf8, withEnv);
    } catch (IllegalStateException refused) {
      assertTrue(refused.getMessage().startsWith("stored job spec is malformed: "), text);
      return IllegalStateException.class;
    }
  }

  private static void assertSameOutcome(String text) {
    for (boolean withEnv : new boolean[] {true, false}) {
      assertEquals(outcome(text, withEnv, true), outcome(text, withEnv, false), text);
    }
  }

  @Test
  void randomSpecs_sameAsStreaming_andWhatWasWritten() {
    Random random = new Random(8);
    int plain = 0;
    for (int round = 0; round < 2000; round++) {
      JobSpec spec = randomSpec(random);
      String text = SpecJson.write(spec);
      assertSameOutcome(text);
      assertEquals(spec, SpecReader.read(text.getBytes(StandardCharsets.UTF_8)), text);
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      plain += PlainJson.read(utf8, 0, utf8.length) instanceof JsonObject ? 1 : 0;
    }
    assertTrue(plain > 200 && plain < 1900, "both readers are used: " + plain + " plain");
  }

  @Test
  void damagedSpecs_sameOutcomeAsStreaming() {
    String good = SpecJson.write(StoreFixtures.spec("x"));
    JsonObject tree =
        (JsonObject) PlainJson.read(good.getBytes(StandardCharsets.UTF_8), 0, good.length());
    assertTrue(tree != null && tree.has("env"), good);
    for (String member : MEMBERS) {
      for (String value : VALUES) {
        assertSameOutcome(withMember(tree, member, value, false));
        assertSameOutcome(withMember(tree, member, value, true));
      }
      assertSameOutcome(without(tree, member));
    }
  }

  @Test
  void plainSpec_readFromTheTree() {
    String text = SpecJson.write(StoreFixtures.spec("x"));
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    assertInstanceOf(JsonObject.class, PlainJson.read(utf8, 0, utf8.length));
    assertEquals(StoreFixtures.spec("x"), SpecReader.read(utf8));
  }

  /** {@code tree} as text with {@code member} set to the JSON text {@code value}, last or first. */
  private static String withMember(JsonObject tree, String member, String value, boolean first) {
    StringBuilder text = new StringBuilder("{");
    if (first) {
      text.append('"').append(member).append("\":").append(value).append(',');
    }
    for (Map.Entry<String, io.gflow.protocol.json.JsonValue> each : tree.members().entrySet()) {
      if (!each.getKey().equals(member)) {
        text.append(
                io.gflow.protocol.json.Json.write(
                    new io.gflow.protocol.json.JsonString(each.getKey())))
            .append(':')
            .append(io.gflow.protocol.json.Json.write(each.getValue()))
            .append(',');
      }
    }
    if (!first) {
      text.append('"').append(member).append("\":").append(value).append(',');
    }
    text.setLength(text.length() - 1);
    return text.append('}').toString();
  }

  private static String without(JsonObject tree, String member) {
    JsonObject.Builder rest = JsonObject.builder();
    tree.members()
        .forEach(
            (name, value) -> {
              if (!name.equals(member)) {
                rest.put(name, value);
              }
            });
    return io.gflow.protocol.json.Json.write(rest.build());
  }

  private static JobSpec randomSpec(Random random) {
    boolean script = random.nextBoolean();
    Map<String, String> env = new LinkedHashMap<>();
    for (int count = random.nextInt(4); count > 0; count--) {
      env.put(text(random), text(random));
    }
    List<Long> dependsOn = new ArrayList<>();
    for (int count = random.nextInt(3); count > 0; count--) {
      dependsOn.add(1 + (long) random.nextInt(Integer.MAX_VALUE));
    }
    return new JobSpec(
        script ? null : List.of("x" + text(random), text(random)),
        script ? "#!/bin/sh\n" + text(random) : null,
        text(random),
        "/" + text(random),
        env,
        random.nextInt(9),
        random.nextInt(101),
        random.nextBoolean() ? null : Duration.ofSeconds(1 + random.nextInt(100_000)),
        random.nextBoolean() ? null : Instant.ofEpochSecond(random.nextInt(2_000_000_000)),
        dependsOn,
        random.nextBoolean() ? DependencyMode.ALL : DependencyMode.ANY,
        random.nextBoolean(),
        random.nextBoolean() ? null : text(random),
        random.nextBoolean() ? null : text(random),
        random.nextBoolean() ? null : "/tmp/%j-" + text(random),
        random.nextBoolean() ? null : text(random),
        random.nextBoolean() ? null : random.nextInt(100));
  }

  /** Mostly plain ASCII; now and then an escape or a char beyond ASCII. */
  private static String text(Random random) {
    String[] pieces = {"a", "b", "-", "_", "/", " ", "9", "\"", "\\", "\t", "é", "\u2028"};
    StringBuilder text = new StringBuilder();
    for (int count = 1 + random.nextInt(5); count > 0; count--) {
      int index = random.nextInt(300);
      text.append(index < 7 ? pieces[index] : index < 295 ? "k" : pieces[7 + index % 5]);
    }
    return text.toString();
  }
}
