package io.gflow.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class MethodsTest {

  @Test
  void all_containsJobMethods() {
    assertTrue(
        Methods.ALL.containsAll(
            List.of(
                "job.submit",
                "job.list",
                "job.get",
                "job.wait",
                "job.cancel",
                "job.hold",
                "job.release",
                "job.update",
                "job.signal",
                "job.log",
                "job.events",
                "sched.gpus")));
  }

  @Test
  void all_noDuplicates() {
    assertEquals(Methods.ALL.size(), new HashSet<>(Methods.ALL).size());
  }
}
