package io.gflow.cli.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a job runs: an argv list or a script's text (read now, so later edits change nothing), and
 * the name it gets unless {@code --name} says otherwise. Immutable and thread-safe.
 *
 * @param command argv, or null for a script
 * @param script the script's text, or null for a command
 * @param defaultName the script's file name, {@code wrap}, or null to let the daemon choose
 */
record JobSource(List<String> command, String script, String defaultName) {
  /** Longest script accepted (the daemon's limit). */
  static final int MAX_SCRIPT_BYTES = 1024 * 1024;

  JobSource {
    command = command == null ? null : List.copyOf(command);
  }

  /**
   * Decides what {@code args} (or {@code wrap}) mean: {@code --wrap} text becomes a {@code /bin/sh}
   * script; one argument naming an existing file whose first line starts with {@code #!} or whose
   * name ends in {@code .sh} is a script; anything else is a command.
   *
   * @throws IllegalArgumentException when there is nothing to run, or both
   * @throws IOException when a script cannot be read
   */
  static JobSource of(List<String> args, String wrap, Path cwd) throws IOException {
    if (wrap != null) {
      if (!args.isEmpty()) {
        throw new IllegalArgumentException("give either --wrap TEXT or a COMMAND/SCRIPT, not both");
      }
      if (wrap.isBlank()) {
        throw new IllegalArgumentException("--wrap needs shell text to run");
      }
      return new JobSource(null, "#!/bin/sh\n" + wrap + "\n", "wrap");
    }
    if (args.isEmpty()) {
      throw new IllegalArgumentException(
          "nothing to run: give a COMMAND [ARGS...], a SCRIPT, or --wrap \"shell text\"");
    }
    if (args.size() == 1 && !args.get(0).isEmpty()) {
      Path file = cwd.resolve(args.get(0));
      if (Files.isRegularFile(file) && (args.get(0).endsWith(".sh") || startsWithShebang(file))) {
        return new JobSource(null, readScript(file, args.get(0)), file.getFileName().toString());
      }
    }
    return new JobSource(args, null, null);
  }

  private static boolean startsWithShebang(Path file) {
    byte[] start = new byte[2];
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(start, 0, 2) == 2 && start[0] == '#' && start[1] == '!';
    } catch (IOException unreadable) {
      return false; // not ours to read: treat it as a program to run
    }
  }

  private static String readScript(Path file, String shown) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_SCRIPT_BYTES + 1);
    } catch (IOException failed) {
      throw new IOException("cannot read script " + shown + ": " + failed.getMessage(), failed);
    }
    if (bytes.length > MAX_SCRIPT_BYTES) {
      throw new IOException("script " + shown + " is larger than 1 MiB");
    }
    if (bytes.length == 0) {
      throw new IOException("script " + shown + " is empty");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException binary) {
      throw new IOException("script " + shown + " is not UTF-8 text", binary);
    }
  }
}
