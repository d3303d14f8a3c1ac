package io.gflow.daemon.sched;

/**
 * Where a job's {@code afterok} dependencies stand. Immutable and thread-safe.
 *
 * @param failedDependency when {@link Kind#NEVER}, a dependency that ended without completing (the
 *     last one for mode ANY); otherwise 0
 */
record DependencyVerdict(Kind kind, long failedDependency) {

  static final DependencyVerdict SATISFIED = new DependencyVerdict(Kind.SATISFIED, 0);
  static final DependencyVerdict WAITING = new DependencyVerdict(Kind.WAITING, 0);

  /** The three outcomes. Thread-safe enum. */
  enum Kind {
    SATISFIED,
    WAITING,
    NEVER
  }

  static DependencyVerdict never(long failedDependency) {
    return new DependencyVerdict(Kind.NEVER, failedDependency);
  }
}
