package io.gflow.cli.ctl;

import io.gflow.protocol.SafeText;
import io.gflow.protocol.control.InfoResult;
import io.gflow.protocol.control.ReloadResult;
import io.gflow.protocol.control.WhoamiResult;
import java.util.stream.Collectors;

/** Pure formatting of gctl results for people. Stateless. */
final class CtlFormat {
  private CtlFormat() {}

  static String whoami(WhoamiResult who) {
    return SafeText.escape(who.user())
        + " uid="
        + who.uid()
        + " gid="
        + who.gid()
        + " groups="
        + who.groups().stream().map(String::valueOf).collect(Collectors.joining(","))
        + " role="
        + who.role().wireName();
  }

  static String status(InfoResult info) {
    return "gflowd "
        + SafeText.escape(info.version())
        + " running: pid "
        + info.pid()
        + ", mode "
        + SafeText.escape(info.mode())
        + ", socket "
        + SafeText.escape(info.socket(), 500)
        + ", up "
        + info.uptimeSeconds()
        + " s, "
        + info.counts().getOrDefault("connections", 0L)
        + " open connection(s)";
  }

  static String reload(ReloadResult result) {
    String reloaded =
        result.config() == null
            ? "gflowd: config reloaded (no config file; defaults apply)"
            : "gflowd: config reloaded from " + SafeText.escape(result.config(), 500);
    if (result.restartRequired().isEmpty()) {
      return reloaded;
    }
    return reloaded
        + "\ngflowd: changed, but applied only when the daemon restarts: "
        + SafeText.escape(String.join(", ", result.restartRequired()), 2000)
        + " (restart it: systemctl restart gflowd, or gflowd stop && gflowd start)";
  }
}
