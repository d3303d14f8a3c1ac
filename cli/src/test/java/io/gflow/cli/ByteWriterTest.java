package io.gflow.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void longText_sameBytesAsAPrintWriter_asciiInOneWrite() {
    String table = "JOBID  NAME\n".repeat(2000);
    String wide = "caf\u00e9 \u2026\n".repeat(2000);
    List<Integer> writes = new ArrayList<>();
    ByteArrayOutputStream stdout =
        new ByteArrayOutputStream() {
          @Override
          public synchronized void write(byte[] b, int off, int len) {
            writes.add(len);
            super.write(b, off, len);
          }
        };
    ByteWriter out = new ByteWriter(stdout, false);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    PrintWriter plain = new PrintWriter(expected, false);
    for (PrintWriter writer : List.of(out, plain)) {
      writer.print("a");
      writer.print(table);
      writer.print("b");
      writer.write(wide, 1, wide.length() - 1);
      writer.println(table);
      writer.flush();
    }
    assertArrayEquals(expected.toByteArray(), stdout.toByteArray());
    assertEquals(
        2, writes.stream().filter(length -> length == table.length()).count(), writes::toString);
  }
}
