package io.gflow.daemon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.job.JobSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecReaderTest {
  private static JobSpec roundTrip(JobSpec spec) {
    return SpecReader.read(SpecJson.write(spec).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void read_whatWriteWrote() {
    for (JobSpec spec :
        List.of(StoreFixtures.commandSpec(), StoreFixtures.scriptSpec(), StoreFixtures.spec("x"))) {
      assertEquals(spec, roundTrip(spec));
    }
  }

  @Test
  void read_unknownMembersSkipped() {
    String text =
        SpecJson.write(StoreFixtures.spec("x"))
            .replace("{\"command\"", "{\"future\":{\"a\":[1,{\"b\":null}]},\"command\"");
    assertEquals(StoreFixtures.spec("x"), SpecReader.read(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String malformed(String text) {
    IllegalStateException bad =
        assertThrows(
            IllegalStateException.class,
            () -> SpecReader.read(text.getBytes(StandardCharsets.UTF_8)));
    assertTrue(bad.getMessage().startsWith("stored job spec is malformed: "), bad.getMessage());
    return bad.getMessage();
  }

  @Test
  void read_damagedSpecs_malformed() {
    String good = SpecJson.write(StoreFixtures.spec("x"));
    malformed("[]");
    malformed("{\"name\":");
    malformed(good + "{}");
    assertTrue(malformed(good.replace("\"name\":\"x\",", "")).contains("name is missing"));
    assertTrue(malformed(good.replace("\"gpus\":0", "\"gpus\":\"0\"")).contains("gpus"));
    assertTrue(malformed(good.replace("\"env\":{", "\"env\":[],\"x\":{")).contains("env"));
    malformed(good.replace("\"dependency_mode\":\"all\"", "\"dependency_mode\":\"most\""));
    malformed(good.replace("\"command\":[\"sleep\",\"1\"],", ""));
    malformed(good.replace("\"name\":\"x\"", "\"name\":\"x\",\"name\":\"y\""));
  }

  /** {@code spec} with an empty environment. */
  static JobSpec withoutEnv(JobSpec spec) {
    return new JobSpec(
        spec.command(),
        spec.script(),
        spec.name(),
        spec.cwd(),
        Map.of(),
        spec.gpus(),
        spec.priority(),
        spec.timeLimit(),
        spec.begin(),
        spec.dependsOn(),
        spec.dependencyMode(),
        spec.autoCancel(),
        spec.group(),
        spec.project(),
        spec.output(),
        spec.error(),
        spec.arrayThrottle());
  }

  @Test
  void readWithoutEnv_theSpecWithAnEmptyEnvironment() {
    for (JobSpec spec :
        List.of(StoreFixtures.commandSpec(), StoreFixtures.scriptSpec(), StoreFixtures.spec("x"))) {
      byte[] text = SpecJson.write(spec).getBytes(StandardCharsets.UTF_8);
      assertEquals(withoutEnv(spec), SpecReader.read(text, false));
    }
    assertTrue(StoreFixtures.commandSpec().env().size() > 1, "a spec with an environment is read");
  }

  @Test
  void read_repeatedMembers_malformedWithOrWithoutEnv() {
    String good = SpecJson.write(StoreFixtures.spec("x"));
    for (String bad :
        List.of(
            good.replace("\"gpus\":0", "\"gpus\":0,\"gpus\":0"),
            good.replace("{\"command\"", "{\"future\":1,\"future\":2,\"command\""),
            good.replace("\"env\":{", "\"env\":{},\"env\":{"))) {
      for (boolean withEnv : new boolean[] {true, false}) {
        IllegalStateException thrown =
            assertThrows(
                IllegalStateException.class,
                () -> SpecReader.read(bad.getBytes(StandardCharsets.UTF_8), withEnv));
        assertTrue(thrown.getMessage().contains("Duplicate field"), thrown.getMessage());
      }
    }
    String twice = good.replace("\"env\":{", "\"env\":{\"A\":\"1\",\"A\":\"2\",");
    assertTrue(malformed(twice).contains("Duplicate field 'A'"), malformed(twice));
  }

  @Test
  void readWithoutEnv_envNotAnObject_malformed() {
    String good = SpecJson.write(StoreFixtures.spec("x"));
    String bad = good.replace("\"env\":{", "\"env\":[],\"x\":{");
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () -> SpecReader.read(bad.getBytes(StandardCharsets.UTF_8), false));
    assertTrue(thrown.getMessage().contains("env is not an object"), thrown.getMessage());
  }
}
