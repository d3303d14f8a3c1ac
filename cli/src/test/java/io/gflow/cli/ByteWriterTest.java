package io.gflow.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteWriterTest {
  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void writeAscii_betweenChars_keepsTheOrder() {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteWriter out = new ByteWriter(stdout, false);
    out.write("{\"jobs\":[");
    out.writeAscii(ascii("x{\"id\":1}y"), 1, 8);
    out.print(",");
    out.writeAscii(ascii("{\"id\":2}"), 0, 8);
    out.println("]}");
    out.flush();
    assertArrayEquals(
        ascii("{\"jobs\":[{\"id\":1},{\"id\":2}]}" + System.lineSeparator()), stdout.toByteArray());
  }

  @Test
  void writeAscii_streamFails_reportedLikePrintWriter() {
    OutputStream broken =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
          }
        };
    ByteWriter out = new ByteWriter(broken, false);
    out.writeAscii(ascii("{}"), 0, 2);
    assertTrue(out.checkError());
  }
}
