package io.gflow.cli.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gflow.cli.TestJobs;
import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.job.JobInfo;
import io.gflow.protocol.job.ListResult;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.rpc.Response;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableListingTest {
  private static final List<JobInfo> JOBS =
      List.of(TestJobs.pending(1), TestJobs.failed(2).redact(), TestJobs.killed(3));

  private static byte[] frame(long id, List<JobInfo> jobs, Long next) {
    return Json.write(
            Response.success(JsonNumber.of(id), new ListResult(jobs, next).toJson()).toJson())
        .getBytes(StandardCharsets.UTF_8);
  }

  private static TableListing listing() {
    return new TableListing(QueueView.LONG, TestJobs.SUBMIT.plusSeconds(900), ZoneOffset.UTC);
  }

  @Test
  void pages_sameTableAsFromTheRecords() {
    TableListing table = listing();
    assertEquals(3L, table.page(frame(1, JOBS.subList(0, 2), 3L), 1));
    assertNull(table.page(frame(2, JOBS.subList(2, 3), null), 2));
    String expected =
        RecordTable.of(
            QueueView.LONG, JOBS, TestJobs.SUBMIT.plusSeconds(900), ZoneOffset.UTC, false);
    assertEquals(expected, table.render(false));
  }

  @Test
  void otherLayout_decodedStrictlyToTheSameTable() {
    TableListing table = listing();
    byte[] spaced =
        new String(frame(1, JOBS, null), StandardCharsets.UTF_8)
            .replace("\"jobs\":[", "\"jobs\": [")
            .getBytes(StandardCharsets.UTF_8);
    assertNull(table.page(spaced, 1));
    assertEquals(
        RecordTable.of(
            QueueView.LONG, JOBS, TestJobs.SUBMIT.plusSeconds(900), ZoneOffset.UTC, true),
        table.render(true));
  }

  @Test
  void badJobOrJson_refused() {
    byte[] unknown =
        new String(frame(1, JOBS, null), StandardCharsets.UTF_8)
            .replaceFirst("\"id\":1,", "\"id\":1,\"bogus\":2,")
            .getBytes(StandardCharsets.UTF_8);
    RpcException bad = assertThrows(RpcException.class, () -> listing().page(unknown, 1));
    assertEquals(ErrorCode.INVALID_PARAMS, bad.code());
    byte[] broken =
        new String(frame(1, JOBS, null), StandardCharsets.UTF_8)
            .replaceFirst("\"uid\":1000,", "\"uid\":1000,,")
            .getBytes(StandardCharsets.UTF_8);
    RpcException invalid = assertThrows(RpcException.class, () -> listing().page(broken, 1));
    assertEquals(ErrorCode.INTERNAL_ERROR, invalid.code());
  }
}
