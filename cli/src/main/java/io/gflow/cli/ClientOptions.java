package io.gflow.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The flags every client command shares. A picocli mixin; one instance per parse. */
public final class ClientOptions {
  @Option(
      names = "--socket",
      paramLabel = "PATH",
      description = "Daemon socket (default: $GFLOW_SOCKET, the personal socket, the system one).")
  Path socket;

  @Option(names = "--json", description = "Print one JSON document on stdout.")
  boolean json;

  @Option(names = "--debug", description = "Show stack traces on errors.")
  boolean debug;

  public boolean json() {
    return json;
  }

  public boolean debug() {
    return debug;
  }

  public Path socket() {
    return socket;
  }
}
