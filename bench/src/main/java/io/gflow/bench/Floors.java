package io.gflow.bench;

/**
 * The floors of one run, measured before the scenarios on the same JDK, kernel and disk. Immutable.
 *
 * @param echoRoundTrip raw AF_UNIX echo on a persistent connection, p50, µs
 * @param echoConnect connect + echo + close, p50, µs
 * @param echoThroughput round trips per second of 16 persistent raw echo clients
 * @param javaHello {@code java Hello} start to exit, p50, ms
 * @param spawnTrue fork/exec/wait of {@code /bin/true}, p50, ms
 * @param fsync write + fsync of a small file on the state dir's filesystem, p50, ms
 */
record Floors(
    Floor echoRoundTrip,
    Floor echoConnect,
    Floor echoThroughput,
    Floor javaHello,
    Floor spawnTrue,
    Floor fsync) {}
