package io.gflow.daemon.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonValue;
import org.junit.jupiter.api.Test;

class TargetTest {
  private static JsonValue json(String text) throws Exception {
    return Json.parse(text);
  }

  @Test
  void jobIds_idOrIds_namesJobs() throws Exception {
    assertEquals("job 42", Target.jobIds().of(json("{\"id\":42,\"priority\":9}")));
    assertEquals("job 7", Target.jobIds().of(json("{\"ids\":[7]}")));
    assertEquals("jobs 1,2,3", Target.jobIds().of(json("{\"ids\":[1,2,3]}")));
  }

  @Test
  void jobIds_manyIds_cappedWithEllipsis() throws Exception {
    StringBuilder ids = new StringBuilder("{\"ids\":[1");
    for (int id = 2; id <= 500; id++) {
      ids.append(',').append(id);
    }
    String target = Target.jobIds().of(json(ids.append("]}").toString()));
    assertTrue(target.length() <= Target.MAX_CHARS + 1, target);
    assertTrue(target.startsWith("jobs 1,2,3,"), target);
  }

  @Test
  void anyTarget_malformedParams_nullNeverThrows() throws Exception {
    for (String params : new String[] {"[1]", "\"x\"", "{\"id\":\"abc\"}", "{\"ids\":{}}", "{}"}) {
      assertNull(Target.jobIds().of(json(params)), params);
      assertNull(Target.fields("user").of(json(params)), params);
    }
    assertNull(Target.jobIds().of(null));
  }

  @Test
  void fields_presentOnes_inGivenOrder() throws Exception {
    assertEquals(
        "user=bob gpus=[0,2]",
        Target.fields("user", "group", "gpus")
            .of(json("{\"gpus\":[0,2],\"user\":\"bob\",\"env\":{\"K\":\"v\"}}")));
  }

  @Test
  void fields_controlCharacters_escaped() throws Exception {
    String target = Target.fields("user").of(json("{\"user\":\"bob\\n{forged}\"}"));
    assertTrue(!target.contains("\n"), target);
  }
}
