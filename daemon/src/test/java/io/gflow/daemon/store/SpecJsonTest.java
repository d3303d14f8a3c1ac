package io.gflow.daemon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.job.JobSpec;
import io.gflow.protocol.job.DependencyMode;
import io.gflow.protocol.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpecJsonTest {
  /** Characters that exercise every escape and the fallback to the tree. */
  private static final String ALPHABET =
      "ab Z09/\"\\\b\t\n\f\r\u0000\u001f\u007f-é\u0085\u2028\u2029\u00ff";

  private static void assertSameAsTree(JobSpec spec) {
    assertEquals(Json.write(SpecJson.tree(spec)), SpecJson.write(spec), spec.toString());
  }

  @Test
  void write_fixtureSpecs_sameTextAsTheTree() {
    assertSameAsTree(StoreFixtures.spec("x"));
    assertSameAsTree(StoreFixtures.commandSpec());
    assertSameAsTree(StoreFixtures.scriptSpec());
  }

  @Test
  void write_emptyCommandBesideAScript_bothMembersAsTheTree() {
    JobSpec spec =
        new JobSpec(
            List.of(),
            "echo hi",
            "s",
            "/tmp",
            Map.of("B", "2", "A", "1"),
            0,
            50,
            null,
            null,
            List.of(),
            DependencyMode.ALL,
            true,
            null,
            null,
            null,
            null,
            null);
    assertSameAsTree(spec);
    assertTrue(SpecJson.write(spec).startsWith("{\"command\":[],\"script\":\"echo hi\""));
  }

  @Test
  void write_manyEnvironmentVariables_sortedByNameAsTheTree() {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < 200; i++) {
      env.put("VAR_" + (i * 7919 % 200), "value " + i);
    }
    JobSpec base = StoreFixtures.spec("x");
    JobSpec spec =
        new JobSpec(
            base.command(),
            base.script(),
            base.name(),
            base.cwd(),
            env,
            base.gpus(),
            base.priority(),
            base.timeLimit(),
            base.begin(),
            base.dependsOn(),
            base.dependencyMode(),
            base.autoCancel(),
            base.group(),
            base.project(),
            base.output(),
            base.error(),
            base.arrayThrottle());
    assertSameAsTree(spec);
  }

  @Test
  void write_randomSpecs_sameTextAsTheTree() {
    Random random = new Random(8);
    for (int round = 0; round < 3_000; round++) {
      assertSameAsTree(randomSpec(random, round % 3 == 0));
    }
  }

  private static JobSpec randomSpec(Random random, boolean asciiOnly) {
    boolean script = random.nextInt(4) == 0;
    List<String> command = new ArrayList<>();
    for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
      command.add(text(random, asciiOnly));
    }
    Map<String, String> env = new HashMap<>();
    for (int i = 0, n = random.nextInt(random.nextBoolean() ? 4 : 40); i < n; i++) {
      env.put(text(random, asciiOnly), text(random, asciiOnly));
    }
    List<Long> dependsOn = new ArrayList<>();
    for (int i = 0, n = random.nextInt(3); i < n; i++) {
      dependsOn.add(random.nextLong() & Long.MAX_VALUE);
    }
    return new JobSpec(
        script ? (random.nextInt(8) == 0 ? List.of() : null) : command,
        script ? text(random, asciiOnly) : null,
        text(random, asciiOnly),
        text(random, asciiOnly),
        env,
        random.nextInt(9),
        random.nextInt(101),
        random.nextBoolean() ? null : Duration.ofMillis(random.nextInt(1_000_000_000)),
        random.nextBoolean() ? null : Instant.ofEpochSecond(random.nextInt(), random.nextInt(1000)),
        dependsOn,
        random.nextBoolean() ? DependencyMode.ALL : DependencyMode.ANY,
        random.nextBoolean(),
        maybe(random, asciiOnly),
        maybe(random, asciiOnly),
        maybe(random, asciiOnly),
        maybe(random, asciiOnly),
        random.nextBoolean() ? null : random.nextInt(1000));
  }

  private static String maybe(Random random, boolean asciiOnly) {
    return random.nextBoolean() ? null : text(random, asciiOnly);
  }

  private static String text(Random random, boolean asciiOnly) {
    StringBuilder text = new StringBuilder();
    for (int i = 0, n = random.nextInt(12); i < n; i++) {
      int at = random.nextInt(ALPHABET.length());
      char c = ALPHABET.charAt(at);
      if (asciiOnly && c >= 0x80) {
        continue;
      }
      text.append(c);
    }
    return text.toString();
  }
}
