package io.gflow.bench;

import io.gflow.protocol.Methods;
import io.gflow.protocol.client.RpcClient;
import io.gflow.protocol.job.SubmitResult;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The RPC calls the scenarios make, as a CLI would make them. Stateless. */
final class JobCalls {
  private JobCalls() {}

  /**
   * Params of {@code job.submit} for {@code /bin/true} in {@code dir}, output to {@code
   * dir/%j.out}.
   *
   * @param hold submit held, so that submit scenarios measure the submit path and not job runs
   * @param array an array spec such as {@code 0-9999}, null for a single job
   */
  static JsonObject submitParams(Path dir, boolean hold, String array) {
    return JsonObject.builder()
        .put("command", JsonArray.ofStrings(List.of("/bin/true")))
        .put("cwd", dir.toString())
        .put("env", JsonObject.builder().put("PATH", "/usr/bin:/bin").build())
        .put("output", dir.resolve("%j.out").toString())
        .put("hold", hold)
        .putIfNotNull("array", array)
        .build();
  }

  static List<Long> submit(RpcClient client, JsonObject params) throws IOException {
    return SubmitResult.fromJson(client.call(Methods.JOB_SUBMIT, params)).ids();
  }

  /** A bench client that makes the same call again and again on its own connection. */
  static Measure.Client repeating(RpcClient client, String method, JsonObject params) {
    return new Measure.Client() {
      @Override
      public void call() throws IOException {
        client.call(method, params);
      }

      @Override
      public void close() throws IOException {
        client.close();
      }
    };
  }
}
