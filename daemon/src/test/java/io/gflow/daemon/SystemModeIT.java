package io.gflow.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A system daemon (root) runs each job as its submitter: real uid, gid and groups, no new
 * privileges, no capabilities, only fds 0–2, argv taken literally, output opened by the user.
 */
@Timeout(180)
class SystemModeIT {
  @RegisterExtension
  final DaemonExtension daemon =
      DaemonExtension.system(
          "admin_groups = [\""
              + AsUser.ADMIN_GROUP
              + "\"]\n"
              + "operator_users = [\""
              + AsUser.OPERATOR
              + "\"]\n");

  private Path out;

  @BeforeAll
  static void accounts() throws Exception {
    AsUser.ensureAccountsIfRoot();
  }

  @BeforeEach
  void outputDir() throws Exception {
    AsUser.assumeRoot();
    out = Files.createTempDirectory(Path.of("/tmp"), "gfo");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
  }

  @AfterEach
  void removeOutput() throws Exception {
    if (out != null) {
      AsUser.run(List.of("rm", "-rf", out.toString()));
    }
  }

  private JsonObject call(String user, String method, String params) throws Exception {
    return AsUser.rpcAs(user, daemon.socket(), method, params);
  }

  private long submit(String user, List<String> argv, String extra) throws Exception {
    String params =
        "{\"command\":"
            + Json.write(JsonArray.ofStrings(argv))
            + ",\"cwd\":\"/tmp\",\"env\":{\"PATH\":\"/usr/bin:/bin\",\"SECRET\":\"hunter2\"},"
            + "\"output\":\""
            + out
            + "/%j.out\""
            + extra
            + "}";
    return AsUser.firstSubmittedId(call(user, "job.submit", params));
  }

  private JsonObject waitFor(long id) throws Exception {
    try (var client = daemon.client()) {
      JsonObject result =
          (JsonObject)
              client.call(
                  "job.wait",
                  (JsonObject) Json.parse("{\"ids\":[" + id + "],\"timeout_ms\":60000}"));
      return (JsonObject) ((JsonArray) result.get("jobs")).elements().get(0);
    }
  }

  private String state(long id) throws Exception {
    try (var client = daemon.client()) {
      return ((JsonObject) client.call("job.get", (JsonObject) Json.parse("{\"id\":" + id + "}")))
          .stringOrNull("state");
    }
  }

  @Test
  void job_runsAsSubmitterWithGroupsNoPrivilegesAndOnlyStdFds() throws Exception {
    long id =
        submit(
            AsUser.ALICE,
            List.of(
                "sh",
                "-c",
                "id; grep -E '^(NoNewPrivs|CapInh|CapPrm|CapEff|CapAmb):' /proc/self/status"),
            "");
    JsonObject done = waitFor(id);
    assertEquals("COMPLETED", done.stringOrNull("state"), done.toString());
    String output = Files.readString(out.resolve(id + ".out"));
    long uid = AsUser.uidOf(AsUser.ALICE);
    assertTrue(output.contains("uid=" + uid + "(" + AsUser.ALICE + ")"), output);
    long gid = AsUser.gidOf(AsUser.ALICE);
    assertTrue(output.contains("gid=" + gid + "(" + AsUser.ALICE + ")"), output);
    assertTrue(output.contains("(" + AsUser.ADMIN_GROUP + ")"), "supplementary group: " + output);
    assertTrue(output.contains("NoNewPrivs:\t1"), output);
    for (String cap : List.of("CapInh", "CapPrm", "CapEff", "CapAmb")) {
      assertTrue(output.contains(cap + ":\t0000000000000000"), cap + ": " + output);
    }
    // fds: a command job (no shell, whose pipelines hold pipe fds for a moment) lists its own;
    // 3 is ls's handle on the directory it reads.
    long fds = submit(AsUser.ALICE, List.of("/bin/ls", "/proc/self/fd"), "");
    assertEquals("COMPLETED", waitFor(fds).stringOrNull("state"));
    assertEquals("0\n1\n2\n3\n", Files.readString(out.resolve(fds + ".out")), "only fds 0-2");
    assertEquals(uid, (long) (Integer) Files.getAttribute(out.resolve(id + ".out"), "unix:uid"));
  }

  @Test
  void argv_shellMetacharactersRunLiterally() throws Exception {
    List<String> words = List.of("; id", "$(id)", "`id`", "a\nb", "'q' \"d\"");
    List<String> argv = new java.util.ArrayList<>(List.of("printf", "[%s]\\n"));
    argv.addAll(words);
    long id = submit(AsUser.BOB, argv, "");
    assertEquals("COMPLETED", waitFor(id).stringOrNull("state"));
    assertEquals(
        "[; id]\n[$(id)]\n[`id`]\n[a\nb]\n['q' \"d\"]\n",
        Files.readString(out.resolve(id + ".out")));
  }

  @Test
  void output_symlinkToRootFile_jobFailsRootFileUnchanged() throws Exception {
    Path rootFile = Files.createTempFile(Path.of("/tmp"), "gfroot", ".txt");
    try {
      Files.writeString(rootFile, "root data\n");
      Files.setPosixFilePermissions(rootFile, PosixFilePermissions.fromString("rw-r--r--"));
      Path bobDir = out.resolve("bob");
      Files.createDirectory(bobDir);
      AsUser.run(List.of("chown", AsUser.BOB, bobDir.toString()));
      Files.createSymbolicLink(bobDir.resolve("evil.out"), rootFile);
      String params =
          "{\"command\":[\"echo\",\"pwned\"],\"cwd\":\"/tmp\",\"env\":{},\"output\":\""
              + bobDir.resolve("evil.out")
              + "\"}";
      JsonObject reply = call(AsUser.BOB, "job.submit", params);
      long id = AsUser.firstSubmittedId(reply);
      JsonObject done = waitFor(id);
      assertEquals("FAILED", done.stringOrNull("state"), done.toString());
      assertTrue(done.stringOrNull("reason").startsWith("LaunchFailed:"), done.toString());
      assertEquals("root data\n", Files.readString(rootFile));
    } finally {
      Files.deleteIfExists(rootFile);
    }
  }

  @Test
  void cwd_userCannotEnter_jobFailsWithReasonDaemonServes() throws Exception {
    Path secret = Files.createTempDirectory(Path.of("/tmp"), "gfsecret");
    try {
      Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rwx------"));
      String params =
          "{\"command\":[\"true\"],\"cwd\":\""
              + secret
              + "\",\"env\":{},\"output\":\""
              + out
              + "/%j.out\"}";
      JsonObject reply = call(AsUser.BOB, "job.submit", params);
      long id = AsUser.firstSubmittedId(reply);
      JsonObject done = waitFor(id);
      assertEquals("FAILED", done.stringOrNull("state"), done.toString());
      assertTrue(done.stringOrNull("reason").contains("chdir"), done.toString());
    } finally {
      Files.deleteIfExists(secret);
    }
  }

  @Test
  void runningJob_otherUsersCancelDeniedOperatorsCancelWorks() throws Exception {
    long id = submit(AsUser.ALICE, List.of("sleep", "60"), "");
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!"RUNNING".equals(state(id))) {
      assertTrue(System.nanoTime() < deadline, "job never started");
      Thread.sleep(20);
    }
    JsonObject denied = call(AsUser.BOB, "job.cancel", "{\"ids\":[" + id + "]}");
    JsonObject outcome =
        (JsonObject)
            ((JsonArray) ((JsonObject) denied.get("result")).get("outcomes")).elements().get(0);
    assertEquals(JsonNumber.of(-32003), outcome.get("error_code"), denied.toString());
    Thread.sleep(300);
    assertEquals("RUNNING", state(id), "still running after a denied cancel");
    JsonObject listed = call(AsUser.BOB, "job.list", "{\"ids\":[" + id + "]}");
    assertTrue(listed.toString().contains("\"command\":null"), "no command for bob: " + listed);
    assertFalse(listed.toString().contains("\"60\""), listed.toString());
    assertFalse(listed.toString().contains("hunter2"), listed.toString());
    call(AsUser.OPERATOR, "job.cancel", "{\"ids\":[" + id + "]}");
    JsonObject done = waitFor(id);
    assertEquals("CANCELLED", done.stringOrNull("state"), done.toString());
    assertTrue(done.stringOrNull("reason").contains(AsUser.OPERATOR), done.toString());
  }

  @Test
  void ldPreload_reachesOnlyTheJobNeverARootProcess() throws Exception {
    Path source = out.resolve("marker.c");
    Files.writeString(
        source,
        "#include <stdio.h>\n#include <unistd.h>\n"
            + "__attribute__((constructor)) static void mark(void) {\n"
            + "  char path[512]; snprintf(path, sizeof path, \""
            + out
            + "/marker-%u\", (unsigned) getuid());\n"
            + "  FILE *f = fopen(path, \"w\"); if (f) fclose(f);\n}\n");
    Path library = out.resolve("libmarker.so");
    AsUser.Result compiled =
        AsUser.run(List.of("gcc", "-shared", "-fPIC", "-o", library.toString(), source.toString()));
    assertEquals(0, compiled.exitCode(), "gcc (installed by .ci/run): " + compiled.stderr());
    Files.setPosixFilePermissions(library, PosixFilePermissions.fromString("rwxr-xr-x"));
    String params =
        "{\"command\":[\"sh\",\"-c\",\"echo $LD_PRELOAD; echo $BASH_ENV\"],\"cwd\":\"/tmp\","
            + "\"env\":{\"PATH\":\"/usr/bin:/bin\",\"LD_PRELOAD\":\""
            + library
            + "\",\"LD_LIBRARY_PATH\":\""
            + out
            + "\",\"BASH_ENV\":\""
            + out
            + "/bashenv\",\"GCONV_PATH\":\""
            + out
            + "\",\"JAVA_TOOL_OPTIONS\":\"-Dx=y\"},\"output\":\""
            + out
            + "/%j.out\"}";
    JsonObject reply = call(AsUser.BOB, "job.submit", params);
    long id = AsUser.firstSubmittedId(reply);
    assertEquals("COMPLETED", waitFor(id).stringOrNull("state"));
    assertEquals(library + "\n" + out + "/bashenv\n", Files.readString(out.resolve(id + ".out")));
    assertTrue(
        Files.exists(out.resolve("marker-" + AsUser.uidOf(AsUser.BOB))), "the job loaded it");
    assertFalse(Files.exists(out.resolve("marker-0")), "no root process loaded LD_PRELOAD");
  }

  @Test
  void envValuesAndScriptText_neverInAnyArgv() throws Exception {
    String secret = "s3cret-" + System.nanoTime();
    String script = "#!/bin/sh\n# script-marker-" + secret + "\nsleep 30\n";
    String params =
        "{\"script\":"
            + Json.write(JsonValue.of(script))
            + ",\"cwd\":\"/tmp\",\"env\":{\"PATH\":\"/usr/bin:/bin\",\"TOKEN\":\""
            + secret
            + "\"},\"output\":\""
            + out
            + "/%j.out\"}";
    JsonObject reply = call(AsUser.BOB, "job.submit", params);
    long id = AsUser.firstSubmittedId(reply);
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!"RUNNING".equals(state(id))) {
      assertTrue(System.nanoTime() < deadline, "job never started");
      Thread.sleep(20);
    }
    Thread.sleep(200);
    try (var processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path process : processes) {
        byte[] cmdline;
        try {
          cmdline = Files.readAllBytes(process.resolve("cmdline"));
        } catch (java.io.IOException gone) {
          continue;
        }
        String text = new String(cmdline, java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(text.contains(secret), "argv of " + process + ": " + text.replace('\0', ' '));
      }
    }
    try (var client = daemon.client()) {
      client.call("job.cancel", (JsonObject) Json.parse("{\"ids\":[" + id + "]}"));
    }
    waitFor(id);
  }

  private JsonObject runAsBobWithOutput(String cwd, String output) throws Exception {
    String params =
        "{\"command\":[\"echo\",\"pwned\"],\"cwd\":\""
            + cwd
            + "\",\"env\":{},\"output\":\""
            + output
            + "\"}";
    JsonObject reply = call(AsUser.BOB, "job.submit", params);
    long id = AsUser.firstSubmittedId(reply);
    return waitFor(id);
  }

  @Test
  void output_dotDotIntoEtc_jobFailsNoRootWrite() throws Exception {
    String name = "gflow-pwned-" + System.nanoTime();
    JsonObject done = runAsBobWithOutput(out.toString(), "../../etc/" + name);
    assertEquals("FAILED", done.stringOrNull("state"), done.toString());
    assertTrue(done.stringOrNull("reason").startsWith("LaunchFailed:"), done.toString());
    assertFalse(Files.exists(Path.of("/etc", name)), "nothing written into /etc");
  }

  @Test
  void output_dirUserCannotWrite_jobFailsNothingCreated() throws Exception {
    Path rootsDir = Files.createTempDirectory(Path.of("/tmp"), "gfrootdir");
    try {
      Files.setPosixFilePermissions(rootsDir, PosixFilePermissions.fromString("rwxr-xr-x"));
      JsonObject done = runAsBobWithOutput("/tmp", rootsDir + "/job.out");
      assertEquals("FAILED", done.stringOrNull("state"), done.toString());
      assertTrue(done.stringOrNull("reason").contains("Permission denied"), done.toString());
      assertFalse(Files.exists(rootsDir.resolve("job.out")));
    } finally {
      Files.deleteIfExists(rootsDir);
    }
  }
}
