package io.gflow.cli;

/**
 * A usage error found by a command after parsing (a bad value): {@link Cli} prints it as picocli's
 * parse errors, {@code prog: message} and where to find help, and exits 2 (SPEC §8).
 */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
