package io.gflow.cli.ctl;

import io.gflow.cli.ClientOptions;
import io.gflow.cli.Connector;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.io.IOException;
import java.io.PrintWriter;

/** One gctl round trip: connect, call a method, print JSON or text. Stateless. */
final class CtlCall {
  private CtlCall() {}

  static JsonValue call(ClientOptions options, String method) throws IOException {
    return call(options, method, null);
  }

  /** Calls {@code method} with {@code params} (null: none). */
  static JsonValue call(ClientOptions options, String method, JsonObject params)
      throws IOException {
    try (RpcClient client = Connector.connect(options, System.getenv())) {
      return client.call(method, params);
    }
  }

  /** Prints {@code result} as JSON when asked, else {@code text}. */
  static void print(PrintWriter out, ClientOptions options, JsonValue result, String text) {
    out.println(options.json() ? Json.write(result) : text);
    out.flush();
  }
}
