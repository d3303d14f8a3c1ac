package io.gflow.protocol.job;

import io.gflow.protocol.json.Fields;
import io.gflow.protocol.json.JsonArray;
import io.gflow.protocol.json.JsonObject;
import io.gflow.protocol.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Params of {@code job.list}: filters (an empty list means "any"; the filters combine with AND),
 * and a page of at most {@code limit} jobs in id order after {@code afterId}. Immutable and
 * thread-safe.
 *
 * @param since only jobs submitted at or after this instant, null for any time
 * @param limit 1..100000, default {@value #DEFAULT_LIMIT}
 * @param afterId only ids above this one (the previous page's {@code next}), null from the start
 * @param fields the job members to send, in wire order ({@code id} is always sent); empty for every
 *     member. Only leaves members out: what a caller may see is decided as without it (and {@code
 *     env} is never sent by {@code job.list}, asked for or not).
 */
public record ListRequest(
    List<String> users,
    List<JobState> states,
    List<Long> ids,
    List<String> names,
    Instant since,
    int limit,
    Long afterId,
    Set<JobField> fields) {
  public static final int DEFAULT_LIMIT = 1000;
  public static final int MAX_LIMIT = 100_000;

  /** Most values in one filter list. */
  public static final int MAX_FILTER = 10_000;

  /** Most names in {@code fields} (repeats included). */
  public static final int MAX_FIELDS = 100;

  private static final String CONTEXT = "job.list params";

  public ListRequest {
    users = filter("users", users);
    for (String user : users) {
      Checks.label("users entry", user);
    }
    states = states == null ? List.of() : List.copyOf(states);
    ids = Checks.ids("ids", ids, 0, MAX_FILTER);
    names = filter("names", names);
    for (String name : names) {
      Checks.label("names entry", name);
    }
    Checks.range("limit", limit, 1, MAX_LIMIT);
    if (afterId != null) {
      Checks.atLeast("after_id", afterId, 0);
    }
    fields = JobField.setOf(fields);
  }

  /** Every member of each job. */
  public ListRequest(
      List<String> users,
      List<JobState> states,
      List<Long> ids,
      List<String> names,
      Instant since,
      int limit,
      Long afterId) {
    this(users, states, ids, names, since, limit, afterId, null);
  }

  /** The same request for only {@code id} and the members in {@code only} (all when empty). */
  public ListRequest withFields(Set<JobField> only) {
    return new ListRequest(users, states, ids, names, since, limit, afterId, only);
  }

  /** The same request for the page of at most {@code pageLimit} jobs after job {@code lastId}. */
  public ListRequest after(long lastId, int pageLimit) {
    return new ListRequest(users, states, ids, names, since, pageLimit, lastId, fields);
  }

  /** Everything visible, first page. */
  public static ListRequest all() {
    return new ListRequest(null, null, null, null, null, DEFAULT_LIMIT, null);
  }

  private static List<String> filter(String field, List<String> values) {
    List<String> copy = values == null ? List.of() : List.copyOf(values);
    Checks.range(field + " count", copy.size(), 0, MAX_FILTER);
    return copy;
  }

  /**
   * The params; {@code fields} only when it restricts, so that older daemons understand the rest.
   */
  public JsonObject toJson() {
    JsonObject.Builder json =
        JsonObject.builder()
            .put("users", JsonArray.ofStrings(users))
            .put("states", WireFields.ofStates(states))
            .put("ids", JsonArray.ofLongs(ids))
            .put("names", JsonArray.ofStrings(names))
            .put("since", WireFields.of(since))
            .put("limit", limit)
            .put("after_id", WireFields.of(afterId));
    if (!fields.isEmpty()) {
      json.put("fields", JsonArray.ofStrings(fields.stream().map(JobField::wireName).toList()));
    }
    return json.build();
  }

  /** Reads params strictly; states may be wire names or short codes ("PD", "r"). */
  public static ListRequest fromJson(JsonValue value) {
    Fields fields = Fields.of(value, CONTEXT);
    List<String> users = fields.stringList("users", MAX_FILTER);
    List<JobState> states = WireFields.states(fields, "states", MAX_FILTER);
    List<Long> ids = WireFields.idList(fields, "ids", MAX_FILTER);
    List<String> names = fields.stringList("names", MAX_FILTER);
    Instant since = WireFields.instant(fields, CONTEXT, "since");
    int limit =
        (int) fields.optionalLong("limit", Integer.MIN_VALUE, Integer.MAX_VALUE, DEFAULT_LIMIT);
    Long afterId = fields.optionalLong("after_id", Long.MIN_VALUE, Long.MAX_VALUE);
    List<JobField> members = new ArrayList<>();
    for (String member : fields.stringList("fields", MAX_FIELDS)) {
      members.add(JobField.parse(CONTEXT + ".fields", member));
    }
    fields.end();
    return new ListRequest(
        users, states, ids, names, since, limit, afterId, JobField.setOf(members));
  }
}
