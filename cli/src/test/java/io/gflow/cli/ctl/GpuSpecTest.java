package io.gflow.cli.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GpuSpecTest {

  @Test
  void parse_listAndRanges_sortedDistinct() {
    assertEquals(List.of(0, 2), GpuSpec.parse("0,2").gpus());
    assertEquals(List.of(0, 1, 3), GpuSpec.parse("3,0-1").gpus());
    assertEquals(List.of(1), GpuSpec.parse("1,1-1").gpus());
  }

  @Test
  void parse_allAndNone() {
    assertTrue(GpuSpec.parse("all").isAll());
    assertEquals(List.of(), GpuSpec.parse("none").gpus());
  }

  @Test
  void parse_garbage_namesItAndTheForms() {
    for (String bad : List.of("", "a", "1-", "3-1", "1,,2", "-1", "1024", "0;1")) {
      IllegalArgumentException error =
          assertThrows(IllegalArgumentException.class, () -> GpuSpec.parse(bad), bad);
      assertTrue(error.getMessage().contains("is not a GPU list"), error.getMessage());
      assertTrue(error.getMessage().contains("0-1,3"), error.getMessage());
    }
  }
}
