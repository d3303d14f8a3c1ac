package io.gflow.daemon.jobs;

import io.gflow.daemon.job.Job;
import io.gflow.daemon.rpc.CallContext;
import io.gflow.daemon.store.JobQuery;
import io.gflow.daemon.store.JobStore;
import io.gflow.daemon.store.JobSummary;
import io.gflow.daemon.store.StoredJob;
import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.Methods;
import io.gflow.protocol.Role;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.job.EventsRequest;
import io.gflow.protocol.job.EventsResult;
import io.gflow.protocol.job.IdRequest;
import io.gflow.protocol.job.JobEvent;
import io.gflow.protocol.job.JobField;
import io.gflow.protocol.job.JobInfo;
import io.gflow.protocol.job.ListPageWriter;
import io.gflow.protocol.job.ListRequest;
import io.gflow.protocol.job.ListResult;
import io.gflow.protocol.job.LogResult;
import io.gflow.protocol.job.WaitRequest;
import io.gflow.protocol.job.WaitResult;
import io.gflow.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The read-side job methods: {@code job.list}, {@code job.get}, {@code job.wait}, {@code
 * job.events}, {@code job.log}. Reads come from the store's read connections, never the writer.
 * Thread-safe.
 */
final class QueryHandlers {
  /** The size from which a run of a page is encoded in two halves ({@link #page}). */
  static final int SPLIT_AT = 1_000;

  /** The most jobs of a page read at once ({@link #page}). */
  static final int RUN = 2 * SPLIT_AT;

  private final JobStore store;
  private final JobViews views;
  private final OutputLocator outputs;
  private final EventLog events;
  private final Supplier<JobPolicy> policy;
  private final Function<String, Optional<Long>> uidOfUser;
  private final ExecutorService helpers;

  /**
   * @param helpers encodes the first half of a big page; may refuse a task when all its threads are
   *     busy (the caller then encodes it)
   */
  QueryHandlers(
      JobStore store,
      JobViews views,
      OutputLocator outputs,
      EventLog events,
      Supplier<JobPolicy> policy,
      Function<String, Optional<Long>> uidOfUser,
      ExecutorService helpers) {
    this.store = store;
    this.views = views;
    this.outputs = outputs;
    this.events = events;
    this.policy = policy;
    this.uidOfUser = uidOfUser;
    this.helpers = helpers;
  }

  Job load(long id) {
    return store.get(id).orElseThrow(() -> JobAccess.notFound(id));
  }

  JsonValue list(CallContext context, JsonValue params) throws Exception {
    ListRequest request = ListRequest.fromJson(params);
    Set<Long> uids = uids(request.users());
    if (uids == null) {
      return new ListResult(List.of(), null).toJson();
    }
    JobQuery query =
        new JobQuery(
            uids,
            Set.copyOf(request.states()),
            new LinkedHashSet<>(request.ids()),
            new LinkedHashSet<>(request.names()),
            request.since(),
            request.limit(),
            request.afterId() == null ? 0 : request.afterId());
    Set<JobField> fields = request.fields();
    JobPolicy rules = policy.get();
    if (!fields.isEmpty() && JobViews.SUMMARY_FIELDS.containsAll(fields)) {
      // Nothing asked for is only in the spec (e.g. gqueue's default table): skip decoding it.
      return page(
          request,
          query,
          store::listSummaries,
          JobSummary::id,
          job -> views.view(context, job, rules));
    }
    boolean withPaths =
        fields.isEmpty()
            || fields.contains(JobField.STDOUT_PATH)
            || fields.contains(JobField.STDERR_PATH);
    return page(
        request,
        query,
        store::listWithoutEnv, // a listing never shows the environment
        StoredJob::id,
        job -> views.view(context, job.decode(), rules, false, withPaths));
  }

  /**
   * The page of {@code query}'s jobs, encoded as they are viewed: a page can hold 100,000 jobs, too
   * many to build as trees. The fields only leave members out of what the caller may see (redaction
   * comes first). The page is read in runs of at most {@link #RUN} jobs (a listed job keeps its
   * stored spec until it is encoded), and a run of {@link #SPLIT_AT} jobs or more is encoded in two
   * halves, the first on a helper thread if one is free.
   */
  private <T> JsonValue page(
      ListRequest request,
      JobQuery query,
      Function<JobQuery, List<T>> read,
      ToLongFunction<T> id,
      Function<T, JobInfo> view)
      throws Exception {
    ListPageWriter page = new ListPageWriter(request.fields());
    int listed = 0;
    long last = query.afterId();
    while (true) {
      int wanted = Math.min(RUN, query.limit() - listed);
      List<T> jobs = read.apply(query.after(last, wanted));
      encode(page, jobs, view);
      listed += jobs.size();
      if (!jobs.isEmpty()) {
        last = id.applyAsLong(jobs.get(jobs.size() - 1));
      }
      if (jobs.size() < wanted || listed == query.limit()) {
        break;
      }
    }
    boolean full = listed == query.limit(); // limit >= 1
    return page.finish(full ? last : null);
  }

  /** Adds {@code jobs} to {@code page}: in two halves from {@link #SPLIT_AT} jobs on. */
  private <T> void encode(ListPageWriter page, List<T> jobs, Function<T, JobInfo> view)
      throws Exception {
    int half = jobs.size() >= SPLIT_AT ? jobs.size() / 2 : 0;
    CompletableFuture<ListPageWriter.Jobs> first = null;
    if (half > 0) {
      ListPageWriter.Jobs run = page.newJobs();
      try {
        first =
            CompletableFuture.supplyAsync(() -> encode(run, jobs.subList(0, half), view), helpers);
      } catch (RejectedExecutionException busy) {
        // Every helper is busy with another listing: this thread encodes the whole run.
      }
    }
    if (first == null) {
      for (T job : jobs) {
        page.add(view.apply(job)); // straight into the page: no run to copy
      }
      return;
    }
    ListPageWriter.Jobs rest;
    try {
      rest = encode(page.newJobs(), jobs.subList(half, jobs.size()), view);
    } catch (RuntimeException | Error failed) {
      first.cancel(true);
      throw failed;
    }
    page.add(Futures.await(first));
    page.add(rest);
  }

  private static <T> ListPageWriter.Jobs encode(
      ListPageWriter.Jobs run, List<T> jobs, Function<T, JobInfo> view) {
    for (T job : jobs) {
      run.add(view.apply(job));
    }
    return run;
  }

  /** The uids of {@code users} (names or numbers); null if one of them is no known user. */
  private Set<Long> uids(List<String> users) {
    Set<Long> uids = new HashSet<>();
    for (String user : users) {
      Optional<Long> uid =
          user.chars().allMatch(Character::isDigit) && !user.isEmpty()
              ? Optional.of(Long.parseLong(user))
              : uidOfUser.apply(user);
      if (uid.isEmpty()) {
        return null;
      }
      uids.add(uid.get());
    }
    return uids;
  }

  JsonValue get(CallContext context, JsonValue params) {
    Job job = load(IdRequest.fromJson(params, Methods.JOB_GET).id());
    return views.view(context, job, policy.get(), true).toJson();
  }

  JsonValue log(CallContext context, JsonValue params) {
    Job job = load(IdRequest.fromJson(params, Methods.JOB_LOG).id());
    if (!JobAccess.mayControl(context, job)) {
      throw JobAccess.denied(context, job, "read the output of");
    }
    LogResult paths = outputs.paths(job);
    if (paths == null) {
      throw new RpcException(
          ErrorCode.CONFLICT,
          "job " + job.id() + ": its output paths cannot be resolved (no home directory?)");
    }
    return paths.toJson();
  }

  JsonValue await(CallContext context, JsonValue params) throws InterruptedException {
    WaitRequest request = WaitRequest.fromJson(params);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(request.timeoutMs());
    long seq = events.lastSeq();
    Map<Long, Job> jobs = new HashMap<>();
    Set<Long> pending = new HashSet<>();
    for (long id : request.ids()) {
      Job job = load(id);
      jobs.put(id, job);
      if (!job.isTerminal()) {
        pending.add(id);
      }
    }
    // Only a job named in an event since it was read can have changed: re-read just those, so
    // that waiting for a big array costs per event, not per event and waited job.
    while (!pending.isEmpty() && System.nanoTime() < deadline) {
      events.awaitAfter(seq, deadline);
      EventLog.Since since = events.since(seq);
      seq = since.lastSeq();
      Set<Long> changed = since.ids() == null ? Set.copyOf(pending) : since.ids();
      for (long id : changed) {
        if (pending.contains(id)) {
          Job job = load(id);
          jobs.put(id, job);
          if (job.isTerminal()) {
            pending.remove(id);
          }
        }
      }
    }
    JobPolicy rules = policy.get();
    List<JobInfo> infos = new ArrayList<>();
    for (long id : request.ids()) {
      infos.add(views.view(context, jobs.get(id), rules, false));
    }
    return new WaitResult(infos, !pending.isEmpty()).toJson();
  }

  JsonValue events(CallContext context, JsonValue params) throws InterruptedException {
    EventsRequest request = EventsRequest.fromJson(params);
    Predicate<JobEvent> visible =
        context.role().atLeast(Role.OPERATOR)
            ? event -> true
            : event -> event.user().equals(context.caller().userName());
    List<JobEvent> found =
        events.after(request.afterSeq(), visible, EventsResult.MAX_EVENTS, request.timeoutMs());
    long next =
        found.isEmpty()
            ? Math.max(request.afterSeq(), events.lastSeq())
            : found.get(found.size() - 1).seq();
    return new EventsResult(found, next).toJson();
  }
}
