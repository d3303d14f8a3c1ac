package io.gflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The host's load averages, which say how much the figures of a run are to be trusted. */
final class LoadAverage {
  private LoadAverage() {}

  /** The 1, 5 and 15 minute load averages from {@code /proc/loadavg}, or "unknown". */
  static String read() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | ArrayIndexOutOfBoundsException unknown) {
      return "unknown";
    }
  }
}
