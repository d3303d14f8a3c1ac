package io.gflow.daemon.socket;

import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * How {@link SocketGuard} creates a missing socket directory: the mode depends on who may connect
 * (SPEC §2). Immutable and thread-safe.
 *
 * <p>junixsocket makes the socket itself 0666, so the directory's mode is the access control. An
 * existing directory is never chmod-ed; it is only checked for safety.
 */
public enum DirPolicy {
  /** A personal daemon: only the owner may reach the socket, so the directory is 0700. */
  PERSONAL("rwx------"),
  /**
   * The system daemon: everyone may reach the socket, so the directory is 0755. An admin who wants
   * one group only creates the directory 0750 with that group beforehand.
   */
  SYSTEM("rwxr-xr-x");

  private final Set<PosixFilePermission> permissions;

  DirPolicy(String permissions) {
    this.permissions = Set.copyOf(PosixFilePermissions.fromString(permissions));
  }

  /** The permissions a newly created socket directory gets, set explicitly (not via umask). */
  public Set<PosixFilePermission> directoryPermissions() {
    return permissions;
  }
}
