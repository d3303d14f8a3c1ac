package io.gflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PercentilesTest {
  @Test
  void at_tenSamples_usesNearestRank() {
    Percentiles percentiles = Percentiles.of(new long[] {10, 1, 9, 2, 8, 3, 7, 4, 6, 5});

    assertEquals(1, percentiles.at(0));
    assertEquals(1, percentiles.at(10));
    assertEquals(5, percentiles.at(50));
    assertEquals(6, percentiles.at(51));
    assertEquals(9, percentiles.at(90));
    assertEquals(10, percentiles.at(99));
    assertEquals(10, percentiles.at(100));
  }

  @Test
  void at_hundredSamples_p99IsTheNinetyNinthSmallest() {
    long[] samples = new long[100];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = 100 - i;
    }

    Percentiles percentiles = Percentiles.of(samples);

    assertEquals(50, percentiles.median());
    assertEquals(99, percentiles.at(99));
    assertEquals(100, percentiles.count());
  }

  @Test
  void at_oneSample_isThatSampleEverywhere() {
    Percentiles percentiles = Percentiles.of(new long[] {42});

    assertEquals(42, percentiles.at(0));
    assertEquals(42, percentiles.at(50));
    assertEquals(42, percentiles.at(100));
  }

  @Test
  void of_doesNotReorderTheCallersArray() {
    long[] samples = {3, 1, 2};

    Percentiles.of(samples);

    assertEquals(3, samples[0]);
  }

  @Test
  void millisAndMicros_convertNanoseconds() {
    Percentiles percentiles = Percentiles.of(new long[] {2_500_000});

    assertEquals(2.5, percentiles.millisAt(50));
    assertEquals(2500, percentiles.microsAt(50));
  }

  @Test
  void of_noSamples_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> Percentiles.of(new long[0]));
  }

  @Test
  void at_outOfRange_isRefused() {
    Percentiles percentiles = Percentiles.of(new long[] {1});

    assertThrows(IllegalArgumentException.class, () -> percentiles.at(-1));
    assertThrows(IllegalArgumentException.class, () -> percentiles.at(100.5));
    assertThrows(IllegalArgumentException.class, () -> percentiles.at(Double.NaN));
  }
}
