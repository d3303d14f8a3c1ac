package io.gflow.protocol.control;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.util.List;

/** Result of {@code admin.audit}: matching audit records, oldest first. Immutable, thread-safe. */
public record AuditResult(List<AuditRecord> records) {
  public AuditResult {
    records = List.copyOf(records);
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("records", JsonArray.of(records.stream().map(AuditRecord::toJson).toList()))
        .build();
  }

  public static AuditResult fromJson(JsonValue value) {
    Fields fields = Fields.of(value, "admin.audit result");
    List<AuditRecord> records =
        fields.objectList("records", AuditRequest.MAX_LIMIT).stream()
            .map(AuditRecord::fromJson)
            .toList();
    fields.end();
    return new AuditResult(records);
  }
}
