package io.gflow.protocol.job;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gflow.protocol.json.JsonEncoded;
import io.gflow.protocol.json.JsonStreams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Encodes a {@code job.list} result job by job as the jobs are read, without building records'
 * trees: the same text as {@link ListResult#toJson}. Use once: {@link #add} the jobs in id order,
 * then {@link #finish}. Not thread-safe.
 */
public final class ListPageWriter {
  private static final int INITIAL_BYTES = 16 * 1024;

  private final JsonStreams.Buffer buffer = new JsonStreams.Buffer(INITIAL_BYTES);
  private final JsonGenerator generator;
  private final Set<JobField> fields;

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
    try {
      generator = JsonStreams.generator(buffer);
      generator.writeStartObject();
      generator.writeArrayFieldStart("jobs");
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
  }

  public void add(JobInfo job) {
    try {
      JobInfoWriter.write(generator, job, fields);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
  }

  /** Ends the page; {@code next} as in {@link ListResult}. */
  public JsonEncoded finish(Long next) {
    if (next != null) {
      Checks.atLeast("next", next, 1);
    }
    try {
      generator.writeEndArray();
      generator.writeFieldName("next");
      if (next == null) {
        generator.writeNull();
      } else {
        generator.writeNumber(next);
      }
      generator.writeEndObject();
      generator.close();
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return buffer.encoded();
  }
}
