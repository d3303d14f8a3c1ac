package io.gflow.daemon.sched;

import io.gflow.daemon.job.Job;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A launcher that records launches and signals instead of starting processes. Thread-safe. */
final class FakeLauncher implements Launcher {
  record Launch(long jobId, List<Integer> gpus, String thread) {}

  record Signal(long jobId, int signal) {}

  final List<Launch> launches = new CopyOnWriteArrayList<>();
  final List<Signal> signals = new CopyOnWriteArrayList<>();

  /** Jobs whose launch throws. */
  final Set<Long> failing = ConcurrentHashMap.newKeySet();

  private final AtomicLong nextPid = new AtomicLong(1000);

  @Override
  public Launched launch(Job job, List<Integer> gpus) throws IOException {
    if (failing.contains(job.id())) {
      throw new IOException("cannot execute /bin/nope: No such file or directory");
    }
    launches.add(new Launch(job.id(), gpus, Thread.currentThread().getName()));
    return new Launched(nextPid.getAndIncrement(), 4242);
  }

  @Override
  public boolean signal(Job job, int signal) {
    signals.add(new Signal(job.id(), signal));
    return true;
  }

  List<Long> launchedIds() {
    return launches.stream().map(Launch::jobId).toList();
  }

  List<Integer> gpusOf(long jobId) {
    return launches.stream()
        .filter(launch -> launch.jobId() == jobId)
        .findFirst()
        .orElseThrow()
        .gpus();
  }
}
