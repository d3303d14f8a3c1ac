package io.gflow.protocol;

/** What a caller may do (SPEC §3), from least to most. Thread-safe enum. */
public enum Role {
  USER("user"),
  OPERATOR("operator"),
  ADMIN("admin");

  private final String wireName;

  Role(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public boolean atLeast(Role other) {
    return compareTo(other) >= 0;
  }

  public static Role fromWire(String name) {
    for (Role role : values()) {
      if (role.wireName.equals(name)) {
        return role;
      }
    }
    throw RpcException.invalidParams("unknown role '" + SafeText.escape(name) + "'");
  }
}
