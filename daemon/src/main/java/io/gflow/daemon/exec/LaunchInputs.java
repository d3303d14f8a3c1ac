package io.gflow.daemon.exec;

import io.gflow.daemon.job.Job;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the wrapper is given for one job, checked before anything is written: the job's exact
 * environment (the submitter's plus the daemon's extra variables, which win) and its resolved
 * output paths. Immutable and thread-safe.
 */
record LaunchInputs(Map<String, String> env, OutputPaths outputs) {

  static LaunchInputs of(Job job, Map<String, String> extraEnv, HomeDirectory homes)
      throws LaunchException {
    Map<String, String> env = new TreeMap<>(job.spec().env());
    env.putAll(extraEnv);
    for (Map.Entry<String, String> variable : env.entrySet()) {
      String name = variable.getKey();
      if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
        throw new LaunchException("environment name (" + name + ") is empty or holds '=' or NUL");
      }
      if (variable.getValue().indexOf('\0') >= 0) {
        throw new LaunchException("environment value of " + name + " holds a NUL");
      }
    }
    if (job.spec().command() != null) {
      for (String arg : job.spec().command()) {
        if (arg.indexOf('\0') >= 0) {
          throw new LaunchException("command argument holds a NUL");
        }
      }
    }
    String cwd = job.spec().cwd();
    if (!cwd.startsWith("/") || cwd.indexOf('\0') >= 0) {
      throw new LaunchException("cwd (" + cwd + ") must be an absolute path without NUL");
    }
    OutputPaths outputs =
        OutputPaths.resolve(job, () -> homes.of(job.owner().uid(), job.spec().env()));
    return new LaunchInputs(Map.copyOf(env), outputs);
  }
}
