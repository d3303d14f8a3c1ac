package io.gflow.cli.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** gqueue looks up the system zone only for columns that show a time of day. */
class QueueColumnZoneTest {
  @Test
  void defaultAndLongColumns_needNoZone() {
    assertNull(QueueColumn.zoneFor(QueueView.columns(null, false, false)));
    assertNull(QueueColumn.zoneFor(List.of(QueueColumn.ID, QueueColumn.TIME, QueueColumn.LIMIT)));
  }

  @Test
  void submitStartOrEnd_useTheSystemZone() {
    for (QueueColumn column : List.of(QueueColumn.SUBMIT, QueueColumn.START, QueueColumn.END)) {
      assertEquals(ZoneId.systemDefault(), QueueColumn.zoneFor(List.of(QueueColumn.ID, column)));
    }
    assertEquals(ZoneId.systemDefault(), QueueColumn.zoneFor(QueueView.columns(null, false, true)));
  }
}
