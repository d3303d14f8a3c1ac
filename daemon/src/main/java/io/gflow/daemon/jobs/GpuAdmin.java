package io.gflow.daemon.jobs;

import io.gflow.daemon.rpc.MethodSpec;
import io.gflow.daemon.rpc.Target;
import io.gflow.daemon.sched.Gpu;
import io.gflow.daemon.sched.Scheduler;
import io.gflow.daemon.store.JobStore;
import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.ErrorData;
import io.gflow.protocol.Methods;
import io.gflow.protocol.Role;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.control.NoParams;
import io.gflow.protocol.job.GpusResult;
import io.gflow.protocol.job.SetGpusRequest;
import io.gflow.protocol.json.Json;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonFormatException;
import io.gflow.protocol.json.JsonNumber;
import io.gflow.protocol.json.JsonString;
import io.gflow.protocol.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which GPUs new jobs may use ({@code admin.setGpus}, kept in the store's settings so it survives a
 * restart and overrides the config) and the GPU table ({@code sched.gpus}) with the reason each GPU
 * is unavailable. Thread-safe; changes are serialised so the stored and the applied set agree.
 */
final class GpuAdmin {
  /** The store setting: a JSON list of indices, or {@code "all"}. */
  static final String SETTING = "allowed_gpus";

  private static final Logger LOG = LoggerFactory.getLogger(GpuAdmin.class);

  private final List<Gpu> present;
  private final JobStore store;
  private final Scheduler scheduler;
  private volatile Map<Integer, List<ForeignProcess>> foreign = Map.of();

  GpuAdmin(List<Gpu> present, JobStore store, Scheduler scheduler) {
    this.present = List.copyOf(present);
    this.store = store;
    this.scheduler = scheduler;
  }

  /**
   * The allowed set stored by an earlier {@code admin.setGpus}; empty when none was stored, when it
   * was {@code "all"} (the config's set then applies) or when it cannot be read (logged).
   */
  static Optional<Set<Integer>> stored(JobStore store) {
    Optional<String> text = store.setting(SETTING);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      JsonValue value = Json.parse(text.get());
      if (value instanceof JsonString string && SetGpusRequest.ALL.equals(string.value())) {
        return Optional.empty();
      }
      Set<Integer> indices = new TreeSet<>();
      for (JsonValue element : ((JsonArray) value).elements()) {
        indices.add((int) ((JsonNumber) element).exactLong().getAsLong());
      }
      return Optional.of(indices);
    } catch (JsonFormatException | RuntimeException unreadable) {
      LOG.warn("ignoring stored setting {} ({}): {}", SETTING, text.get(), unreadable.toString());
      return Optional.empty();
    }
  }

  List<MethodSpec> methods() {
    return List.of(
        MethodSpec.open(
            Methods.SCHED_GPUS,
            (context, params) -> {
              NoParams.check(params, Methods.SCHED_GPUS);
              return table().toJson();
            }),
        MethodSpec.privileged(
                Methods.ADMIN_SET_GPUS,
                Role.ADMIN,
                (context, params) -> setGpus(SetGpusRequest.fromJson(params)).toJson())
            .withTarget(Target.fields("gpus")));
  }

  GpusResult table() {
    return GpuRows.table(present, scheduler.gpus(), foreign);
  }

  /** The latest probe's foreign processes, by GPU index. */
  void foreign(Map<Integer, List<ForeignProcess>> latest) {
    foreign = Map.copyOf(latest);
  }

  private synchronized GpusResult setGpus(SetGpusRequest request) throws Exception {
    Set<Integer> indices = present.stream().map(Gpu::index).collect(Collectors.toSet());
    Set<Integer> allowed;
    if (request.isAll()) {
      allowed = indices;
    } else {
      for (int index : request.gpus()) {
        if (!indices.contains(index)) {
          throw unknownGpu(index);
        }
      }
      allowed = Set.copyOf(request.gpus());
    }
    Futures.await(store.putSetting(SETTING, Json.write(request.toJson().get("gpus"))));
    Futures.await(scheduler.changeResources(resources -> resources.withAllowedGpus(allowed)));
    LOG.info("GPUs new jobs may use: {}", request.isAll() ? "all" : request.gpus());
    return table();
  }

  private RpcException unknownGpu(int index) {
    String known =
        present.isEmpty()
            ? "this host has no GPUs"
            : "GPUs present: "
                + present.stream()
                    .map(gpu -> Integer.toString(gpu.index()))
                    .collect(Collectors.joining(", "));
    return new RpcException(
        ErrorCode.INVALID_PARAMS,
        "admin.setGpus: no GPU " + index + " on this host; " + known,
        ErrorData.hint("gctl show-gpus lists them"));
  }
}
