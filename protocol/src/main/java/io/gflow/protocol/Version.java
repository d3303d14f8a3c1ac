package io.gflow.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The gflow version this build carries, for {@code --version} and {@code daemon.info}. */
public final class Version {
  private Version() {}

  /** The project version, e.g. {@code 0.1.0}; "unknown" when run from unfiltered classes. */
  public static String current() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }
}
