package io.gflow.daemon.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.config.AuditSettings;
import io.gflow.daemon.config.DaemonConfig;
import io.gflow.daemon.config.Limits;
import io.gflow.daemon.config.SchedulerSettings;
import io.gflow.protocol.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleResolverTest {
  private static final long DAEMON_UID = 990;

  private final FakeDirectory directory =
      new FakeDirectory()
          .group("gflow-admin", 600)
          .group("ops", 700)
          .group("gpu", 800)
          .user("root", 0)
          .user("gflow", DAEMON_UID)
          .user("alice", 1001)
          .user("bob", 1002)
          .user("carol", 1003, 600L)
          .user("dave", 1004, 700L)
          .user("erin", 1005, 800L)
          .user("frank", 1006);
  private final CallerResolver callers = new CallerResolver(directory);

  @Test
  void roleOf_root_isAdmin() {
    assertEquals(Role.ADMIN, resolver(defaults()).roleOf(caller(0)));
  }

  @Test
  void roleOf_daemonsOwnUid_isAdmin() {
    assertEquals(Role.ADMIN, resolver(defaults()).roleOf(caller(DAEMON_UID)));
  }

  @Test
  void roleOf_adminUsersByNameOrUid_isAdmin() {
    RoleResolver resolver =
        resolver(
            config(List.of("alice", "1002"), List.of(), List.of(), List.of(), List.of(), false));
    assertEquals(Role.ADMIN, resolver.roleOf(caller(1001)));
    assertEquals(Role.ADMIN, resolver.roleOf(caller(1002)));
    assertEquals(Role.USER, resolver.roleOf(caller(1003)));
  }

  @Test
  void roleOf_memberOfDefaultAdminGroup_isAdmin() {
    assertEquals(Role.ADMIN, resolver(defaults()).roleOf(caller(1003)));
  }

  @Test
  void roleOf_memberOfAdminGroupGivenByGid_isAdmin() {
    RoleResolver resolver =
        resolver(config(List.of(), List.of("700"), List.of(), List.of(), List.of(), false));
    assertEquals(Role.ADMIN, resolver.roleOf(caller(1004)));
    assertEquals(Role.USER, resolver.roleOf(caller(1003)));
  }

  @Test
  void roleOf_operatorUsersAndGroups_isOperator() {
    RoleResolver resolver =
        resolver(
            config(
                List.of(),
                List.of("gflow-admin"),
                List.of("bob", "1006"),
                List.of("ops"),
                List.of(),
                false));
    assertEquals(Role.OPERATOR, resolver.roleOf(caller(1002)));
    assertEquals(Role.OPERATOR, resolver.roleOf(caller(1006)));
    assertEquals(Role.OPERATOR, resolver.roleOf(caller(1004)));
    assertEquals(Role.ADMIN, resolver.roleOf(caller(1003)));
  }

  @Test
  void roleOf_adminAndOperator_isAdmin() {
    RoleResolver resolver =
        resolver(
            config(List.of("alice"), List.of(), List.of("alice"), List.of(), List.of(), false));
    assertEquals(Role.ADMIN, resolver.roleOf(caller(1001)));
  }

  @Test
  void roleOf_anyoneElse_isUser() {
    RoleResolver resolver =
        resolver(
            config(
                List.of("alice"),
                List.of("gflow-admin"),
                List.of("bob"),
                List.of("ops"),
                List.of(),
                false));
    assertEquals(Role.USER, resolver.roleOf(caller(1005)));
    assertEquals(Role.USER, resolver.roleOf(caller(1006)));
  }

  @Test
  void roleOf_failedLookup_neverGrantsGroupOrNameRoles() {
    RoleResolver resolver =
        resolver(
            config(
                List.of("carol"),
                List.of("gflow-admin"),
                List.of("dave"),
                List.of("ops"),
                List.of(),
                false));
    directory.failing(true);
    Caller carol = callers.resolve(1003, 1003, 42);
    Caller dave = callers.resolve(1004, 1004, 43);

    assertEquals("1003", carol.userName());
    assertEquals(Set.of(), carol.groups());
    assertEquals(Role.USER, resolver.roleOf(carol));
    assertEquals(Role.USER, resolver.roleOf(dave));
  }

  @Test
  void roleOf_unknownUid_isUser() {
    Caller stranger = callers.resolve(3_000_000_000L, 3_000_000_000L, 1);
    assertEquals("3000000000", stranger.userName());
    assertEquals(Role.USER, resolver(defaults()).roleOf(stranger));
  }

  @Test
  void constructor_unknownGroupsAndUsers_ignoredWithWarnings() {
    RoleResolver resolver =
        resolver(
            config(
                List.of("nosuchuser"),
                List.of("nosuchgroup"),
                List.of(),
                List.of("ops"),
                List.of(),
                false));
    assertEquals(
        List.of(
            "admin_users: user 'nosuchuser' does not exist",
            "admin_groups: group 'nosuchgroup' does not exist; ignored"),
        resolver.warnings());
    assertEquals(Role.OPERATOR, resolver.roleOf(caller(1004)));
  }

  @Test
  void constructor_defaultAdminGroupMissing_noWarning() {
    RoleResolver resolver = new RoleResolver(defaults(), DAEMON_UID, new FakeDirectory());
    assertEquals(List.of(), resolver.warnings());
  }

  @Test
  void mayConnect_noAllowedGroups_everyone() {
    RoleResolver resolver = resolver(defaults());
    assertTrue(resolver.mayConnect(caller(1001)));
    directory.failing(true);
    assertTrue(resolver.mayConnect(callers.resolve(1001, 1001, 1)));
  }

  @Test
  void mayConnect_allowedGroups_membersAdminsAndOperatorsOnly() {
    RoleResolver resolver =
        resolver(
            config(
                List.of("alice"),
                List.of("gflow-admin"),
                List.of(),
                List.of("ops"),
                List.of("gpu"),
                false));
    assertTrue(resolver.mayConnect(caller(1005)));
    assertTrue(resolver.mayConnect(caller(1001)));
    assertTrue(resolver.mayConnect(caller(1003)));
    assertTrue(resolver.mayConnect(caller(1004)));
    assertTrue(resolver.mayConnect(caller(0)));
    assertTrue(resolver.mayConnect(caller(DAEMON_UID)));
    assertFalse(resolver.mayConnect(caller(1002)));
    assertFalse(resolver.mayConnect(caller(1006)));
  }

  @Test
  void mayConnect_allowedGroupsAndFailedLookup_refused() {
    RoleResolver resolver =
        resolver(config(List.of(), List.of(), List.of(), List.of(), List.of("gpu"), false));
    directory.failing(true);
    assertFalse(resolver.mayConnect(callers.resolve(1005, 1005, 1)));
  }

  @Test
  void mayConnect_allowedGroupDoesNotExist_onlyAdmins() {
    RoleResolver resolver =
        resolver(
            config(
                List.of(),
                List.of("gflow-admin"),
                List.of(),
                List.of(),
                List.of("nosuchgroup"),
                false));
    assertFalse(resolver.mayConnect(caller(1005)));
    assertTrue(resolver.mayConnect(caller(1003)));
    assertEquals(1, resolver.warnings().size());
  }

  @Test
  void refusesIdentity_unknownOrNobody_refused() {
    RoleResolver resolver = resolver(defaults());
    assertTrue(resolver.refusesIdentity(4_294_967_295L, 1000));
    assertTrue(resolver.refusesIdentity(1000, 4_294_967_295L));
    assertTrue(resolver.refusesIdentity(65_534, 1000));
    assertTrue(resolver.refusesIdentity(1000, 65_534));
    assertTrue(resolver.refusesIdentity(-1, 1000));
    assertFalse(resolver.refusesIdentity(1000, 1000));
    assertFalse(resolver.refusesIdentity(0, 0));
  }

  @Test
  void refusesIdentity_allowNobody_acceptsNobodyButNotUnknown() {
    RoleResolver resolver =
        resolver(config(List.of(), List.of(), List.of(), List.of(), List.of(), true));
    assertFalse(resolver.refusesIdentity(65_534, 65_534));
    assertTrue(resolver.refusesIdentity(4_294_967_295L, 65_534));
    assertTrue(resolver.refusesIdentity(65_534, 4_294_967_295L));
  }

  private RoleResolver resolver(DaemonConfig config) {
    return new RoleResolver(config, DAEMON_UID, directory);
  }

  private Caller caller(long uid) {
    return callers.resolve(uid, uid, 4242);
  }

  private static DaemonConfig defaults() {
    return DaemonConfig.defaults();
  }

  private static DaemonConfig config(
      List<String> adminUsers,
      List<String> adminGroups,
      List<String> operatorUsers,
      List<String> operatorGroups,
      List<String> allowedGroups,
      boolean allowNobody) {
    return new DaemonConfig(
        null,
        null,
        adminUsers,
        adminGroups,
        operatorUsers,
        operatorGroups,
        allowedGroups,
        true,
        false,
        allowNobody,
        Limits.defaults(),
        SchedulerSettings.defaults(),
        AuditSettings.defaults());
  }
}
