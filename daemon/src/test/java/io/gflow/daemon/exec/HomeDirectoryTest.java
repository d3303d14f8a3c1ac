package io.gflow.daemon.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HomeDirectoryTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final List<Long> lookups = new ArrayList<>();
  private final List<Runnable> refreshes = new ArrayList<>();
  private final AtomicReference<Optional<String>> answer = new AtomicReference<>();

  private HomeDirectory homes(Optional<String> passwdAnswer) {
    answer.set(passwdAnswer);
    return new HomeDirectory(
        uid -> {
          lookups.add(uid);
          return answer.get();
        },
        now::get,
        refreshes::add);
  }

  @Test
  void of_sameUidWithinTtl_passwdAskedOnce() {
    HomeDirectory homes = homes(Optional.of("/home/alice"));

    assertEquals(Optional.of("/home/alice"), homes.of(1001, Map.of()));
    now.addAndGet(HomeDirectory.TTL.toNanos() - 1);
    assertEquals(Optional.of("/home/alice"), homes.of(1001, Map.of()));

    assertEquals(List.of(1001L), lookups);
  }

  @Test
  void of_afterTtl_staleAnswerAtOnceAndOneRefreshInTheBackground() {
    HomeDirectory homes = homes(Optional.of("/home/alice"));
    homes.of(1001, Map.of());
    now.addAndGet(HomeDirectory.TTL.toNanos());
    answer.set(Optional.of("/home/alice2"));

    assertEquals(Optional.of("/home/alice"), homes.of(1001, Map.of()));
    assertEquals(Optional.of("/home/alice"), homes.of(1001, Map.of()));
    homes.of(1002, Map.of()); // a new uid: looked up at once

    assertEquals(List.of(1001L, 1002L), lookups);
    assertEquals(1, refreshes.size());
    refreshes.get(0).run();
    assertEquals(Optional.of("/home/alice2"), homes.of(1001, Map.of()));
    assertEquals(List.of(1001L, 1002L, 1001L), lookups);
  }

  @Test
  void of_noPasswdEntry_absoluteHomeFromTheJobsEnvOnly() {
    HomeDirectory homes = homes(Optional.empty());

    assertEquals(Optional.of("/root"), homes.of(0, Map.of("HOME", "/root")));
    assertEquals(Optional.empty(), homes.of(0, Map.of("HOME", "relative")));
    assertEquals(Optional.empty(), homes.of(0, Map.of()));
  }
}
