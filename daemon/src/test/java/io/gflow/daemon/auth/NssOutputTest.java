package io.gflow.daemon.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NssOutputTest {
  @Test
  void parseId_typicalLine_givesAccount() {
    Account account =
        NssOutput.parseId("uid=1001(bob) gid=1001(bob) groups=1001(bob),27(sudo)\n", 1001)
            .orElseThrow();
    assertEquals(
        new Account(1001, "bob", 1001, Set.of(1001L, 27L), Map.of(1001L, "bob", 27L, "sudo")),
        account);
  }

  @Test
  void parseId_namesWithSpacesAndUnnamedGroups_parsed() {
    Account account =
        NssOutput.parseId(
                "uid=5000(jo doe) gid=5000(domain users) groups=5000(domain users),4242,27(sudo)",
                5000)
            .orElseThrow();
    assertEquals("jo doe", account.name());
    assertEquals(Set.of(5000L, 4242L, 27L), account.groups());
    assertEquals("domain users", account.groupNames().get(5000L));
  }

  @Test
  void parseId_otherUidOrGarbage_empty() {
    assertTrue(NssOutput.parseId("uid=0(root) gid=0(root) groups=0(root)", 1001).isEmpty());
    assertTrue(NssOutput.parseId("", 1001).isEmpty());
    assertTrue(NssOutput.parseId("uid=1001 gid=1001 groups=1001", 1001).isEmpty());
    assertTrue(NssOutput.parseId("uid=1001(bob) gid=1001(bob) groups=x(y)", 1001).isEmpty());
    assertTrue(NssOutput.parseId("uid=1001(bob) gid=1001(bob)", 1001).isEmpty());
    assertTrue(NssOutput.parseId("uid=1001(bob) gid=4294967295 groups=1001(bob)", 1001).isEmpty());
  }

  @Test
  void parseGroupEntry_matchingName_givesGid() {
    assertEquals(Optional.of(27L), NssOutput.parseGroupEntry("sudo:x:27:alice,bob\n", "sudo"));
    assertTrue(NssOutput.parseGroupEntry("root:x:0:\n", "0").isEmpty());
    assertTrue(NssOutput.parseGroupEntry("sudo:x:abc:\n", "sudo").isEmpty());
  }

  @Test
  void parsePasswdEntry_matchingName_givesUid() {
    assertEquals(
        Optional.of(1001L),
        NssOutput.parsePasswdEntry("bob:x:1001:1001:Bob:/home/bob:/bin/bash\n", "bob"));
    assertTrue(NssOutput.parsePasswdEntry("bob:x:1001:1001::/:/bin/sh\n", "alice").isEmpty());
  }
}
