package io.gflow.daemon.exec;

/**
 * A job that has been started: its wrapper process as pid plus start time ({@code /proc/PID/stat}
 * field 22, clock ticks since boot; 0 if the wrapper had already ended when read). Store the pair
 * with the job ({@code Job.started}); {@link JobRunner#signal} and {@link JobRunner#adopt} check
 * it. The job's own pid is in the spool once the wrapper has started it. Immutable and thread-safe.
 */
public record Launched(long wrapperPid, long wrapperStartTicks) {}
