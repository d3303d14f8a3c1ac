package io.gflow.cli.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.protocol.Role;
import io.gflow.protocol.control.AuditRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditFormatTest {
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  @Test
  void since_spanBack_subtractsFromNow() {
    assertEquals(
        Instant.parse("2026-12-07T11:30:00Z"), AuditFormat.since("30m", NOW, ZoneOffset.UTC));
    assertEquals(
        Instant.parse("2026-12-05T12:00:00Z"), AuditFormat.since("2d", NOW, ZoneOffset.UTC));
  }

  @Test
  void since_isoForms_parsed() {
    assertEquals(
        Instant.parse("2026-12-01T08:00:00Z"),
        AuditFormat.since("2026-12-01T08:00:00Z", NOW, ZoneOffset.UTC));
    assertEquals(
        Instant.parse("2026-12-01T00:00:00Z"),
        AuditFormat.since("2026-12-01", NOW, ZoneOffset.UTC));
  }

  @Test
  void since_garbage_namesTextAndForms() {
    IllegalArgumentException bad =
        assertThrows(
            IllegalArgumentException.class,
            () -> AuditFormat.since("last tuesday", NOW, ZoneOffset.UTC));
    assertTrue(bad.getMessage().startsWith("--since 'last tuesday': expected"), bad.getMessage());
  }

  @Test
  void table_records_oneRowEachWithDashForNoTarget() {
    String table =
        AuditFormat.table(
            List.of(
                new AuditRecord(
                    Instant.parse("2026-12-07T05:30:00.123Z"),
                    1001,
                    "bob\u001b[31m",
                    42,
                    Role.USER,
                    "admin.reload",
                    null,
                    "denied",
                    "permission denied")));
    List<String> lines = table.lines().toList();
    assertEquals(2, lines.size(), table);
    assertTrue(lines.get(0).startsWith("TIME"), table);
    assertTrue(lines.get(1).startsWith("2026-12-07T05:30:00Z  bob\\x{1b}[31m  1001  user"), table);
    assertTrue(lines.get(1).contains(" - "), table);
  }

  @Test
  void table_none_saysSo() {
    assertEquals("no audit records match\n", AuditFormat.table(List.of()));
  }
}
