package io.gflow.protocol.client;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which server users a client will talk to: root, itself, and optionally the user named by {@code
 * GFLOW_SERVER_USER} (SPEC §4). Immutable and thread-safe.
 */
public final class ServerTrust {
  private final List<UserPrincipal> trusted;
  private final String description;

  private ServerTrust(List<UserPrincipal> trusted, String description) {
    this.trusted = List.copyOf(trusted);
    this.description = description;
  }

  /** Trusts root, the uid {@code selfUid}, and {@code serverUser} (a name or uid) when not null. */
  public static ServerTrust of(long selfUid, String serverUser) throws IOException {
    UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
    List<UserPrincipal> trusted = new ArrayList<>();
    trusted.add(lookup.lookupPrincipalByName("0"));
    trusted.add(lookup.lookupPrincipalByName(Long.toString(selfUid)));
    String description = "root";
    if (serverUser != null && !serverUser.isBlank()) {
      try {
        trusted.add(lookup.lookupPrincipalByName(serverUser));
        description = "root or " + serverUser;
      } catch (UserPrincipalNotFoundException unknown) {
        throw new DaemonUnreachableException(
            "GFLOW_SERVER_USER names no user: '" + serverUser + "' (unset it or fix the name)");
      }
    }
    return new ServerTrust(trusted, description);
  }

  boolean trusts(UserPrincipal server) {
    return trusted.contains(server);
  }

  /** The refusal shown when the server at {@code socket} runs as {@code server}. */
  String refusal(Path socket, UserPrincipal server) {
    String who = server.getName();
    try {
      if (server.equals(Files.getOwner(socket))) {
        who = "uid " + Files.getAttribute(socket, "unix:uid") + " (" + server.getName() + ")";
      }
    } catch (IOException | UnsupportedOperationException ignored) {
      // The name alone still identifies the server.
    }
    return "refusing to talk to "
        + socket
        + ": it is served by "
        + who
        + ", not "
        + description
        + " (set GFLOW_SERVER_USER if you trust it)";
  }
}
