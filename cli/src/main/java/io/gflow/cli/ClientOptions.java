package io.gflow.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The flags every client command shares. A picocli mixin; one instance per parse. */
public final class ClientOptions {
  private static final String SOCKET =
      "Daemon socket (default: $GFLOW_SOCKET, the personal socket, the system one).";
  private static final String JSON = "Print one JSON document on stdout.";
  private static final String DEBUG = "Show stack traces on errors.";

  @Option(names = "--socket", paramLabel = "PATH", description = SOCKET)
  Path socket;

  @Option(names = "--json", description = JSON)
  boolean json;

  @Option(names = "--debug", description = DEBUG)
  boolean debug;

  /**
   * These options as a mixin model built in code, bound to this instance: what {@code @Mixin
   * ClientOptions} reads from the annotations above (for {@link CommandSpecs}).
   */
  CommandSpec mixin() {
    CommandSpec mixin = CommandSpec.create();
    mixin.addOption(
        CommandSpecs.option(
            new String[] {"--socket"},
            Path.class,
            "PATH",
            SOCKET,
            () -> socket,
            value -> socket = value));
    mixin.addOption(
        CommandSpecs.flag(new String[] {"--json"}, JSON, () -> json, value -> json = value));
    mixin.addOption(
        CommandSpecs.flag(new String[] {"--debug"}, DEBUG, () -> debug, value -> debug = value));
    return mixin;
  }

  /**
   * Reads {@code arg} if it is one of these options, else gives {@code in} up (see {@link
   * DirectArgs}).
   */
  public void parseDirect(String arg, DirectArgs in) {
    switch (arg) {
      case "--socket" -> socket = in.path(socket);
      case "--json" -> json = in.flag(json);
      case "--debug" -> debug = in.flag(debug);
      default -> in.fail();
    }
  }

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
