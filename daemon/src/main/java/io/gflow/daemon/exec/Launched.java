package io.gflow.daemon.exec;

/**
 * A job that has been started: its wrapper process and the job's own process, each as pid plus
 * start time ({@code /proc/PID/stat} field 22, clock ticks since boot). Store the wrapper's pair
 * with the job ({@code Job.started}); {@link JobRunner#signal} and {@link JobRunner#adopt} check
 * it. Immutable and thread-safe.
 *
 * @param jobPid the job's pid, which is also its process group and session id
 * @param jobStartTicks the job's start time, or 0 if it had already ended when read
 */
public record Launched(long wrapperPid, long wrapperStartTicks, long jobPid, long jobStartTicks) {}
