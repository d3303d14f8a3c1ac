package io.gflow.daemon.exec;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * Finds a job owner's home directory for {@code ~} in output patterns: the passwd entry of the
 * owner's uid ({@code getent passwd UID}, so NSS sources such as LDAP count), else {@code HOME}
 * from the job's own environment (a personal daemon in a container whose uid has no passwd entry).
 * Each uid's passwd answer is kept for {@link #TTL}, as the group cache is, so that listing many
 * jobs does not run {@code getent} once per job. An answer past its time is still given while a
 * fresh one is fetched on the {@code refresher}: only a uid's first lookup waits for {@code getent}
 * (tens of milliseconds on a busy host, on the scheduler's thread when a job starts). Thread-safe.
 */
final class HomeDirectory {
  static final Duration TTL = Duration.ofSeconds(10);
  private static final long TIMEOUT_SECONDS = 5;

  private final LongFunction<Optional<String>> passwd;
  private final LongSupplier nanoTime;
  private final Executor refresher;
  private final ConcurrentMap<Long, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(Optional<String> home, long expiresNanos, AtomicBoolean refreshing) {}

  /**
   * @param refresher runs the refresh of an answer past its time
   */
  HomeDirectory(Executor refresher) {
    this(HomeDirectory::getent, System::nanoTime, refresher);
  }

  HomeDirectory(LongFunction<Optional<String>> passwd, LongSupplier nanoTime, Executor refresher) {
    this.passwd = passwd;
    this.nanoTime = nanoTime;
    this.refresher = refresher;
  }

  Optional<String> of(long uid, Map<String, String> jobEnv) {
    Cached cached = cache.get(uid);
    if (cached == null) {
      cached = lookUp(uid);
    } else if (nanoTime.getAsLong() - cached.expiresNanos() >= 0
        && cached.refreshing().compareAndSet(false, true)) {
      try {
        refresher.execute(() -> lookUp(uid));
      } catch (RejectedExecutionException stopped) {
        cached.refreshing().set(false);
      }
      cached = cache.get(uid);
    }
    return cached
        .home()
        .or(() -> Optional.ofNullable(jobEnv.get("HOME")).filter(home -> home.startsWith("/")));
  }

  private Cached lookUp(long uid) {
    Optional<String> home = passwd.apply(uid);
    Cached fresh = new Cached(home, nanoTime.getAsLong() + TTL.toNanos(), new AtomicBoolean());
    cache.put(uid, fresh);
    return fresh;
  }

  private static Optional<String> getent(long uid) {
    try {
      ProcessBuilder builder =
          new ProcessBuilder("getent", "passwd", Long.toString(uid))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectError(ProcessBuilder.Redirect.DISCARD);
      // Nothing of the daemon's environment (LISTEN_* from systemd, for one) reaches a child.
      builder.environment().clear();
      builder.environment().put("PATH", "/usr/bin:/bin");
      builder.environment().put("LC_ALL", "C");
      Process process = builder.start();
      // One passwd line fits in the pipe, so waiting before reading cannot deadlock.
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      if (process.exitValue() != 0) {
        return Optional.empty();
      }
      byte[] out = process.getInputStream().readNBytes(64 * 1024);
      String[] fields = new String(out, StandardCharsets.UTF_8).strip().split(":", -1);
      return fields.length >= 7 && fields[5].startsWith("/")
          ? Optional.of(fields[5])
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
