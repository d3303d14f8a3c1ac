package io.gflow.protocol.job;

import io.gflow.protocol.json.JsonEncoded;
import io.gflow.protocol.json.PlainJson;
import java.util.Set;

/**
 * Encodes a {@code job.list} result job by job as the jobs are read, without building records'
 * trees: the same text as {@link ListResult#toJson}. Use once: {@link #add} the jobs in id order
 * (one by one, or as {@link Jobs} encoded apart, e.g. on other threads), then {@link #finish}. Not
 * thread-safe.
 */
public final class ListPageWriter {
  private final Set<JobField> fields;
  private final Jobs jobs;
  private final PlainJson.Output out;

  /** A page of whole jobs. */
  public ListPageWriter() {
    this(Set.of());
  }

  /**
   * A page whose jobs carry only {@code id} and the members in {@code fields} (every member when it
   * is empty), as {@link ListRequest#fields} asks.
   */
  public ListPageWriter(Set<JobField> fields) {
    this.fields = JobField.setOf(fields);
    jobs = new Jobs(this.fields);
    out = jobs.out;
    out.appendAscii("{\"jobs\":[");
  }

  /**
   * A run of this page's jobs to be encoded apart, by one thread, and then added with {@link
   * #add(Jobs)}.
   */
  public Jobs newJobs() {
    return new Jobs(fields);
  }

  public void add(JobInfo job) {
    jobs.add(job);
  }

  /** Appends the jobs of {@code run}, which follow every job added before. */
  public void add(Jobs run) {
    if (run.count == 0) {
      return;
    }
    if (jobs.count > 0) {
      out.append(',');
    }
    out.appendBytes(run.out.bytes(), run.out.length());
    jobs.count += run.count;
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

  /** Jobs encoded one after the other, comma-separated, for one page. Not thread-safe. */
  public static final class Jobs {
    private final PlainJson.Output out = new PlainJson.Output();
    private final JobInfoWriter writer;
    private int count;

    private Jobs(Set<JobField> fields) {
      writer = new JobInfoWriter(out, fields);
    }

    public void add(JobInfo job) {
      if (count > 0) {
        out.append(',');
      }
      count++;
      writer.write(job);
    }
  }
}
