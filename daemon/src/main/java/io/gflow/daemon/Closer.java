package io.gflow.daemon;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Closes registered components in reverse order of registration, once; failures are chained with
 * {@code addSuppressed}. Thread-safe.
 */
public final class Closer implements AutoCloseable {
  private final Deque<AutoCloseable> components = new ArrayDeque<>();

  public synchronized <T extends AutoCloseable> T register(T component) {
    components.push(component);
    return component;
  }

  @Override
  public synchronized void close() throws IOException {
    Exception first = null;
    while (!components.isEmpty()) {
      try {
        components.pop().close();
      } catch (Exception failed) {
        if (first == null) {
          first = failed;
        } else {
          first.addSuppressed(failed);
        }
      }
    }
    if (first instanceof IOException io) {
      throw io;
    }
    if (first instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (first != null) {
      throw new IOException("closing failed: " + first, first);
    }
  }
}
