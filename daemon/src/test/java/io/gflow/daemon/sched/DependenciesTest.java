package io.gflow.daemon.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependenciesTest {
  private final Map<Long, List<Long>> graph =
      Map.of(2L, List.of(1L), 3L, List.of(2L), 4L, List.of());

  private List<Long> depsOf(long id) {
    return graph.getOrDefault(id, List.of());
  }

  @Test
  void checkNoCycle_acyclic_passes() {
    Dependencies.checkNoCycle(5, List.of(3L, 4L), this::depsOf);
    Dependencies.checkNoCycle(4, List.of(3L), this::depsOf);
  }

  @Test
  void checkNoCycle_selfDependency_throwsNamingIt() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> Dependencies.checkNoCycle(5, List.of(5L), this::depsOf));

    assertEquals("dependency cycle: 5 -> 5", error.getMessage());
  }

  @Test
  void checkNoCycle_longCycle_throwsNamingEveryJob() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> Dependencies.checkNoCycle(1, List.of(4L, 3L), this::depsOf));

    assertEquals("dependency cycle: 1 -> 3 -> 2 -> 1", error.getMessage());
  }
}
