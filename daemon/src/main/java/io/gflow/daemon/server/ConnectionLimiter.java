package io.gflow.daemon.server;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts open connections globally and per uid, and admits a new one only under both caps (SPEC
 * §4). Thread-safe; one lock guards both counts.
 */
final class ConnectionLimiter {
  /** Why a connection was not admitted. */
  enum Admission {
    ADMITTED,
    GLOBAL_CAP,
    UID_CAP
  }

  private final Object lock = new Object();
  // guarded by lock
  private final Map<Long, Integer> perUid = new HashMap<>();
  // guarded by lock
  private int total;

  Admission tryAdmit(long uid, int maxTotal, int maxPerUid) {
    synchronized (lock) {
      if (total >= maxTotal) {
        return Admission.GLOBAL_CAP;
      }
      int current = perUid.getOrDefault(uid, 0);
      if (current >= maxPerUid) {
        return Admission.UID_CAP;
      }
      perUid.put(uid, current + 1);
      total++;
      return Admission.ADMITTED;
    }
  }

  void release(long uid) {
    synchronized (lock) {
      int current = perUid.getOrDefault(uid, 0);
      if (current <= 1) {
        perUid.remove(uid);
      } else {
        perUid.put(uid, current - 1);
      }
      total--;
    }
  }

  /** Open connections per uid, a copy. */
  Map<Long, Integer> openPerUid() {
    synchronized (lock) {
      return new HashMap<>(perUid);
    }
  }

  int open() {
    synchronized (lock) {
      return total;
    }
  }
}
