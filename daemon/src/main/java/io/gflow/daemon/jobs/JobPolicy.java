package io.gflow.daemon.jobs;

/**
 * The config-derived rules job methods apply, read per call so that a reload takes effect at once.
 * Immutable and thread-safe.
 *
 * @param privateData users see other users' jobs redacted (SPEC §3)
 * @param allowRootJobs a system daemon accepts jobs from uid 0
 * @param systemMode the daemon runs jobs as their submitters (root daemon)
 * @param daemonUid the uid the daemon runs as
 */
public record JobPolicy(
    boolean privateData, boolean allowRootJobs, boolean systemMode, long daemonUid) {}
