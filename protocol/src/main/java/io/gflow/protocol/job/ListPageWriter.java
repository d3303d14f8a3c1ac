package io.gflow.protocol.job;

import io.gflow.protocol.json.JsonEncoded;
import io.gflow.protocol.json.PlainJson;
import java.util.Set;

/**
 * Encodes a {@code job.list} result job by job as the jobs are read, without building records'
 * trees: the same text as {@link ListResult#toJson}. Use once: {@link #add} the jobs in id order,
 * then {@link #finish}. Not thread-safe.
 */
public final class ListPageWriter {
  private final PlainJson.Output out = new PlainJson.Output();
  private final JobInfoWriter jobs;
  private boolean first = true;

  /** A page of whole jobs. */
  public ListPageWriter() {
    this(Set.of());
  }

  /**
   * A page whose jobs carry only {@code id} and the members in {@code fields} (every member when it
   * is empty), as {@link ListRequest#fields} asks.
   */
  public ListPageWriter(Set<JobField> fields) {
    jobs = new JobInfoWriter(out, JobField.setOf(fields));
    out.appendAscii("{\"jobs\":[");
  }

  public void add(JobInfo job) {
    if (!first) {
      out.append(',');
    }
    first = false;
    jobs.write(job);
  }

  /** Ends the page; {@code next} as in {@link ListResult}. */
  public JsonEncoded finish(Long next) {
    if (next != null) {
      Checks.atLeast("next", next, 1);
    }
    out.appendAscii("],\"next\":");
    out.appendAscii(next == null ? "null" : Long.toString(next));
    out.append('}');
    return new JsonEncoded(out.bytes(), out.length());
  }
}
