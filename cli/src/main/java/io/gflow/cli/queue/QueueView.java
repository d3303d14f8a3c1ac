package io.gflow.cli.queue;

import io.gflow.protocol.job.JobState;
import io.gflow.protocol.job.ListRequest;
import java.util.List;

/**
 * What gqueue asks for and how it shows it: the {@code job.list} filter its flags mean, the columns
 * and their headers ({@link TableListing} makes the table). Pure functions; stateless and
 * thread-safe.
 */
final class QueueView {
  /**
   * Jobs asked for per page: ten times the daemon's default, so a big listing takes few round trips
   * (and few index walks) while a page of full jobs stays a few MB.
   */
  static final int PAGE_SIZE = 10 * ListRequest.DEFAULT_LIMIT;

  /**
   * Jobs asked for in the first page: few, so that it is shown soon and while the daemon reads the
   * next, bigger page ({@link QueuePages#next}).
   */
  static final int FIRST_PAGE = ListRequest.DEFAULT_LIMIT / 2;

  /** States of jobs that have not finished: the default view. */
  static final List<JobState> UNFINISHED =
      List.of(JobState.PENDING, JobState.HELD, JobState.RUNNING);

  static final List<QueueColumn> DEFAULT =
      List.of(
          QueueColumn.ID,
          QueueColumn.NAME,
          QueueColumn.USER,
          QueueColumn.ST,
          QueueColumn.TIME,
          QueueColumn.GPUS,
          QueueColumn.REASON);

  static final List<QueueColumn> COMPLETED =
      List.of(
          QueueColumn.ID,
          QueueColumn.NAME,
          QueueColumn.USER,
          QueueColumn.ST,
          QueueColumn.TIME,
          QueueColumn.GPUS,
          QueueColumn.EXIT,
          QueueColumn.END,
          QueueColumn.REASON);

  static final List<QueueColumn> LONG =
      List.of(
          QueueColumn.ID,
          QueueColumn.NAME,
          QueueColumn.USER,
          QueueColumn.STATE,
          QueueColumn.PRIORITY,
          QueueColumn.GPUS,
          QueueColumn.TIME,
          QueueColumn.LIMIT,
          QueueColumn.EXIT,
          QueueColumn.SUBMIT,
          QueueColumn.START,
          QueueColumn.END,
          QueueColumn.REASON);

  private QueueView() {}

  /**
   * The first page's request. Default: {@code ownUser}'s unfinished jobs. {@code -u} names users,
   * {@code -a} drops the user filter; {@code -c} adds finished jobs; {@code -s} picks states;
   * {@code -j} names jobs, which are then shown whoever owns them and whatever their state (unless
   * {@code -u} or {@code -s} also say otherwise).
   */
  static ListRequest request(
      List<String> users,
      List<JobState> states,
      List<Long> ids,
      List<String> names,
      boolean completed,
      boolean all,
      String ownUser) {
    boolean byId = !ids.isEmpty();
    List<String> userFilter = !users.isEmpty() ? users : all || byId ? List.of() : List.of(ownUser);
    List<JobState> stateFilter =
        !states.isEmpty() ? states : completed || byId ? List.of() : UNFINISHED;
    return new ListRequest(userFilter, stateFilter, ids, names, null, FIRST_PAGE, null);
  }

  /** The columns: {@code --format} if given, else long, completed or default. */
  static List<QueueColumn> columns(String format, boolean longFormat, boolean completed) {
    if (format != null) {
      return QueueColumn.parseList(format);
    }
    return longFormat ? LONG : completed ? COMPLETED : DEFAULT;
  }

  /** The header line's cells, or null when {@code noHeader}. */
  static List<String> headers(List<QueueColumn> columns, boolean noHeader) {
    return noHeader ? null : columns.stream().map(QueueColumn::header).toList();
  }
}
