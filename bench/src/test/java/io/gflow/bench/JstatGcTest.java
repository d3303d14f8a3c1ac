package io.gflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JstatGcTest {
  @Test
  void usedKilobytes_sumsSurvivorEdenAndOld() {
    String output =
        " S0C    S1C    S0U    S1U      EC       EU        OC         OU       MC     MU    "
            + "CCSC   CCSU   YGC     YGCT    FGC    FGCT     CGC    CGCT     GCT   \n"
            + " 0.0   2048.0  0.0   1024.5  30720.0   2048.0   32768.0    10240.0  25600.0 "
            + "25000.1 3072.0 2800.0      5    0.020   1      0.030     2    0.001    0.051\n";

    assertEquals(13312.5, JstatGc.usedKilobytes(output), 1e-9);
  }

  @Test
  void usedKilobytes_withoutValues_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> JstatGc.usedKilobytes("S0U S1U EU OU\n"));
  }

  @Test
  void usedKilobytes_missingColumn_isRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> JstatGc.usedKilobytes("S0U S1U EU\n1 2 3\n"));
  }
}
