package io.gflow.daemon.config;

/**
 * A configuration file that cannot be used: missing, unsafe to trust, malformed or holding a bad
 * value. The message is meant for the admin as is ({@code "gflowd.toml:7: unknown key ..."}).
 * Immutable and thread-safe.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
