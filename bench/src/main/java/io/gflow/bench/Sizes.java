package io.gflow.bench;

import java.util.concurrent.TimeUnit;

/**
 * How much work each scenario does: the full run, or the quick one (under two minutes on two cores,
 * with smaller stores whose sizes the figure names carry). Immutable.
 */
record Sizes(
    int rpcSamples,
    int connectSamples,
    long throughputNanos,
    int sequentialSubmits,
    int submitsPerClient,
    int arrayRepeats,
    int startSamples,
    int dispatchJobs,
    long dispatchNanos,
    int coldStarts,
    int finishedJobs,
    int queuedJobs,
    int listingRuns,
    long listingCapNanos,
    int heapQueuedJobs,
    int restartJobs,
    int restartRuns) {

  /** The targets' sizes: 100k finished + 10k queued, 100k queued, 1M in the store. */
  static Sizes full() {
    return new Sizes(
        20_000,
        3_000,
        TimeUnit.SECONDS.toNanos(5),
        2_000,
        300,
        5,
        200,
        1_000,
        TimeUnit.SECONDS.toNanos(60),
        20,
        100_000,
        10_000,
        3,
        TimeUnit.SECONDS.toNanos(60),
        100_000,
        1_000_000,
        3);
  }

  static Sizes quick() {
    return new Sizes(
        5_000,
        1_000,
        TimeUnit.SECONDS.toNanos(2),
        300,
        50,
        1,
        40,
        200,
        TimeUnit.SECONDS.toNanos(15),
        5,
        20_000,
        2_000,
        2,
        TimeUnit.SECONDS.toNanos(15),
        20_000,
        200_000,
        1);
  }
}
