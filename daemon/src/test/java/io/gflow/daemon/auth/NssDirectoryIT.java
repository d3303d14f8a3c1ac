package io.gflow.daemon.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real NSS lookups: of root and of missing names for anyone, and of a group and user created for
 * the test, which needs root.
 */
@Timeout(60)
class NssDirectoryIT {
  private static final String GROUP = "gfcfg-adm";
  private static final String USER = "gfcfg-alice";

  private final NssDirectory directory = new NssDirectory();

  @BeforeAll
  static void createAccounts() throws Exception {
    if (!isRoot()) {
      return; // the tests that need the accounts skip themselves (see needsAccounts)
    }
    run("groupadd", "-f", GROUP);
    if (run("id", "--", USER) != 0) {
      assertEquals(0, run("useradd", "-M", "-s", "/usr/sbin/nologin", "-G", GROUP, USER));
    } else {
      assertEquals(0, run("usermod", "-a", "-G", GROUP, USER));
    }
  }

  @AfterAll
  static void removeAccounts() throws Exception {
    if (isRoot()) {
      run("userdel", USER);
      run("groupdel", GROUP);
    }
  }

  @Test
  void lookupUid_userInGroup_hasSupplementaryGroup() throws IOException {
    needsAccounts();
    long gid = directory.lookupGroup(GROUP).orElseThrow();
    long uid = directory.lookupUser(USER).orElseThrow();

    Account account = directory.lookupUid(uid).orElseThrow();

    assertEquals(USER, account.name());
    assertEquals(uid, account.uid());
    assertTrue(account.groups().contains(gid), () -> account + " lacks " + gid);
    assertTrue(account.groups().contains(account.primaryGid()));
    assertEquals(GROUP, account.groupNames().get(gid));
  }

  @Test
  void lookupUid_root_isRoot() {
    assertEquals("root", directory.lookupUid(0).orElseThrow().name());
  }

  @Test
  void lookupUid_noPasswdEntry_empty() {
    assertTrue(directory.lookupUid(3_000_000_000L).isEmpty());
  }

  @Test
  void lookupGroup_createdGroup_present() throws IOException {
    needsAccounts();
    assertTrue(directory.lookupGroup(GROUP).isPresent());
  }

  @Test
  void lookupGroup_rootAndMissing() {
    assertEquals(0L, directory.lookupGroup("root").orElseThrow());
    assertTrue(directory.lookupGroup("gfcfg-no-such-group").isEmpty());
    assertTrue(directory.lookupUser("gfcfg-no-such-user").isEmpty());
  }

  @Test
  void callerResolver_realUser_getsNameAndGroups() throws IOException {
    needsAccounts();
    long uid = directory.lookupUser(USER).orElseThrow();
    long gid = directory.lookupGroup(GROUP).orElseThrow();

    Caller caller = new CallerResolver(directory).resolve(uid, uid, 1);

    assertEquals(USER, caller.userName());
    assertTrue(caller.inGroup(gid));
  }

  private static void needsAccounts() throws IOException {
    assumeTrue(isRoot(), "needs root: creates a group and a user with groupadd/useradd");
  }

  private static boolean isRoot() throws IOException {
    return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
  }

  private static int run(String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), () -> String.join(" ", command));
    return process.exitValue();
  }
}
