package io.gflow.daemon.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HomeDirectoryTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final List<Long> lookups = new ArrayList<>();

  private HomeDirectory homes(Optional<String> answer) {
    return new HomeDirectory(
        uid -> {
          lookups.add(uid);
          return answer;
        },
        now::get);
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
  void of_afterTtl_passwdAskedAgain() {
    HomeDirectory homes = homes(Optional.of("/home/alice"));
    homes.of(1001, Map.of());
    now.addAndGet(HomeDirectory.TTL.toNanos());

    homes.of(1001, Map.of());
    homes.of(1002, Map.of());

    assertEquals(List.of(1001L, 1001L, 1002L), lookups);
  }

  @Test
  void of_noPasswdEntry_absoluteHomeFromTheJobsEnvOnly() {
    HomeDirectory homes = homes(Optional.empty());

    assertEquals(Optional.of("/root"), homes.of(0, Map.of("HOME", "/root")));
    assertEquals(Optional.empty(), homes.of(0, Map.of("HOME", "relative")));
    assertEquals(Optional.empty(), homes.of(0, Map.of()));
  }
}
