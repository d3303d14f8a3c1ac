package io.gflow.daemon.audit;

import io.gflow.protocol.RpcException;
import io.gflow.protocol.control.AuditRecord;
import io.gflow.protocol.control.AuditRequest;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Reads audit files oldest first and keeps the newest matching records. Stateless. */
final class AuditReader {
  private AuditReader() {}

  static List<AuditRecord> read(List<FileChannel> oldestFirst, AuditRequest request)
      throws IOException {
    ArrayDeque<AuditRecord> newest = new ArrayDeque<>(Math.min(request.limit(), 1024));
    for (FileChannel channel : oldestFirst) {
      BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(
                  Channels.newInputStream(channel),
                  StandardCharsets.UTF_8
                      .newDecoder()
                      .onMalformedInput(CodingErrorAction.REPLACE)
                      .onUnmappableCharacter(CodingErrorAction.REPLACE)));
      String line;
      while ((line = reader.readLine()) != null) {
        AuditRecord record = parse(line);
        if (record != null && matches(record, request)) {
          if (newest.size() == request.limit()) {
            newest.removeFirst();
          }
          newest.addLast(record);
        }
      }
    }
    return new ArrayList<>(newest);
  }

  private static AuditRecord parse(String line) {
    if (line.isBlank()) {
      return null;
    }
    try {
      return AuditRecord.fromJson(Json.parse(line));
    } catch (JsonFormatException
        | RpcException
        | IllegalArgumentException
        | NullPointerException e) {
      return null;
    }
  }

  private static boolean matches(AuditRecord record, AuditRequest request) {
    return (request.since() == null || !record.time().isBefore(request.since()))
        && (request.user() == null
            || request.user().equals(record.user())
            || request.user().equals(Long.toString(record.uid())));
  }
}
