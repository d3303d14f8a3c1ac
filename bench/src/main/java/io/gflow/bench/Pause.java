package io.gflow.bench;

import java.io.InterruptedIOException;

/** Sleeps that turn an interrupt into an {@link InterruptedIOException}. Stateless. */
final class Pause {
  private Pause() {}

  static void millis(long millis) throws InterruptedIOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }
}
