package io.gflow.daemon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StartOnlyKeysTest {
  private static DaemonConfig parse(String text) throws ConfigException {
    return ConfigLoader.parse(text, "gflowd.toml");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "|socket = '/tmp/other.sock'|socket",
        "|state_dir = '/tmp/other-state'|state_dir",
        "scheduler|slots = 7|scheduler.slots",
        "scheduler|gpus = [0, 1]|scheduler.gpus",
        "scheduler|nvidia_smi = '/opt/nvidia-smi'|scheduler.nvidia_smi",
        "scheduler|kill_grace = '3s'|scheduler.kill_grace",
        "scheduler|retention = '2d'|scheduler.retention",
        "scheduler|gpu_poll = '5s'|scheduler.gpu_poll",
        "audit|max_bytes = 4096|audit.max_bytes",
        "audit|keep = 2|audit.keep"
      })
  void changed_oneStartOnlyKey_namesIt(String table, String line, String key) throws Exception {
    String toml = table == null ? line : "[" + table + "]\n" + line;

    assertEquals(List.of(key), StartOnlyKeys.changed(parse(""), parse(toml + "\n")));
  }

  @Test
  void changed_keysAppliedAtReload_areNotNamed() throws Exception {
    DaemonConfig next =
        parse(
            "private_data = false\nallow_root_jobs = true\nadmin_users = [\"alice\"]\n"
                + "allowed_groups = [\"lab\"]\n[limits]\nmax_connections = 10\n");

    assertEquals(List.of(), StartOnlyKeys.changed(parse(""), next));
  }

  @Test
  void changed_sameValuesWrittenOut_nothing() throws Exception {
    DaemonConfig explicit = parse("[scheduler]\nslots = 0\n[audit]\nkeep = 5\n");

    assertEquals(List.of(), StartOnlyKeys.changed(parse(""), explicit));
  }

  @Test
  void changed_severalKeys_inDocumentedOrder() throws Exception {
    DaemonConfig next =
        parse("socket = \"/tmp/x.sock\"\n[audit]\nkeep = 2\n[scheduler]\nslots = 3\n");

    assertEquals(
        List.of("socket", "scheduler.slots", "audit.keep"), StartOnlyKeys.changed(parse(""), next));
  }
}
