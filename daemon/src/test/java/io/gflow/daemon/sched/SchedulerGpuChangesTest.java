package io.gflow.daemon.sched;

import static io.gflow.daemon.sched.TestJobs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gflow.protocol.job.JobState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Changing the allowed GPUs at run time, and GPUs taken by processes the queue did not start. */
class SchedulerGpuChangesTest {
  private final SchedulerFixture fixture =
      new SchedulerFixture(Resources.of(8, List.of(0, 1, 2, 3)));

  @Test
  void changeResources_fewerGpus_newJobsGetOnlyAllowedRunningKeepTheirs() {
    fixture.submit(spec().gpus(1).job(1));
    assertEquals(List.of(0), fixture.launcher.gpusOf(1));

    Resources changed =
        fixture.await(
            fixture.scheduler.changeResources(resources -> resources.withAllowedGpus(Set.of(2))));
    fixture.submit(spec().gpus(1).job(2), spec().gpus(1).job(3));

    assertEquals(Set.of(2), changed.allowedGpus());
    assertEquals(JobState.RUNNING, fixture.state(1));
    assertEquals(List.of(0), fixture.job(1).assignedGpus());
    assertEquals(List.of(2), fixture.launcher.gpusOf(2));
    assertEquals(JobState.PENDING, fixture.state(3));
    assertEquals(Reasons.RESOURCES, fixture.reason(3));
    GpuState first = fixture.scheduler.gpus().get(0);
    assertEquals(new GpuState(0, false, true, 1L), first);
  }

  @Test
  void changeResources_moreGpus_startsWaitingJob() {
    fixture.await(
        fixture.scheduler.changeResources(resources -> resources.withAllowedGpus(Set.of())));
    fixture.submit(spec().gpus(1).job(1));
    assertEquals(JobState.PENDING, fixture.state(1));

    fixture.await(
        fixture.scheduler.changeResources(resources -> resources.withAllowedGpus(Set.of(3))));

    assertEquals(List.of(3), fixture.launcher.gpusOf(1));
  }

  @Test
  void foreignGpus_newJobsAvoidThem() {
    fixture.await(
        fixture.scheduler.foreignGpus(
            Map.of(
                0, List.of(new GpuProcess("GPU-a", 4242, 100)),
                1, List.of(new GpuProcess("GPU-b", 4343, 100)))));

    fixture.submit(spec().gpus(1).job(1), spec().gpus(1).job(2), spec().gpus(1).job(3));

    assertEquals(List.of(2), fixture.launcher.gpusOf(1));
    assertEquals(List.of(3), fixture.launcher.gpusOf(2));
    assertEquals(JobState.PENDING, fixture.state(3));
    // Still allowed: the admin's setting is unchanged; only the pass avoids them.
    assertEquals(true, fixture.scheduler.gpus().get(0).allowed());
  }

  @Test
  void foreignGpus_gone_gpuUsableAgain() {
    fixture.await(
        fixture.scheduler.changeResources(resources -> resources.withAllowedGpus(Set.of(1))));
    fixture.await(
        fixture.scheduler.foreignGpus(Map.of(1, List.of(new GpuProcess("GPU-b", 4343, 100)))));
    fixture.submit(spec().gpus(1).job(1));
    assertEquals(JobState.PENDING, fixture.state(1));

    fixture.await(fixture.scheduler.foreignGpus(Map.of()));

    assertEquals(List.of(1), fixture.launcher.gpusOf(1));
  }
}
