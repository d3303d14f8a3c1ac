package io.gflow.cli.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobSourceTest {
  @TempDir Path dir;

  @Test
  void of_severalWords_commandAsIs() throws IOException {
    JobSource source = JobSource.of(List.of("python", "train.py", "--lr", "0.1"), null, dir);
    assertEquals(List.of("python", "train.py", "--lr", "0.1"), source.command());
    assertNull(source.script());
  }

  @Test
  void of_shebangFile_scriptTextReadNow() throws IOException {
    Path script = Files.writeString(dir.resolve("run"), "#!/bin/bash\necho one\n");
    JobSource source = JobSource.of(List.of("run"), null, dir);
    Files.writeString(script, "#!/bin/bash\necho two\n");
    assertEquals("#!/bin/bash\necho one\n", source.script());
    assertEquals("run", source.defaultName());
    assertNull(source.command());
  }

  @Test
  void of_dotShFileWithoutShebang_script() throws IOException {
    Files.writeString(dir.resolve("job.sh"), "echo hi\n");
    assertEquals("echo hi\n", JobSource.of(List.of("job.sh"), null, dir).script());
  }

  @Test
  void of_plainFileOrMissing_command() throws IOException {
    Files.writeString(dir.resolve("data.txt"), "hello\n");
    assertEquals(List.of("data.txt"), JobSource.of(List.of("data.txt"), null, dir).command());
    assertEquals(List.of("nvidia-smi"), JobSource.of(List.of("nvidia-smi"), null, dir).command());
  }

  @Test
  void of_wrap_shScript() throws IOException {
    JobSource source = JobSource.of(List.of(), "echo $HOME | wc -c", dir);
    assertEquals("#!/bin/sh\necho $HOME | wc -c\n", source.script());
    assertEquals("wrap", source.defaultName());
  }

  @Test
  void of_nothingOrBoth_usageErrors() {
    assertThrows(IllegalArgumentException.class, () -> JobSource.of(List.of(), null, dir));
    assertThrows(IllegalArgumentException.class, () -> JobSource.of(List.of("ls"), "echo", dir));
  }

  @Test
  void of_binaryScript_refused() throws IOException {
    Files.write(dir.resolve("bad.sh"), new byte[] {'#', '!', (byte) 0xff, (byte) 0xfe});
    IOException bad =
        assertThrows(IOException.class, () -> JobSource.of(List.of("bad.sh"), null, dir));
    assertTrue(bad.getMessage().contains("not UTF-8"), bad.getMessage());
  }
}
