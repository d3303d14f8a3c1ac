package io.gflow.daemon.exec;

import io.gflow.daemon.job.Job;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a job's stdout and stderr go: its {@code output}/{@code error} patterns resolved to
 * absolute paths. The paths are only computed here; the wrapper opens them as the job's user.
 * Immutable and thread-safe.
 *
 * <p>Patterns: {@code %j} job id, {@code %A} array job id (the job id for a job outside an array),
 * {@code %a} array task id ({@code 0} outside an array), {@code %x} job name, {@code %u} user name,
 * {@code %%} a percent sign; any other {@code %c} stays as written. A leading {@code ~/} is the
 * owner's home; other relative paths are relative to the job's cwd. No output pattern means {@value
 * #DEFAULT_OUTPUT}; no error pattern means stderr shares stdout's file.
 */
record OutputPaths(Path stdout, Path stderr) {
  static final String DEFAULT_OUTPUT = "~/.local/share/gflow/logs/%j.out";

  /**
   * Resolves the job's patterns.
   *
   * @param home the owner's home directory, asked only for a pattern that starts with {@code ~}
   */
  static OutputPaths resolve(Job job, Supplier<Optional<String>> home) throws LaunchException {
    String output = job.spec().output() == null ? DEFAULT_OUTPUT : job.spec().output();
    Path stdout = resolve(job, output, home);
    Path stderr = job.spec().error() == null ? stdout : resolve(job, job.spec().error(), home);
    return new OutputPaths(stdout, stderr);
  }

  private static Path resolve(Job job, String pattern, Supplier<Optional<String>> home)
      throws LaunchException {
    String path = expand(job, pattern);
    if (path.isEmpty() || path.indexOf('\0') >= 0) {
      throw new LaunchException("output path (" + pattern + ") is empty or holds a NUL");
    }
    if (path.equals("~") || path.startsWith("~/")) {
      String dir =
          home.get()
              .orElseThrow(
                  () ->
                      new LaunchException(
                          "no home directory for " + job.owner().user() + " to resolve " + path));
      // "~/x" as Path.of(dir, "x"): the same path, without a "//" for UnixPath to normalize away.
      return path.length() <= 2 ? Path.of(dir) : Path.of(dir, path.substring(2));
    }
    return Path.of(job.spec().cwd()).resolve(path);
  }

  static String expand(Job job, String pattern) {
    int percent = pattern.indexOf('%');
    if (percent < 0) {
      return pattern;
    }
    StringBuilder out = new StringBuilder(pattern.length() + 16);
    out.append(pattern, 0, percent);
    for (int i = percent; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c != '%' || i + 1 == pattern.length()) {
        int next = pattern.indexOf('%', i + 1);
        int end = next < 0 ? pattern.length() : next;
        out.append(pattern, i, end); // copy up to the next '%' at once
        i = end - 1;
        continue;
      }
      char code = pattern.charAt(++i);
      switch (code) {
        case 'j' -> out.append(job.id());
        case 'A' -> out.append(job.arrayJobId() == null ? job.id() : job.arrayJobId());
        case 'a' -> out.append(job.arrayTaskId() == null ? 0 : job.arrayTaskId());
        case 'x' -> out.append(job.spec().name());
        case 'u' -> out.append(job.owner().user());
        case '%' -> out.append('%');
        default -> out.append('%').append(code);
      }
    }
    return out.toString();
  }
}
