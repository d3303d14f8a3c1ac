package io.gflow.protocol.json;

/**
 * A frame that is not valid UTF-8 JSON, or that breaks a structural limit (nesting depth, size).
 * Immutable.
 */
public final class JsonFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean limitExceeded;

  JsonFormatException(String message, boolean limitExceeded) {
    super(message, null, false, false);
    this.limitExceeded = limitExceeded;
  }

  /** True when the text may be valid JSON but breaks one of gflow's limits. */
  public boolean limitExceeded() {
    return limitExceeded;
  }
}
