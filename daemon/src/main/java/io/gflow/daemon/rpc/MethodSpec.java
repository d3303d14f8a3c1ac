package io.gflow.daemon.rpc;

import io.gflow.protocol.Role;
import java.util.Objects;

/**
 * One served method: its name, the least role that may call it, whether successful calls are
 * audited, its handler, and how its audit records name the object it acts on. Immutable and
 * thread-safe.
 */
public record MethodSpec(
    String name, Role required, boolean audited, Handler handler, Target target) {
  public MethodSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(required, "required");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(target, "target");
  }

  public MethodSpec(String name, Role required, boolean audited, Handler handler) {
    this(name, required, audited, handler, Target.NONE);
  }

  /** A method anyone who may connect can call; not audited on success. */
  public static MethodSpec open(String name, Handler handler) {
    return new MethodSpec(name, Role.USER, false, handler);
  }

  /** A method that needs {@code required}; every call is audited. */
  public static MethodSpec privileged(String name, Role required, Handler handler) {
    return new MethodSpec(name, required, true, handler);
  }

  /**
   * This method with audit records naming {@code target}, e.g. {@code
   * MethodSpec.privileged(...).withTarget(Target.fields("user"))}.
   */
  public MethodSpec withTarget(Target target) {
    return new MethodSpec(name, required, audited, handler, target);
  }
}
