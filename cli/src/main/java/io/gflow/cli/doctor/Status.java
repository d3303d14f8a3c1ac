package io.gflow.cli.doctor;

/** How one doctor check came out. Thread-safe enum. */
enum Status {
  /** Nothing to do. */
  OK("ok"),
  /** Works, but something is worth a look (no nvidia-smi, version skew). */
  WARN("warn"),
  /** Broken or unsafe: {@code gctl doctor} exits 1. */
  FAIL("fail");

  private final String wireName;

  Status(String wireName) {
    this.wireName = wireName;
  }

  String wireName() {
    return wireName;
  }
}
