package io.gflow.daemon.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gflow.protocol.SafeText;
import io.gflow.protocol.Utf8;
import io.gflow.protocol.client.ProcessIdentity;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

/**
 * Reads gflowd.toml (SPEC §11) into a {@link DaemonConfig}: every key optional, unknown keys, wrong
 * types and bad values refused with the file, line and key in the message, and a file that others
 * could have written refused outright. Stateless and thread-safe.
 */
public final class ConfigLoader {
  private static final long MAX_FILE_BYTES = 1024 * 1024;
  private static final Set<String> TOP_LEVEL_KEYS =
      Set.of(
          "socket",
          "state_dir",
          "admin_users",
          "admin_groups",
          "operator_users",
          "operator_groups",
          "allowed_groups",
          "private_data",
          "allow_root_jobs",
          "allow_nobody",
          "limits",
          "scheduler",
          "audit");
  private static final Set<String> LIMITS_KEYS =
      Set.of(
          "max_connections",
          "max_connections_per_uid",
          "idle_timeout",
          "request_timeout",
          "write_timeout",
          "max_frame_bytes");
  private static final Set<String> SCHEDULER_KEYS =
      Set.of("slots", "gpus", "nvidia_smi", "kill_grace", "retention", "gpu_poll");
  private static final Set<String> AUDIT_KEYS = Set.of("max_bytes", "keep");

  private ConfigLoader() {}

  /**
   * Loads {@code file} as the current process; defaults when {@code file} is null.
   *
   * @throws ConfigException if the file is missing, unsafe, malformed or invalid
   */
  public static DaemonConfig load(Path file) throws ConfigException {
    return load(file, ProcessIdentity.uid());
  }

  /** Like {@link #load(Path)} for a daemon running as {@code daemonUid}. */
  public static DaemonConfig load(Path file, long daemonUid) throws ConfigException {
    if (file == null) {
      return DaemonConfig.defaults();
    }
    checkFilePermissions(file, daemonUid);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ConfigException("cannot read config " + file + ": " + describe(e), e);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new ConfigException("config " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
    }
    String text;
    try {
      text = Utf8.decodeStrict(bytes, 0, bytes.length);
    } catch (CharacterCodingException e) {
      throw new ConfigException("config " + file + " is not valid UTF-8", e);
    }
    return parse(text, file.toString());
  }

  /** Like {@link #load(Path)}, but a file that does not exist gives the defaults. */
  public static DaemonConfig loadOptional(Path file) throws ConfigException {
    return loadOptional(file, ProcessIdentity.uid());
  }

  /** Like {@link #load(Path, long)}, but a file that does not exist gives the defaults. */
  public static DaemonConfig loadOptional(Path file, long daemonUid) throws ConfigException {
    if (file == null || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return DaemonConfig.defaults();
    }
    return load(file, daemonUid);
  }

  /**
   * Parses config text; {@code sourceName} prefixes error messages. Does not look at any file.
   *
   * @throws ConfigException if the text is not valid TOML or not a valid config
   */
  public static DaemonConfig parse(String text, String sourceName) throws ConfigException {
    JsonNode root;
    try {
      root = TomlTree.read(text);
    } catch (JacksonException e) {
      JsonLocation where = e.getLocation();
      String line = where != null && where.getLineNr() > 0 ? where.getLineNr() + ":" : "";
      throw new ConfigException(
          sourceName + ":" + line + " invalid TOML: " + SafeText.escape(e.getOriginalMessage()), e);
    } catch (IOException e) {
      // Not expected from text in memory; named like any other unreadable config.
      throw new ConfigException(sourceName + ": cannot read TOML: " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      return DaemonConfig.defaults();
    }
    if (!root.isObject()) {
      throw new ConfigException(sourceName + ": not a TOML document");
    }
    TomlTable top = new TomlTable(sourceName, new TomlKeyLines(text), (ObjectNode) root, List.of());
    return build(top);
  }

  /**
   * Refuses a config file that someone other than root or the daemon's user could have written:
   * group- or world-writable, owned by another user, or (for a daemon running as root) not owned by
   * root. Symbolic links are followed; the target is checked.
   *
   * @throws ConfigException naming the file, the problem and the fix
   */
  public static void checkFilePermissions(Path file, long daemonUid) throws ConfigException {
    PosixFileAttributes attributes;
    long ownerUid;
    try {
      attributes = Files.readAttributes(file, PosixFileAttributes.class);
      ownerUid = ((Integer) Files.getAttribute(file, "unix:uid")) & 0xFFFFFFFFL;
    } catch (IOException e) {
      throw new ConfigException("cannot read config " + file + ": " + describe(e), e);
    } catch (UnsupportedOperationException e) {
      throw new ConfigException("cannot check owner and mode of config " + file, e);
    }
    if (!attributes.isRegularFile()) {
      throw new ConfigException("config " + file + " is not a regular file");
    }
    Set<PosixFilePermission> permissions = attributes.permissions();
    if (permissions.contains(PosixFilePermission.GROUP_WRITE)
        || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
      throw new ConfigException(
          "refusing config "
              + file
              + ": it is group- or world-writable (mode "
              + modeOf(permissions)
              + "), so others could change who is admin; fix: chmod go-w "
              + file);
    }
    if (daemonUid == 0 && ownerUid != 0) {
      throw new ConfigException(
          "refusing config "
              + file
              + ": it is owned by uid "
              + ownerUid
              + ", but a daemon running as root only trusts a root-owned config; fix: chown root "
              + file);
    }
    if (ownerUid != 0 && ownerUid != daemonUid) {
      throw new ConfigException(
          "refusing config "
              + file
              + ": it is owned by uid "
              + ownerUid
              + ", not by root or the daemon's user (uid "
              + daemonUid
              + ")");
    }
  }

  private static DaemonConfig build(TomlTable top) throws ConfigException {
    top.rejectUnknownKeys(TOP_LEVEL_KEYS);
    DaemonConfig defaults = DaemonConfig.defaults();
    return new DaemonConfig(
        top.path("socket", defaults.socket()),
        top.path("state_dir", defaults.stateDir()),
        top.names("admin_users", defaults.adminUsers()),
        top.names("admin_groups", defaults.adminGroups()),
        top.names("operator_users", defaults.operatorUsers()),
        top.names("operator_groups", defaults.operatorGroups()),
        top.names("allowed_groups", defaults.allowedGroups()),
        top.bool("private_data", defaults.privateData()),
        top.bool("allow_root_jobs", defaults.allowRootJobs()),
        top.bool("allow_nobody", defaults.allowNobody()),
        limits(top.table("limits"), defaults.limits()),
        scheduler(top.table("scheduler"), defaults.scheduler()),
        audit(top.table("audit"), defaults.audit()));
  }

  private static AuditSettings audit(TomlTable table, AuditSettings defaults)
      throws ConfigException {
    table.rejectUnknownKeys(AUDIT_KEYS);
    return new AuditSettings(
        table.integer(
            "max_bytes",
            defaults.maxBytes(),
            AuditSettings.MAX_BYTES_MIN,
            AuditSettings.MAX_BYTES_MAX),
        table.integer("keep", defaults.keep(), AuditSettings.KEEP_MIN, AuditSettings.KEEP_MAX));
  }

  private static Limits limits(TomlTable table, Limits defaults) throws ConfigException {
    table.rejectUnknownKeys(LIMITS_KEYS);
    int maxConnections =
        table.integer(
            "max_connections", defaults.maxConnections(), 1, Limits.MAX_CONNECTIONS_LIMIT);
    int perUid =
        table.integer(
            "max_connections_per_uid",
            Math.min(defaults.maxConnectionsPerUid(), maxConnections),
            1,
            Limits.MAX_CONNECTIONS_LIMIT);
    if (perUid > maxConnections) {
      throw table.error(
          "max_connections_per_uid",
          "(" + perUid + ") must not exceed max_connections (" + maxConnections + ")");
    }
    return new Limits(
        maxConnections,
        perUid,
        table.duration(
            "idle_timeout",
            defaults.idleTimeout(),
            Limits.IDLE_TIMEOUT_MIN,
            Limits.IDLE_TIMEOUT_MAX),
        table.duration(
            "request_timeout",
            defaults.requestTimeout(),
            Limits.IO_TIMEOUT_MIN,
            Limits.IO_TIMEOUT_MAX),
        table.duration(
            "write_timeout", defaults.writeTimeout(), Limits.IO_TIMEOUT_MIN, Limits.IO_TIMEOUT_MAX),
        table.integer(
            "max_frame_bytes",
            defaults.maxFrameBytes(),
            Limits.MAX_FRAME_BYTES_MIN,
            Limits.MAX_FRAME_BYTES_MAX));
  }

  private static SchedulerSettings scheduler(TomlTable table, SchedulerSettings defaults)
      throws ConfigException {
    table.rejectUnknownKeys(SCHEDULER_KEYS);
    int slots = table.integer("slots", defaults.slots(), 0, SchedulerSettings.MAX_SLOTS);
    GpuSetting gpus = table.gpus("gpus", defaults.gpus());
    String nvidiaSmi = table.text("nvidia_smi", defaults.nvidiaSmi());
    if (nvidiaSmi.isEmpty()
        || nvidiaSmi.length() > SchedulerSettings.MAX_COMMAND_CHARS
        || nvidiaSmi.chars().anyMatch(Character::isISOControl)) {
      throw table.error("nvidia_smi", "must be a command name or path");
    }
    return new SchedulerSettings(
        slots,
        gpus,
        nvidiaSmi,
        table.duration(
            "kill_grace",
            defaults.killGrace(),
            java.time.Duration.ZERO,
            SchedulerSettings.KILL_GRACE_MAX),
        table.duration(
            "retention",
            defaults.retention(),
            SchedulerSettings.RETENTION_MIN,
            SchedulerSettings.RETENTION_MAX),
        table.duration(
            "gpu_poll",
            defaults.gpuPoll(),
            SchedulerSettings.GPU_POLL_MIN,
            SchedulerSettings.GPU_POLL_MAX));
  }

  private static String modeOf(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission permission : permissions) {
      mode |= 1 << (8 - permission.ordinal());
    }
    return String.format("%04o", mode);
  }

  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
