package io.gflow.daemon.jobs;

/**
 * A process nvidia-smi lists on a GPU that no running job started. Immutable and thread-safe.
 *
 * @param user its owner's name, or its uid as text, or null when unknown (another pid namespace)
 */
record ForeignProcess(int gpu, long pid, String user) {}
