package io.gflow.daemon.sched;

import io.gflow.daemon.job.Job;
import io.gflow.protocol.job.JobState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Rules for {@code afterok} job dependencies. Stateless and thread-safe. */
public final class Dependencies {
  private Dependencies() {}

  /**
   * Throws if making {@code jobId} depend on {@code newDeps} would close a cycle; the message names
   * it ({@code "dependency cycle: 5 -> 7 -> 5"}). {@code depsOf} gives the current dependencies of
   * any job (empty for unknown ones).
   *
   * @throws IllegalArgumentException naming the cycle
   */
  public static void checkNoCycle(
      long jobId, List<Long> newDeps, Function<Long, List<Long>> depsOf) {
    // Depth-first from each new dependency; reaching jobId again closes a cycle.
    Map<Long, Long> reachedFrom = new HashMap<>();
    Deque<Long> stack = new ArrayDeque<>();
    for (long dep : newDeps) {
      if (!reachedFrom.containsKey(dep)) {
        reachedFrom.put(dep, jobId);
        stack.push(dep);
      }
    }
    while (!stack.isEmpty()) {
      long current = stack.pop();
      if (current == jobId) {
        throw new IllegalArgumentException("dependency cycle: " + path(jobId, reachedFrom));
      }
      for (long next : depsOf.apply(current)) {
        if (!reachedFrom.containsKey(next)) {
          reachedFrom.put(next, current);
          stack.push(next);
        }
      }
    }
  }

  private static String path(long jobId, Map<Long, Long> reachedFrom) {
    List<Long> chain = new ArrayList<>();
    long current = reachedFrom.get(jobId);
    chain.add(jobId);
    while (current != jobId) {
      chain.add(current);
      current = reachedFrom.get(current);
    }
    chain.add(jobId);
    Collections.reverse(chain);
    StringBuilder text = new StringBuilder();
    for (long id : chain) {
      text.append(text.length() == 0 ? "" : " -> ").append(id);
    }
    return text.toString();
  }

  /**
   * Where {@code job}'s dependencies stand: mode ALL needs every dependency COMPLETED, ANY needs
   * one. A dependency that ended otherwise, or that cannot be found, can never complete.
   */
  static DependencyVerdict verdict(Job job, Function<Long, Optional<Job>> find) {
    List<Long> deps = job.spec().dependsOn();
    if (deps.isEmpty()) {
      return DependencyVerdict.SATISFIED;
    }
    int completed = 0;
    List<Long> failed = new ArrayList<>();
    for (long dep : deps) {
      JobState state = find.apply(dep).map(Job::state).orElse(JobState.LOST);
      if (state == JobState.COMPLETED) {
        completed++;
      } else if (state.isTerminal()) {
        failed.add(dep);
      }
    }
    return switch (job.spec().dependencyMode()) {
      case ALL ->
          !failed.isEmpty()
              ? DependencyVerdict.never(failed.get(0))
              : completed == deps.size() ? DependencyVerdict.SATISFIED : DependencyVerdict.WAITING;
      case ANY ->
          completed > 0
              ? DependencyVerdict.SATISFIED
              : failed.size() == deps.size()
                  ? DependencyVerdict.never(failed.get(failed.size() - 1))
                  : DependencyVerdict.WAITING;
    };
  }
}
