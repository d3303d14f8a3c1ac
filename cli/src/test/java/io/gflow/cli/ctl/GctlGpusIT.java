package io.gflow.cli.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.cli.CliRunner;
import io.gflow.cli.info.GinfoCommand;
import io.gflow.cli.job.GjobCommand;
import io.gflow.daemon.DaemonExtension;
import io.gflow.daemon.FakeNvidiaSmi;
import io.gflow.protocol.job.GpuInfo;
import io.gflow.protocol.job.GpusResult;
import io.gflow.protocol.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * gctl set-gpus / show-gpus and ginfo against a daemon whose nvidia-smi is a fake with 4 GPUs:
 * which GPUs jobs get, foreign processes, persistence across a restart, errors and exit codes.
 */
@Timeout(120)
class GctlGpusIT {
  private final FakeNvidiaSmi smi = FakeNvidiaSmi.withGpus(4);

  @RegisterExtension
  final DaemonExtension daemon =
      DaemonExtension.withConfig("allow_root_jobs = true\n" + smi.schedulerConfig("200ms"));

  @TempDir Path dir;
  private CliRunner cli;
  private final List<Process> foreign = new ArrayList<>();

  @BeforeEach
  void runner() {
    cli = new CliRunner(daemon.socket());
  }

  @AfterEach
  void cleanUp() throws Exception {
    for (Process process : foreign) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    smi.close();
  }

  private CliRunner.Run gctl(String... args) {
    return cli.runSub(
        new GctlCommand(), args[0], List.of(args).subList(1, args.length).toArray(String[]::new));
  }

  private GpusResult gpus() throws Exception {
    CliRunner.Run run = cli.run(new GinfoCommand(), "--json");
    assertEquals(0, run.exitCode(), run.both());
    return GpusResult.fromJson(Json.parse(run.stdout().trim()));
  }

  private GpuInfo row(int index) throws Exception {
    return gpus().gpus().get(index);
  }

  /**
   * Runs {@code count} one-GPU jobs that print their CUDA_VISIBLE_DEVICES; returns what each got.
   */
  private Set<String> devicesOfJobs(int count) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(cli.submit(dir, "-g", "1", "--wrap", "echo \"$CUDA_VISIBLE_DEVICES\"; sleep 0.3"));
    }
    Set<String> devices = new HashSet<>();
    for (String id : ids) {
      CliRunner.Run done = cli.runSub(new GjobCommand(), "wait", id, "--timeout", "60");
      assertEquals(0, done.exitCode(), done.both());
      devices.add(Files.readString(dir.resolve(id + ".out")).trim());
    }
    return devices;
  }

  private void awaitRow(int index, Predicate<GpuInfo> condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.test(row(index))) {
      assertTrue(System.nanoTime() < deadline, "GPU " + index + " never matched: " + row(index));
      Thread.sleep(50);
    }
  }

  @Test
  void setGpus_zeroAndTwo_jobsGetOnlyThoseAndOthersSayNotAllowed() throws Exception {
    CliRunner.Run set = gctl("set-gpus", "0,2");

    assertEquals(0, set.exitCode(), set.both());
    String[] lines = set.stdout().split("\n");
    assertEquals(5, lines.length, set.stdout());
    assertTrue(lines[1].matches("0 +NVIDIA A100-SXM4-40GB +40 GiB +yes +no +- +-"), lines[1]);
    assertTrue(lines[2].matches("1 .* +no +no +- +not allowed \\(gctl set-gpus\\)"), lines[2]);
    assertTrue(lines[4].matches("3 .* +no +no +- +not allowed \\(gctl set-gpus\\)"), lines[4]);
    Set<String> devices = devicesOfJobs(4);
    assertTrue(Set.of("0", "2").containsAll(devices), "jobs got " + devices);
    CliRunner.Run ginfo = cli.run(new GinfoCommand());
    assertTrue(ginfo.stdout().contains("not allowed (gctl set-gpus)"), ginfo.stdout());
  }

  @Test
  void foreignProcess_gpuOneUnavailableEvenWhenAllAllowed() throws Exception {
    Process intruder = new ProcessBuilder("sleep", "300").start();
    foreign.add(intruder);
    smi.computeApps(Map.of(intruder.pid(), 1));
    String reason =
        "foreign process pid "
            + intruder.pid()
            + " ("
            + System.getProperty("user.name")
            + ") not started by gflow";

    awaitRow(1, gpu -> reason.equals(gpu.reason()));
    CliRunner.Run ginfo = cli.run(new GinfoCommand());
    assertEquals(0, ginfo.exitCode(), ginfo.both());
    assertTrue(
        ginfo.stdout().split("\n")[2].matches("1 .* +yes +yes +- +" + Pattern.quote(reason)),
        ginfo.stdout());
    assertEquals(0, gctl("set-gpus", "all").exitCode());

    Set<String> devices = devicesOfJobs(4);

    assertFalse(devices.contains("1"), "jobs got " + devices);
    assertTrue(row(1).allowed());
  }

  @Test
  void jobsOwnGpuProcess_notForeign() throws Exception {
    Path apps = smi.path().resolveSibling("apps.csv");
    String id =
        cli.submit(
            dir,
            "-g",
            "1",
            "--wrap",
            "printf 'GPU-fa4e0000-0000-4000-8000-%012d, %d, 10 MiB\\n' \"$CUDA_VISIBLE_DEVICES\" $$ > "
                + apps
                + "; sleep 30");
    awaitRow(0, gpu -> gpu.job() != null);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (Files.size(apps) == 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(Files.size(apps) > 0, "the job never listed itself");
    Thread.sleep(1000); // several probes

    GpuInfo gpu = row(0);
    assertEquals("in use by job " + id, gpu.reason(), gpu.toString());
    assertEquals(0, cli.run(new io.gflow.cli.cancel.GcancelCommand(), id).exitCode());
  }

  @Test
  void setGpus_survivesRestart() throws Exception {
    assertEquals(0, gctl("set-gpus", "0-1,3").exitCode());

    daemon.stop();
    daemon.start();

    CliRunner.Run show = gctl("show-gpus");
    assertEquals(0, show.exitCode(), show.both());
    assertTrue(show.stdout().split("\n")[3].contains("not allowed (gctl set-gpus)"), show.stdout());
    assertEquals(List.of(true, true, false, true), allowed());
    assertEquals(0, gctl("set-gpus", "all").exitCode());
    daemon.stop();
    daemon.start();
    assertEquals(List.of(true, true, true, true), allowed());
  }

  private List<Boolean> allowed() throws Exception {
    return gpus().gpus().stream().map(GpuInfo::allowed).toList();
  }

  @Test
  void setGpus_unknownIndex_exit2NamesItAndGpusPresent() throws Exception {
    CliRunner.Run run = gctl("set-gpus", "1,7");

    assertEquals(2, run.exitCode(), run.both());
    assertTrue(
        run.stderr()
            .startsWith("gctl: admin.setGpus: no GPU 7 on this host; GPUs present: 0, 1, 2, 3\n"),
        run.stderr());
    assertTrue(run.stderr().contains("gctl: hint: gctl show-gpus lists them"), run.stderr());
    assertEquals(List.of(true, true, true, true), allowed());
  }

  @Test
  void setGpus_badSpec_usageExit2() {
    CliRunner.Run run = gctl("set-gpus", "0;2");

    assertEquals(2, run.exitCode(), run.both());
    assertTrue(run.stderr().contains("'0;2' is not a GPU list"), run.stderr());
  }

  @Test
  void showGpus_json_printsWireRecord() throws Exception {
    CliRunner.Run run = gctl("show-gpus", "--json");

    assertEquals(0, run.exitCode(), run.both());
    GpusResult result = GpusResult.fromJson(Json.parse(run.stdout().trim()));
    assertEquals(4, result.gpus().size());
    assertEquals(FakeNvidiaSmi.uuid(2), result.gpus().get(2).uuid());
  }

  @Test
  void setGpus_json_printsResultingTable() throws Exception {
    CliRunner.Run run = gctl("set-gpus", "none", "--json");

    assertEquals(0, run.exitCode(), run.both());
    GpusResult result = GpusResult.fromJson(Json.parse(run.stdout().trim()));
    assertTrue(result.gpus().stream().noneMatch(GpuInfo::allowed), run.stdout());
  }
}
