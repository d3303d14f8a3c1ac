package io.gflow.cli.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.cli.CliRunner;
import io.gflow.daemon.DaemonExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ginfo against a real CPU-only daemon. */
@Timeout(60)
class GinfoIT {
  @RegisterExtension
  final DaemonExtension daemon = DaemonExtension.withConfig("[scheduler]\ngpus = \"none\"\n");

  @Test
  void cpuOnly_saysSo() {
    CliRunner.Run run = new CliRunner(daemon.socket()).run(new GinfoCommand());
    assertEquals(0, run.exitCode(), run.both());
    assertEquals("no GPUs: CPU-only queue\n", run.stdout());
  }

  @Test
  void json_emptyGpuList() {
    CliRunner.Run run = new CliRunner(daemon.socket()).run(new GinfoCommand(), "--json");
    assertEquals("{\"gpus\":[]}\n", run.stdout(), run.both());
  }

  @Test
  void noDaemon_exit3() throws Exception {
    daemon.stop();
    CliRunner.Run run = new CliRunner(daemon.socket()).run(new GinfoCommand());
    assertEquals(3, run.exitCode());
    assertTrue(run.stderr().startsWith("ginfo: cannot reach gflowd"), run.stderr());
    daemon.start();
  }
}
