package io.gflow.daemon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gflow.protocol.client.ProcessIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final String SPEC_EXAMPLE =
      """
      socket = "/run/gflow/gflowd.sock"
      state_dir = "/var/lib/gflow"
      admin_users = []                 # names or uids
      admin_groups = ["gflow-admin"]
      operator_users = []
      operator_groups = []
      allowed_groups = []              # empty: anyone who can reach the socket
      private_data = true              # hide other users' commands, env, cwd, paths
      allow_root_jobs = false
      allow_nobody = false

      [limits]
      max_connections = 1024
      max_connections_per_uid = 64
      idle_timeout = "60s"
      max_frame_bytes = 1048576

      [scheduler]
      slots = 0                        # CPU job slots; 0 = number of cores
      gpus = "auto"                    # "auto" (nvidia-smi), "none", or [0, 1, 3]
      nvidia_smi = "nvidia-smi"
      kill_grace = "10s"
      retention = "30d"
      """;

  @TempDir Path dir;

  @Test
  void defaults_matchSpec() {
    DaemonConfig config = DaemonConfig.defaults();
    assertNull(config.socket());
    assertNull(config.stateDir());
    assertEquals(List.of("gflow-admin"), config.adminGroups());
    assertEquals(List.of(), config.adminUsers());
    assertEquals(List.of(), config.allowedGroups());
    assertTrue(config.privateData());
    assertEquals(false, config.allowRootJobs());
    assertEquals(false, config.allowNobody());
    assertEquals(
        new Limits(
            1024,
            64,
            Duration.ofSeconds(60),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            1_048_576),
        config.limits());
    assertEquals(
        new SchedulerSettings(
            0, GpuSetting.auto(), "nvidia-smi", Duration.ofSeconds(10), Duration.ofDays(30)),
        config.scheduler());
  }

  @Test
  void load_nullFile_givesDefaults() throws ConfigException {
    assertEquals(DaemonConfig.defaults(), ConfigLoader.load(null));
  }

  @Test
  void load_missingFile_fails() {
    ConfigException error =
        assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("none.toml")));
    assertTrue(error.getMessage().contains("no such file"), error.getMessage());
  }

  @Test
  void loadOptional_missingFile_givesDefaults() throws ConfigException {
    assertEquals(DaemonConfig.defaults(), ConfigLoader.loadOptional(dir.resolve("none.toml")));
  }

  @Test
  void load_emptyFile_givesDefaults() throws Exception {
    assertEquals(DaemonConfig.defaults(), ConfigLoader.load(write("")));
  }

  @Test
  void load_specExample_parsesToDefaultsWithPaths() throws Exception {
    DaemonConfig config = ConfigLoader.load(write(SPEC_EXAMPLE));
    DaemonConfig defaults = DaemonConfig.defaults();
    assertEquals(Path.of("/run/gflow/gflowd.sock"), config.socket());
    assertEquals(Path.of("/var/lib/gflow"), config.stateDir());
    assertEquals(
        new DaemonConfig(
            config.socket(),
            config.stateDir(),
            defaults.adminUsers(),
            defaults.adminGroups(),
            defaults.operatorUsers(),
            defaults.operatorGroups(),
            defaults.allowedGroups(),
            defaults.privateData(),
            defaults.allowRootJobs(),
            defaults.allowNobody(),
            defaults.limits(),
            defaults.scheduler(),
            defaults.audit()),
        config);
  }

  @Test
  void parse_everyKeySet_readsEveryValue() throws ConfigException {
    DaemonConfig config =
        parse(
            """
            admin_users = ["alice", 1002]
            admin_groups = []
            operator_users = ["carol"]
            operator_groups = ["ops", 4000]
            allowed_groups = ["gpu-users"]
            private_data = false
            allow_root_jobs = true
            allow_nobody = true
            [limits]
            max_connections = 10
            max_connections_per_uid = 2
            idle_timeout = "5m"
            request_timeout = "500ms"
            write_timeout = "2s"
            max_frame_bytes = 4096
            [scheduler]
            slots = 8
            gpus = [0, 1, 3]
            nvidia_smi = "/usr/bin/nvidia-smi"
            kill_grace = "30s"
            retention = "2h"
            """);
    assertEquals(List.of("alice", "1002"), config.adminUsers());
    assertEquals(List.of(), config.adminGroups());
    assertEquals(List.of("carol"), config.operatorUsers());
    assertEquals(List.of("ops", "4000"), config.operatorGroups());
    assertEquals(List.of("gpu-users"), config.allowedGroups());
    assertEquals(false, config.privateData());
    assertTrue(config.allowRootJobs());
    assertTrue(config.allowNobody());
    assertEquals(
        new Limits(
            10, 2, Duration.ofMinutes(5), Duration.ofMillis(500), Duration.ofSeconds(2), 4096),
        config.limits());
    assertEquals(
        new SchedulerSettings(
            8,
            GpuSetting.of(List.of(0, 1, 3)),
            "/usr/bin/nvidia-smi",
            Duration.ofSeconds(30),
            Duration.ofHours(2)),
        config.scheduler());
  }

  @Test
  void parse_unknownTopLevelKey_namesKeyAndLine() {
    assertError(
        "gflowd.toml:3: unknown key 'privat_data' (did you mean 'private_data'?)",
        "socket = \"/run/g.sock\"\n\nprivat_data = true\n");
  }

  @Test
  void parse_unknownKeyInTable_namesDottedKeyAndLine() {
    assertError(
        "gflowd.toml:4: unknown key 'limits.max_conns'",
        "allow_nobody = false\n[limits]\nmax_connections = 5\nmax_conns = 3\n");
  }

  @Test
  void parse_misspelledTable_namesFirstKeyAndLine() {
    assertError(
        "gflowd.toml:7: unknown key 'limts.max_connections' (did you mean 'limits'?)",
        SPEC_EXAMPLE.lines().limit(5).reduce("", (a, b) -> a + b + "\n")
            + "[limts]\nmax_connections = 5\n");
  }

  @Test
  void parse_unknownDottedKey_namesLine() {
    assertError(
        "gflowd.toml:2: unknown key 'scheduler.gpu'",
        "private_data = true\nscheduler.gpu = \"auto\"\n");
  }

  @Test
  void parse_unknownKeyInInlineTable_pointsAtTableLine() {
    assertError("gflowd.toml:1: unknown key 'limits.nope'", "limits = { nope = 1 }\n");
  }

  @Test
  void parse_wrongTypes_nameKeyLineAndType() {
    assertError(
        "gflowd.toml:1: private_data must be true or false, got a string",
        "private_data = \"yes\"\n");
    assertError(
        "gflowd.toml:2: limits.max_connections must be an integer, got a string",
        "[limits]\nmax_connections = \"10\"\n");
    assertError(
        "gflowd.toml:1: admin_users must be an array of names or ids, got a string",
        "admin_users = \"alice\"\n");
    assertError(
        "gflowd.toml:1: admin_groups expected user or group names or numeric ids",
        "admin_groups = [true]\n");
    assertError("gflowd.toml:1: limits must be a table, got an integer (3)", "limits = 3\n");
    assertError("gflowd.toml:1: socket must be a string, got an integer (1)", "socket = 1\n");
  }

  @Test
  void parse_badValues_nameKeyLineAndRange() {
    assertError(
        "gflowd.toml:2: limits.max_frame_bytes (100) must be in 1024..16777216",
        "[limits]\nmax_frame_bytes = 100\n");
    assertError(
        "gflowd.toml:2: limits.max_frame_bytes (99999999999999999999) must be in",
        "[limits]\nmax_frame_bytes = 99999999999999999999\n");
    assertError(
        "gflowd.toml:3: limits.max_connections_per_uid (20) must not exceed",
        "[limits]\nmax_connections = 10\nmax_connections_per_uid = 20\n");
    assertError("gflowd.toml:1: socket must be an absolute path", "socket = \"run/x.sock\"\n");
    assertError(
        "gflowd.toml:1: admin_users id (4294967295) must be in 0..4294967294",
        "admin_users = [4294967295]\n");
    assertError(
        "gflowd.toml:1: operator_users expected user or group names or numeric ids, got"
            + " \"-rf\"",
        "operator_users = [\"-rf\"]\n");
    assertError(
        "gflowd.toml:2: scheduler.slots (-1) must be in 0..65536", "[scheduler]\nslots = -1\n");
  }

  @Test
  void parse_auditTable_readsRotationSettings() throws ConfigException {
    assertEquals(
        new AuditSettings(4096, 2), parse("[audit]\nmax_bytes = 4096\nkeep = 2\n").audit());
    assertEquals(new AuditSettings(10 * 1024 * 1024, 5), parse("").audit());
  }

  @Test
  void parse_badAuditSettings_nameKeyLineAndRange() {
    assertError(
        "gflowd.toml:2: audit.max_bytes (10) must be in 1024..1073741824",
        "[audit]\nmax_bytes = 10\n");
    assertError("gflowd.toml:2: audit.keep (0) must be in 1..100", "[audit]\nkeep = 0\n");
    assertError("gflowd.toml:3: unknown key 'audit.rotate'", "[audit]\nkeep = 1\nrotate = 1\n");
  }

  @Test
  void parse_invalidToml_namesLine() {
    assertError("gflowd.toml:3: invalid TOML", "a = 1\n\nb = = 2\n");
  }

  @Test
  void parse_durations_acceptEveryUnit() throws ConfigException {
    assertEquals(Duration.ofMillis(500), limits("request_timeout = \"500ms\"").requestTimeout());
    assertEquals(Duration.ofSeconds(90), limits("idle_timeout = \"90s\"").idleTimeout());
    assertEquals(Duration.ofMinutes(10), limits("idle_timeout = \"10m\"").idleTimeout());
    assertEquals(Duration.ofHours(2), limits("idle_timeout = \"2h\"").idleTimeout());
    assertEquals(
        Duration.ofDays(30), parse("[scheduler]\nretention = \"30d\"").scheduler().retention());
  }

  @Test
  void parse_gpuPoll_defaultThirtySecondsAndSettable() throws ConfigException {
    assertEquals(Duration.ofSeconds(30), parse("").scheduler().gpuPoll());
    assertEquals(
        Duration.ofMillis(200), parse("[scheduler]\ngpu_poll = \"200ms\"").scheduler().gpuPoll());
    assertError(
        "gflowd.toml:2: scheduler.gpu_poll (10ms) must be in",
        "[scheduler]\ngpu_poll = \"10ms\"\n");
  }

  @Test
  void parse_badDurations_nameKeyAndLine() {
    assertError(
        "gflowd.toml:2: limits.idle_timeout expected a duration like",
        "[limits]\nidle_timeout = \"60\"\n");
    assertError(
        "gflowd.toml:2: limits.idle_timeout expected a duration string like \"60s\", got"
            + " an integer (60)",
        "[limits]\nidle_timeout = 60\n");
    assertError(
        "gflowd.toml:2: limits.idle_timeout expected a duration like",
        "[limits]\nidle_timeout = \"-5s\"\n");
    assertError(
        "gflowd.toml:2: limits.idle_timeout expected a duration like",
        "[limits]\nidle_timeout = \"1.5h\"\n");
    assertError(
        "gflowd.toml:2: limits.idle_timeout (0s) must be in 1s..7d",
        "[limits]\nidle_timeout = \"0s\"\n");
    assertError(
        "gflowd.toml:2: scheduler.kill_grace (2h) must be in 0s..1h",
        "[scheduler]\nkill_grace = \"2h\"\n");
  }

  @Test
  void parse_gpuForms_giveSetting() throws ConfigException {
    assertEquals(GpuSetting.auto(), gpus("\"auto\""));
    assertEquals(GpuSetting.none(), gpus("\"none\""));
    assertEquals(GpuSetting.none(), gpus("[]"));
    assertEquals(new GpuSetting(GpuSetting.Mode.LIST, List.of(0, 1, 3)), gpus("[0, 1, 3]"));
    assertEquals("[0, 1, 3]", gpus("[0, 1, 3]").toString());
  }

  @Test
  void parse_badGpus_nameKeyAndLine() {
    assertError(
        "gflowd.toml:2: scheduler.gpus expected \"auto\", \"none\" or a list",
        "[scheduler]\ngpus = \"all\"\n");
    assertError("gflowd.toml:2: scheduler.gpus GPU index -1 must be", "[scheduler]\ngpus = [-1]\n");
    assertError(
        "gflowd.toml:2: scheduler.gpus GPU index \"0\" must be", "[scheduler]\ngpus = [\"0\"]\n");
    assertError(
        "gflowd.toml:2: scheduler.gpus index 1 is listed twice", "[scheduler]\ngpus = [1, 1]\n");
  }

  @Test
  void checkFilePermissions_worldWritable_refuses() throws IOException {
    Path file = write("");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
    ConfigException error =
        assertThrows(ConfigException.class, () -> ConfigLoader.checkFilePermissions(file, 0));
    assertTrue(error.getMessage().contains("world-writable (mode 0666)"), error.getMessage());
    assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
  }

  @Test
  void checkFilePermissions_groupWritable_refuses() throws IOException {
    Path file = write("");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
    assertThrows(ConfigException.class, () -> ConfigLoader.checkFilePermissions(file, 0));
  }

  @Test
  void checkFilePermissions_rootOwnedFile_acceptedByAnyDaemon() throws Exception {
    assumeTrue(ProcessIdentity.uid() == 0, "needs root: only root creates a root-owned file");
    Path file = write("");
    assertEquals(0L, ownerOf(file));
    ConfigLoader.checkFilePermissions(file, 0);
    ConfigLoader.checkFilePermissions(file, 1234);
  }

  @Test
  void checkFilePermissions_fileOwnedByOtherUser_refusedUnlessDaemonIsThatUser() throws Exception {
    assumeTrue(ProcessIdentity.uid() == 0, "needs root: chown to another uid");
    Path file = write("");
    Files.setAttribute(file, "unix:uid", 1234);
    ConfigException rootDaemon =
        assertThrows(ConfigException.class, () -> ConfigLoader.checkFilePermissions(file, 0));
    assertTrue(rootDaemon.getMessage().contains("only trusts a root-owned config"));
    ConfigException otherDaemon =
        assertThrows(ConfigException.class, () -> ConfigLoader.checkFilePermissions(file, 999));
    assertTrue(otherDaemon.getMessage().contains("not by root or the daemon's user"));
    ConfigLoader.checkFilePermissions(file, 1234);
  }

  @Test
  void checkFilePermissions_directory_refuses() {
    assertThrows(ConfigException.class, () -> ConfigLoader.checkFilePermissions(dir, 0));
  }

  private Path write(String text) throws IOException {
    Path file = dir.resolve("gflowd.toml");
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    return file;
  }

  private static long ownerOf(Path file) throws IOException {
    return ((Integer) Files.getAttribute(file, "unix:uid")) & 0xFFFFFFFFL;
  }

  private static DaemonConfig parse(String text) throws ConfigException {
    return ConfigLoader.parse(text, "gflowd.toml");
  }

  private static Limits limits(String line) throws ConfigException {
    return parse("[limits]\n" + line + "\n").limits();
  }

  private static GpuSetting gpus(String value) throws ConfigException {
    return parse("[scheduler]\ngpus = " + value + "\n").scheduler().gpus();
  }

  private static void assertError(String expectedStart, String text) {
    ConfigException error = assertThrows(ConfigException.class, () -> parse(text));
    assertTrue(
        error.getMessage().startsWith(expectedStart),
        () ->
            "expected message starting with <"
                + expectedStart
                + "> but was <"
                + error.getMessage()
                + ">");
  }
}
