package io.gflow.cli.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gflow.protocol.json.Json;
import org.junit.jupiter.api.Test;

class PrettyJsonTest {
  @Test
  void write_nested_indentsTwoBlanksAndParsesBack() throws Exception {
    String text = "{\"a\":{\"b\":[1,2],\"c\":{}},\"d\":[],\"e\":\"x\"}";
    String pretty = PrettyJson.write(Json.parse(text));
    assertEquals(
        "{\n  \"a\": {\n    \"b\": [\n      1,\n      2\n    ],\n    \"c\": {}\n  },\n"
            + "  \"d\": [],\n  \"e\": \"x\"\n}\n",
        pretty);
    assertEquals(Json.parse(text), Json.parse(pretty));
  }

  @Test
  void write_c1Control_escaped() throws Exception {
    assertEquals("\"a\\u009bb\"\n", PrettyJson.write(Json.parse("\"a\\u009bb\"")));
  }
}
