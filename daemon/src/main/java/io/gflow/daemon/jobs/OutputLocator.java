package io.gflow.daemon.jobs;

import io.gflow.daemon.job.Job;
import io.gflow.protocol.job.LogResult;

/** Resolves where a job's stdout and stderr go (output patterns expanded). Thread-safe. */
@FunctionalInterface
public interface OutputLocator {
  /** The paths, or null when they cannot be resolved (e.g. the owner has no home directory). */
  LogResult paths(Job job);
}
