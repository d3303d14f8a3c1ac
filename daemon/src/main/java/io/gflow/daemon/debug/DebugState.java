package io.gflow.daemon.debug;

import io.gflow.protocol.control.StateResult;
import io.gflow.protocol.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry behind {@code debug.state}: components add a named section with one call ({@code
 * state.section("scheduler", this::debugState)}), and a snapshot asks each of them. A section that
 * fails reports its error instead of failing the whole snapshot. Thread-safe.
 */
public final class DebugState {
  private static final Logger LOG = LoggerFactory.getLogger(DebugState.class);

  private final ConcurrentHashMap<String, Supplier<JsonObject>> sections =
      new ConcurrentHashMap<>();

  /** Adds or replaces the section {@code name}; {@code snapshot} must be thread-safe. */
  public void section(String name, Supplier<JsonObject> snapshot) {
    sections.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(snapshot, name));
  }

  /** Every section as it is now. */
  public StateResult snapshot() {
    Map<String, JsonObject> result = new LinkedHashMap<>();
    sections.forEach((name, snapshot) -> result.put(name, read(name, snapshot)));
    return new StateResult(result);
  }

  private static JsonObject read(String name, Supplier<JsonObject> snapshot) {
    try {
      JsonObject section = snapshot.get();
      return section == null ? JsonObject.EMPTY : section;
    } catch (RuntimeException failed) {
      LOG.warn("debug.state: section {} failed: {}", name, failed.toString());
      return JsonObject.builder().put("error", failed.toString()).build();
    }
  }
}
