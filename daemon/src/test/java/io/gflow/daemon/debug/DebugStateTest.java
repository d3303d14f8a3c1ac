package io.gflow.daemon.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.protocol.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebugStateTest {
  @Test
  void snapshot_registeredSections_inNameOrder() {
    DebugState state = new DebugState();
    state.section("store", () -> JsonObject.builder().put("jobs", 3).build());
    state.section("daemon", () -> JsonObject.builder().put("uptime_seconds", 5).build());

    JsonObject json = state.snapshot().toJson();

    assertEquals(List.of("daemon", "store"), List.copyOf(json.members().keySet()));
    assertEquals("{\"jobs\":3}", json.get("store").toString());
  }

  @Test
  void snapshot_failingSection_reportsErrorAndKeepsOthers() {
    DebugState state = new DebugState();
    state.section(
        "scheduler",
        () -> {
          throw new IllegalStateException("loop stopped");
        });
    state.section("daemon", () -> JsonObject.EMPTY);

    JsonObject json = state.snapshot().toJson();

    assertTrue(json.get("scheduler").toString().contains("loop stopped"), json.toString());
    assertEquals(JsonObject.EMPTY, json.get("daemon"));
  }
}
