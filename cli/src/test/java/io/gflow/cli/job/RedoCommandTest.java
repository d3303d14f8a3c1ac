package io.gflow.cli.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gflow.cli.TestJobs;
import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.job.SubmitRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedoCommandTest {
  @Test
  void copy_ownJob_sameCommandCwdEnvResources() {
    SubmitRequest again = RedoCommand.copy(TestJobs.failed(41), Map.of("X", "fallback"));
    assertEquals(List.of("python", "train.py", "--lr", "0.1"), again.command());
    assertEquals("/home/alice", again.cwd());
    assertEquals(Map.of("PATH", "/usr/bin"), again.env());
    assertEquals(1, again.gpus());
    assertEquals(50, again.priority());
    assertEquals(3600L, again.timeLimitSeconds());
    assertEquals("train", again.name());
    assertNull(again.output());
    assertNull(again.begin());
    assertFalse(again.hold());
  }

  @Test
  void copy_redacted_forbidden() {
    RpcException denied =
        assertThrows(
            RpcException.class, () -> RedoCommand.copy(TestJobs.failed(41).redact(), Map.of()));
    assertEquals(ErrorCode.FORBIDDEN, denied.code());
  }
}
