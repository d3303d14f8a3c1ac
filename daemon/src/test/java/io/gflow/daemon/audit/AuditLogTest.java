package io.gflow.daemon.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.daemon.FakeClock;
import io.gflow.daemon.auth.Caller;
import io.gflow.daemon.config.AuditSettings;
import io.gflow.daemon.rpc.CallContext;
import io.gflow.protocol.Role;
import io.gflow.protocol.control.AuditRecord;
import io.gflow.protocol.control.AuditRequest;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  static final CallContext BOB =
      new CallContext(new Caller(1001, 1001, 4242, "bob", Set.of(1001L)), Role.USER);
  static final CallContext ROOT =
      new CallContext(new Caller(0, 0, 17, "root", Set.of()), Role.ADMIN);

  @TempDir Path dir;
  final FakeClock clock = new FakeClock();

  @Test
  void record_writesOneJsonLineWithEveryField() throws Exception {
    try (AuditLog log = AuditLog.open(dir.resolve("audit.log"), clock)) {
      log.record(BOB, "job.cancel", "job 42", "denied", "permission denied: job 42 is alice's");
    }
    List<String> lines = Files.readAllLines(dir.resolve("audit.log"));
    assertEquals(1, lines.size());
    JsonObject line = (JsonObject) Json.parse(lines.get(0));
    assertEquals(
        List.of("time", "uid", "user", "pid", "role", "method", "target", "outcome", "reason"),
        List.copyOf(line.members().keySet()));
    assertEquals(
        new AuditRecord(
            FakeClock.START,
            1001,
            "bob",
            4242,
            Role.USER,
            "job.cancel",
            "job 42",
            "denied",
            "permission denied: job 42 is alice's"),
        AuditRecord.fromJson(line));
  }

  @Test
  void record_noTargetNoReason_writesNullTargetAndOmitsReason() throws Exception {
    try (AuditLog log = AuditLog.open(dir.resolve("audit.log"), clock)) {
      log.record(ROOT, "admin.reload", null, "ok", null);
    }
    JsonObject line = (JsonObject) Json.parse(Files.readString(dir.resolve("audit.log")).trim());
    assertTrue(line.has("target"));
    assertNull(line.stringOrNull("target"));
    assertFalse(line.has("reason"));
  }

  @Test
  void open_newFile_isMode0640AndStaysSoWhenReopened() throws Exception {
    Path file = dir.resolve("audit.log");
    AuditLog.open(file, clock).close();
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
    AuditLog.open(file, clock).close();
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void record_pastMaxBytes_rotatesAndKeepsOnlyKeepFiles() throws Exception {
    Path file = dir.resolve("audit.log");
    try (AuditLog log = AuditLog.open(file, clock, new AuditSettings(1024, 2))) {
      for (int index = 0; index < 40; index++) {
        clock.advance(Duration.ofSeconds(1));
        log.record(BOB, "admin.reload", "call " + index, "denied", "permission denied");
      }
    }
    assertTrue(Files.exists(dir.resolve("audit.log.1")));
    assertTrue(Files.exists(dir.resolve("audit.log.2")));
    assertFalse(Files.exists(dir.resolve("audit.log.3")), "keep = 2");
    for (String name : List.of("audit.log", "audit.log.1", "audit.log.2")) {
      Path path = dir.resolve(name);
      assertTrue(Files.size(path) <= 1024, name + " is " + Files.size(path) + " bytes");
      assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
    }
    List<String> newest = Files.readAllLines(file);
    assertTrue(newest.get(newest.size() - 1).contains("\"target\":\"call 39\""));
  }

  @Test
  void record_rotationFails_keepsWritingToCurrentFile() throws Exception {
    Path file = dir.resolve("audit.log");
    Files.createDirectories(dir.resolve("audit.log.1"));
    Files.createDirectories(dir.resolve("audit.log.2").resolve("in-the-way"));
    try (AuditLog log = AuditLog.open(file, clock, new AuditSettings(1024, 2))) {
      for (int index = 0; index < 10; index++) {
        log.record(BOB, "admin.reload", "call " + index, "denied", "permission denied");
      }
    }
    List<String> lines = Files.readAllLines(file);
    assertTrue(lines.get(lines.size() - 1).contains("\"target\":\"call 9\""), lines.toString());
  }

  @Test
  void read_acrossRotatedFiles_newestLastFilteredAndLimited() throws Exception {
    Path file = dir.resolve("audit.log");
    try (AuditLog log = AuditLog.open(file, clock, new AuditSettings(1024, 5))) {
      for (int index = 0; index < 20; index++) {
        clock.advance(Duration.ofMinutes(1));
        log.record(index % 2 == 0 ? BOB : ROOT, "admin.reload", "call " + index, "ok", null);
      }
      assertTrue(Files.exists(dir.resolve("audit.log.2")), "test needs several files");

      List<AuditRecord> all = log.read(new AuditRequest(null, null, 100));
      assertEquals(20, all.size());
      assertEquals("call 0", all.get(0).target());
      assertEquals("call 19", all.get(19).target());

      List<AuditRecord> lastThree = log.read(new AuditRequest(null, null, 3));
      assertEquals(
          List.of("call 17", "call 18", "call 19"),
          lastThree.stream().map(AuditRecord::target).toList());

      List<AuditRecord> bob =
          log.read(new AuditRequest(FakeClock.START.plus(Duration.ofMinutes(11)), "bob", 100));
      assertEquals(
          List.of("call 10", "call 12", "call 14", "call 16", "call 18"),
          bob.stream().map(AuditRecord::target).toList());
      assertEquals(bob, log.read(new AuditRequest(bob.get(0).time(), "1001", 100)));
    }
  }

  @Test
  void read_skipsLinesThatAreNotRecords() throws Exception {
    Path file = dir.resolve("audit.log");
    Files.writeString(file, "not json\n{\"time\":\"x\"}\n");
    try (AuditLog log = AuditLog.open(file, clock)) {
      log.record(ROOT, "admin.reload", null, "ok", null);
      assertEquals(1, log.read(new AuditRequest(null, null, 100)).size());
    }
  }

  @Test
  void record_denial_toldToListener() throws Exception {
    List<String> denied = new java.util.ArrayList<>();
    try (AuditLog log = AuditLog.open(dir.resolve("audit.log"), clock)) {
      log.observeDenials(denied::add);
      log.record(BOB, "job.cancel", "job 1", "denied", "no");
      log.record(ROOT, "admin.reload", null, "ok", null);
    }
    assertEquals(List.of("job.cancel"), denied);
  }

  @Test
  void record_longReason_isCapped() throws Exception {
    try (AuditLog log = AuditLog.open(dir.resolve("audit.log"), clock)) {
      log.record(BOB, "admin.reload", null, "denied", "x".repeat(5000));
    }
    assertTrue(Files.size(dir.resolve("audit.log")) < 600);
  }
}
