package io.gflow.daemon.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gflow.daemon.job.Job;
import io.gflow.daemon.sched.TestJobs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventLogTest {
  private final EventLog log = new EventLog(Clock.systemUTC());

  private static List<Job> jobs(long... ids) {
    List<Job> jobs = new ArrayList<>();
    for (long id : ids) {
      jobs.add(TestJobs.spec().job(id));
    }
    return jobs;
  }

  @Test
  void since_namesTheJobsOfLaterEventsOnly() {
    log.append(jobs(1, 2));
    long seq = log.lastSeq();
    log.append(jobs(3, 2));
    log.append(jobs(4));

    EventLog.Since since = log.since(seq);

    assertEquals(Set.of(2L, 3L, 4L), since.ids());
    assertEquals(5, since.lastSeq());
  }

  @Test
  void after_laterVisibleEventsOldestFirst_atMostMax() throws Exception {
    log.append(jobs(1, 2, 3, 4, 5, 6));

    List<Long> ids =
        log.after(2, event -> event.id() != 4, 2, 0).stream().map(event -> event.id()).toList();

    assertEquals(List.of(3L, 5L), ids);
  }

  @Test
  void since_nothingNew_noIds() {
    log.append(jobs(1));

    assertEquals(new EventLog.Since(1, Set.of()), log.since(1));
  }

  @Test
  void since_eventsNoLongerKept_unknown() {
    log.append(jobs(1));
    long seq = log.lastSeq();
    List<Job> many = new ArrayList<>();
    for (long id = 10; id < 10 + EventLog.CAPACITY; id++) {
      many.add(TestJobs.spec().job(id));
    }
    log.append(many);
    assertEquals(EventLog.CAPACITY, log.since(seq).ids().size(), "events 2 and later are all kept");
    log.append(jobs(5));

    assertNull(log.since(seq).ids(), "event 2 was dropped: any job may have changed");
    assertEquals(Set.of(5L), log.since(log.lastSeq() - 1).ids());
  }
}
