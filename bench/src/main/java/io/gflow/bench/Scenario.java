package io.gflow.bench;

import java.io.IOException;

/** One group of figures that shares a daemon set-up. Implementations are stateless. */
interface Scenario {
  /** The name {@code --only} selects it by. */
  String name();

  /** Measures and reports its figures through {@link BenchContext#report}. */
  void run(BenchContext context) throws IOException;
}
