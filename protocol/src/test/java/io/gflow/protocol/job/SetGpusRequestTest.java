package io.gflow.protocol.job;

import static io.gflow.protocol.job.Invalid.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gflow.protocol.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetGpusRequestTest {

  @Test
  void list_matchesGolden() {
    SetGpusRequest request = new SetGpusRequest(List.of(2, 0));

    Golden.assertWrites("set-gpus-request.json", request.toJson());
    assertEquals(request, SetGpusRequest.fromJson(Golden.read("set-gpus-request.json")));
    assertEquals(List.of(0, 2), request.gpus());
  }

  @Test
  void all_matchesGolden() {
    Golden.assertWrites("set-gpus-request-all.json", SetGpusRequest.all().toJson());
    SetGpusRequest read = SetGpusRequest.fromJson(Golden.read("set-gpus-request-all.json"));
    assertTrue(read.isAll());
  }

  @Test
  void emptyList_allowsNone() {
    assertEquals(List.of(), SetGpusRequest.fromJson(Golden.parse("{\"gpus\":[]}")).gpus());
  }

  @Test
  void duplicate_rejectedNamingIt() {
    assertEquals(
        "gpus: GPU 1 is listed twice",
        message(() -> SetGpusRequest.fromJson(Golden.parse("{\"gpus\":[1,1]}"))));
  }

  @Test
  void negativeIndex_rejected() {
    assertTrue(
        message(() -> SetGpusRequest.fromJson(Golden.parse("{\"gpus\":[-1]}"))).contains("gpus[]"));
  }

  @Test
  void otherString_rejected() {
    assertEquals(
        "admin.setGpus params.gpus must be a list of GPU indices or \"all\"",
        message(() -> SetGpusRequest.fromJson(Golden.parse("{\"gpus\":\"some\"}"))));
  }

  @Test
  void missingOrUnknownField_rejected() {
    assertEquals(
        "admin.setGpus params.gpus is required",
        message(() -> SetGpusRequest.fromJson(Golden.parse("{}"))));
    assertEquals(
        "unknown field 'uid' in admin.setGpus params",
        message(() -> SetGpusRequest.fromJson(Golden.parse("{\"gpus\":\"all\",\"uid\":0}"))));
  }

  @Test
  void compactForm() {
    assertEquals("{\"gpus\":[0,2]}", Json.write(new SetGpusRequest(List.of(0, 2)).toJson()));
  }
}
