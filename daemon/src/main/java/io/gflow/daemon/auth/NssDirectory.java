package io.gflow.daemon.auth;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up accounts through NSS (files, LDAP, SSSD, ...) by running {@code id} and {@code getent},
 * which is what {@code getgrouplist}/{@code getpwuid} would return without native code.
 * Thread-safe; each lookup forks one short-lived process, so wrap it in a {@link CachingDirectory}.
 *
 * <p>The commands get a fixed environment ({@code PATH=/usr/sbin:/usr/bin:/sbin:/bin}, {@code
 * LC_ALL=C}, nothing inherited), stdin from /dev/null, / as working directory and a timeout
 * (default 2 s). Every failure is an empty result.
 */
public final class NssDirectory implements AccountDirectory {
  /** How long one lookup may take before it counts as failed. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  static final Map<String, String> ENVIRONMENT =
      Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL", "C");

  private static final Logger LOG = LoggerFactory.getLogger(NssDirectory.class);
  private static final List<String> SEARCH_DIRS = List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin");
  private static final int MAX_OUTPUT_BYTES = 1024 * 1024;
  private static final int MAX_NAME_CHARS = 256;

  private final String idCommand;
  private final String getentCommand;
  private final Duration timeout;

  /** Uses {@code id} and {@code getent} from the system directories and a 2 s timeout. */
  public NssDirectory() {
    this(locate("id"), locate("getent"), DEFAULT_TIMEOUT);
  }

  /** For tests: explicit commands and timeout. */
  NssDirectory(String idCommand, String getentCommand, Duration timeout) {
    this.idCommand = Objects.requireNonNull(idCommand, "idCommand");
    this.getentCommand = Objects.requireNonNull(getentCommand, "getentCommand");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    this.timeout = timeout;
  }

  @Override
  public Optional<Account> lookupUid(long uid) {
    if (uid < 0 || uid >= Caller.MAX_ID) {
      return Optional.empty();
    }
    // "+" makes coreutils read the argument as a uid, never as a user name that looks numeric.
    return run(List.of(idCommand, "--", "+" + uid)).flatMap(out -> NssOutput.parseId(out, uid));
  }

  @Override
  public Optional<Long> lookupGroup(String name) {
    if (!isPlausibleName(name)) {
      return Optional.empty();
    }
    return run(List.of(getentCommand, "group", "--", name))
        .flatMap(out -> NssOutput.parseGroupEntry(out, name));
  }

  @Override
  public Optional<Long> lookupUser(String name) {
    if (!isPlausibleName(name)) {
      return Optional.empty();
    }
    return run(List.of(getentCommand, "passwd", "--", name))
        .flatMap(out -> NssOutput.parsePasswdEntry(out, name));
  }

  /** Names only: a numeric key would make getent look up by id. */
  private static boolean isPlausibleName(String name) {
    return name != null
        && !name.isEmpty()
        && name.length() <= MAX_NAME_CHARS
        && !name.startsWith("-")
        && !name.chars().allMatch(c -> c >= '0' && c <= '9')
        && name.chars().noneMatch(c -> c == ':' || Character.isISOControl(c));
  }

  /** Runs the command; its stdout if it exits 0 within the timeout, else empty. */
  private Optional<String> run(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
    builder.environment().clear();
    builder.environment().putAll(ENVIRONMENT);
    builder.directory(new File("/"));
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      LOG.warn("NSS lookup failed: cannot run {}: {}", command.get(0), e.getMessage());
      return Optional.empty();
    }
    // The watchdog kills a hung command, which also ends the blocking read below.
    CompletableFuture<Void> watchdog =
        CompletableFuture.runAsync(
            process::destroyForcibly,
            CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS));
    try (InputStream stdout = process.getInputStream()) {
      byte[] output = stdout.readNBytes(MAX_OUTPUT_BYTES + 1);
      boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!exited || watchdog.isDone()) {
        LOG.warn("NSS lookup timed out after {} ms: {}", timeout.toMillis(), command);
        return Optional.empty();
      }
      if (process.exitValue() != 0 || output.length > MAX_OUTPUT_BYTES) {
        LOG.debug("NSS lookup found nothing: {} exited {}", command, process.exitValue());
        return Optional.empty();
      }
      return Optional.of(new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      LOG.warn("NSS lookup failed: {}: {}", command, e.getMessage());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      watchdog.cancel(false);
      process.destroyForcibly();
    }
  }

  private static String locate(String name) {
    for (String dir : SEARCH_DIRS) {
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return name;
  }
}
