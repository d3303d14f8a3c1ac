package io.gflow.cli.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.AsUser;
import io.gflow.daemon.DaemonExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Adding a user to the admin group (gpasswd) or removing them takes effect at their next connection
 * once the daemon's group cache (10 s) has expired, or at once after {@code gctl reload}: real
 * accounts, root + setpriv.
 */
@Timeout(300)
class AdminMembershipIT {
  private static final String MEMBER = "gflowt-memb";
  private static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(10);

  @RegisterExtension
  final DaemonExtension daemon =
      DaemonExtension.withConfig("admin_groups = [\"" + AsUser.ADMIN_GROUP + "\"]\n");

  @BeforeAll
  static void accounts() throws Exception {
    if (AsUser.isRoot()) {
      AsUser.ensureAccounts();
      if (AsUser.run(List.of("id", "-u", MEMBER)).exitCode() != 0) {
        assertEquals(
            0, AsUser.run(List.of("useradd", "-M", "-U", "-s", "/bin/sh", MEMBER)).exitCode());
      }
    }
  }

  @BeforeEach
  void needsRootAndStartsOutside() throws Exception {
    AsUser.assumeRoot();
    removeFromAdminGroup();
  }

  @AfterEach
  void leaveAdminGroup() throws Exception {
    if (AsUser.isRoot()) {
      removeFromAdminGroup();
    }
  }

  private static void removeFromAdminGroup() throws Exception {
    // Fails harmlessly when not a member.
    AsUser.run(List.of("gpasswd", "-d", MEMBER, AsUser.ADMIN_GROUP));
  }

  private static void gpasswd(String flag) throws Exception {
    AsUser.Result result = AsUser.run(List.of("gpasswd", flag, MEMBER, AsUser.ADMIN_GROUP));
    assertEquals(0, result.exitCode(), result.stderr());
  }

  private String role() throws Exception {
    AsUser.Result result =
        AsUser.asUser(
            MEMBER,
            AsUser.java(
                GctlCommand.class.getName(),
                List.of("whoami", "--socket", daemon.socket().toString())));
    assertEquals(0, result.exitCode(), result.stderr());
    String line = result.stdout().trim();
    assertTrue(line.startsWith(MEMBER + " uid="), line);
    return line.substring(line.lastIndexOf("role=") + "role=".length());
  }

  private void reload() {
    GctlRunner.Run run = GctlRunner.gctl("reload", "--socket", daemon.socket().toString());
    assertEquals(0, run.exitCode(), run.stderr());
  }

  /**
   * Asserts {@code expected} only if the cache entry made at {@code cachedAt} surely still holds.
   */
  private void assertCachedRole(String expected, long cachedAt) throws Exception {
    String role = role();
    if (System.nanoTime() - cachedAt < CACHE_NANOS) {
      assertEquals(expected, role, "the group cache still holds the old membership");
    }
  }

  @Test
  void addedToAdminGroup_userUntilReload_thenAdmin_andRemovedLikewise() throws Exception {
    long cachedAt = System.nanoTime();
    assertEquals("user", role());

    gpasswd("-a");
    assertCachedRole("user", cachedAt);
    reload();
    assertEquals("admin", role(), "after gctl reload, at the next connection");

    cachedAt = System.nanoTime();
    assertEquals("admin", role());
    gpasswd("-d");
    assertCachedRole("admin", cachedAt);
    reload();
    assertEquals("user", role(), "removal takes effect after gctl reload");
  }

  @Test
  void addedToAdminGroup_noReload_adminOnceCacheExpires() throws Exception {
    assertEquals("user", role());
    gpasswd("-a");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
    String role = role();
    while (!role.equals("admin") && System.nanoTime() < deadline) {
      Thread.sleep(500); // waiting out the daemon's 10 s group cache, not a start-up
      role = role();
    }
    assertEquals("admin", role, "admin within the cache lifetime, without a reload");
  }
}
