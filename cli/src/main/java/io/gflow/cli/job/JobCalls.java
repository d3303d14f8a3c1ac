package io.gflow.cli.job;

import io.gflow.cli.ClientOptions;
import io.gflow.cli.Connector;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.io.IOException;

/** One gjob round trip: connect, call, close. Stateless. */
final class JobCalls {
  private JobCalls() {}

  static JsonValue call(ClientOptions options, String method, JsonObject params)
      throws IOException {
    try (RpcClient client = Connector.connect(options, System.getenv())) {
      return client.call(method, params);
    }
  }
}
