package io.gflow.cli.queue;

import io.gflow.protocol.ErrorCode;
import io.gflow.protocol.RpcException;
import io.gflow.protocol.SafeText;
import io.gflow.protocol.job.JobField;
import io.gflow.protocol.job.JobState;
import io.gflow.protocol.job.WireInstants;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the jobs of a {@code job.list} page straight from the reply frame when they are plain as
 * gflowd writes them: members in {@link JobField} order, without blanks; strings of printable ASCII
 * without escapes; numbers as integers; arrays of integers. Each job is then a set of spans in the
 * frame, and a cell decodes only the members it shows, so a big table costs little more than the
 * bytes it shows (decoding whole {@code JobInfo}s is most of a cold gqueue's time). Anything else
 * (a name beyond ASCII, a command, an unknown member) is not plain: the caller reads that page with
 * the strict reader instead, which accepts or rejects it. A plain job is checked for its members'
 * types, the members every job carries and a known state; unlike the strict reader, it does not
 * check numbers' ranges, and an instant only when a cell reads it (the daemon's own output, from a
 * server whose uid the client checked). One object serves one page at a time, as the job {@link
 * #read} hands on; not thread-safe.
 */
final class PlainRows implements QueuedJob {
  private static final JobField[] FIELDS = JobField.values();

  /** Per member, its name as written: {@code "name":}. */
  private static final byte[][] NAMES = names();

  private static final JobField[] REQUIRED = JobField.REQUIRED.toArray(new JobField[0]);
  private static final JobState[] STATES = JobState.values();
  private static final byte[][] STATE_NAMES = stateNames();
  private static final byte[] NULL_TEXT = PageFrame.ascii("null");
  private static final byte[] TRUE_TEXT = PageFrame.ascii("true");
  private static final byte[] FALSE_TEXT = PageFrame.ascii("false");

  private static final byte ABSENT = 0;
  private static final byte NULL = 1;
  private static final byte NUMBER = 2;
  private static final byte STRING = 3;
  private static final byte NUMBERS = 4;
  private static final byte BOOLEAN = 5;

  private static final byte[] EXPECTED = expectedKinds();

  /** Longest integer read: no overflow, and more than any id, count or time limit needs. */
  private static final int MAX_DIGITS = 18;

  private final byte[] frame;
  private final byte[] kinds = new byte[FIELDS.length];
  private final int[] starts = new int[FIELDS.length];
  private final int[] ends = new int[FIELDS.length];
  private final long[] numbers = new long[FIELDS.length];

  /** Per member, the last text read of it (a big listing repeats names, users and reasons). */
  private final String[] texts = new String[FIELDS.length];

  private JobState state;

  private PlainRows(byte[] frame) {
    this.frame = frame;
  }

  /**
   * Hands each job of the array whose first job starts at {@code start} and whose {@code ]} is at
   * {@code end} to {@code sink}, one after the other through the same object.
   *
   * @return false, after some jobs perhaps, at the first job that is not plain, or if the jobs do
   *     not end at {@code end}
   */
  static boolean read(byte[] frame, int start, int end, Consumer<QueuedJob> sink) {
    PlainRows job = new PlainRows(frame);
    int pos = start;
    if (pos == end) {
      return frame[pos] == ']';
    }
    while (pos < end && frame[pos] == '{') {
      pos = job.readObject(pos + 1);
      if (pos < 0 || pos > end || !job.complete()) {
        return false;
      }
      sink.accept(job);
      if (pos == end) {
        return frame[pos] == ']';
      }
      if (frame[pos] != ',') {
        return false;
      }
      pos++;
    }
    return false;
  }

  /** Reads the members after an object's {@code {}; the index after its {@code }}, or -1. */
  private int readObject(int pos) {
    Arrays.fill(kinds, ABSENT);
    int next = 0;
    while (true) {
      int field = member(pos, next);
      if (field < 0) {
        return -1;
      }
      pos += NAMES[field].length;
      starts[field] = pos;
      pos = value(pos, field);
      if (pos < 0 || pos >= frame.length) {
        return -1;
      }
      ends[field] = pos;
      next = field + 1;
      if (frame[pos] == '}') {
        return pos + 1;
      }
      if (frame[pos] != ',') {
        return -1;
      }
      pos++;
    }
  }

  /** The member whose name is at {@code pos}, among those from {@code from} on; -1 if none. */
  private int member(int pos, int from) {
    for (int field = from; field < NAMES.length; field++) {
      if (startsWith(pos, NAMES[field])) {
        return field;
      }
    }
    return -1;
  }

  /** Reads the value at {@code pos} as {@code field}'s; the index after it, or -1 if not plain. */
  private int value(int pos, int field) {
    if (pos >= frame.length) {
      return -1;
    }
    byte first = frame[pos];
    if (first == 'n' && startsWith(pos, NULL_TEXT)) {
      kinds[field] = NULL;
      return pos + NULL_TEXT.length;
    }
    if (first == 't' && startsWith(pos, TRUE_TEXT)) {
      kinds[field] = BOOLEAN;
      numbers[field] = 1;
      return pos + TRUE_TEXT.length;
    }
    if (first == 'f' && startsWith(pos, FALSE_TEXT)) {
      kinds[field] = BOOLEAN;
      numbers[field] = 0;
      return pos + FALSE_TEXT.length;
    }
    if (first == '"') {
      kinds[field] = STRING;
      return afterString(pos + 1);
    }
    if (first == '[') {
      kinds[field] = NUMBERS;
      return afterNumbers(pos + 1);
    }
    kinds[field] = NUMBER;
    return afterNumber(pos, field);
  }

  /** The index after the string whose text starts at {@code pos}; -1 if it is not plain. */
  private int afterString(int pos) {
    for (; pos < frame.length; pos++) {
      byte b = frame[pos];
      if (b == '"') {
        return pos + 1;
      }
      if (b < 0x20 || b > 0x7e || b == '\\') {
        return -1;
      }
    }
    return -1;
  }

  /** The index after {@code ]} of an array of integers whose elements start at {@code pos}. */
  private int afterNumbers(int pos) {
    if (pos < frame.length && frame[pos] == ']') {
      return pos + 1;
    }
    while (pos >= 0 && pos < frame.length) {
      pos = afterNumber(pos, -1);
      if (pos < 0 || pos >= frame.length) {
        return -1;
      }
      if (frame[pos] == ']') {
        return pos + 1;
      }
      pos = frame[pos] == ',' ? pos + 1 : -1;
    }
    return -1;
  }

  /**
   * The index after the integer at {@code pos} (JSON's form: no leading zero, no fraction or
   * exponent), kept as {@code field}'s number unless {@code field} is -1; -1 if not plain.
   */
  private int afterNumber(int pos, int field) {
    boolean negative = pos < frame.length && frame[pos] == '-';
    int digitsStart = negative ? pos + 1 : pos;
    long value = 0;
    int end = digitsStart;
    while (end < frame.length && frame[end] >= '0' && frame[end] <= '9') {
      value = value * 10 + (frame[end] - '0');
      end++;
    }
    int digits = end - digitsStart;
    if (digits == 0
        || digits > MAX_DIGITS
        || (digits > 1 && frame[digitsStart] == '0')
        || (end < frame.length && (frame[end] == '.' || frame[end] == 'e' || frame[end] == 'E'))) {
      return -1;
    }
    if (field >= 0) {
      numbers[field] = negative ? -value : value;
    }
    return end;
  }

  /**
   * Whether the job just read has every member a job must carry, each member of its type, and a
   * known state; what is not is left to the strict reader.
   */
  private boolean complete() {
    for (JobField field : REQUIRED) {
      if (kinds[field.ordinal()] == ABSENT || kinds[field.ordinal()] == NULL) {
        return false;
      }
    }
    for (int field = 0; field < FIELDS.length; field++) {
      byte kind = kinds[field];
      if (kind != ABSENT && kind != NULL && kind != EXPECTED[field]) {
        return false;
      }
    }
    int command = JobField.COMMAND.ordinal();
    if (kinds[command] == NUMBERS && ends[command] - starts[command] != 2) {
      return false; // a command's words are strings: only [] is plain
    }
    if (!fitsInt(JobField.PRIORITY)
        || !fitsInt(JobField.GPUS)
        || !fitsInt(JobField.EXIT_CODE)
        || !fitsInt(JobField.SIGNAL)) {
      return false;
    }
    state = knownState();
    return state != null;
  }

  private boolean fitsInt(JobField field) {
    long value = numbers[field.ordinal()];
    return kinds[field.ordinal()] != NUMBER
        || (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE);
  }

  private JobState knownState() {
    int at = JobField.STATE.ordinal();
    int length = ends[at] - starts[at] - 2;
    for (int candidate = 0; candidate < STATES.length; candidate++) {
      if (STATE_NAMES[candidate].length == length
          && startsWith(starts[at] + 1, STATE_NAMES[candidate])) {
        return STATES[candidate];
      }
    }
    return null;
  }

  /** Per member, the type of value it holds (looked up for every member of every job). */
  private static byte[] expectedKinds() {
    byte[] kinds = new byte[FIELDS.length];
    for (JobField field : FIELDS) {
      kinds[field.ordinal()] = kindOf(field);
    }
    return kinds;
  }

  /** The type of value {@code field} holds; a command's strings never are plain, nor is env. */
  private static byte kindOf(JobField field) {
    return switch (field) {
      case ID, ARRAY_JOB_ID, ARRAY_TASK_ID, UID, PRIORITY, GPUS, EXIT_CODE, SIGNAL, TIME_LIMIT ->
          NUMBER;
      case ASSIGNED_GPUS, DEPENDS_ON, COMMAND -> NUMBERS; // a command only as [] (no words)
      case REDACTED -> BOOLEAN;
      case ENV -> ABSENT;
      default -> STRING;
    };
  }

  private boolean startsWith(int pos, byte[] expected) {
    return PageFrame.startsWith(frame, pos, expected);
  }

  private boolean has(JobField field) {
    return kinds[field.ordinal()] > NULL;
  }

  private Long number(JobField field) {
    return has(field) ? numbers[field.ordinal()] : null;
  }

  private Integer integer(JobField field) {
    return has(field) ? (int) numbers[field.ordinal()] : null;
  }

  private String text(JobField field) {
    if (!has(field)) {
      return null;
    }
    int at = field.ordinal();
    int start = starts[at] + 1;
    int length = ends[at] - start - 1;
    String last = texts[at];
    if (last != null && last.length() == length && sameText(last, start)) {
      return last;
    }
    return texts[at] = new String(frame, start, length, StandardCharsets.US_ASCII);
  }

  /** Whether the ASCII {@code text} is in the frame at {@code pos}. */
  private boolean sameText(String text, int pos) {
    for (int index = 0; index < text.length(); index++) {
      if (frame[pos + index] != text.charAt(index)) {
        return false;
      }
    }
    return true;
  }

  private Instant instant(JobField field) {
    String text = text(field);
    try {
      return text == null ? null : WireInstants.parse(text);
    } catch (DateTimeParseException bad) {
      throw new RpcException(
          ErrorCode.INTERNAL_ERROR,
          "daemon sent invalid JSON: job."
              + field.wireName()
              + " '"
              + SafeText.escape(text)
              + "' is not an instant");
    }
  }

  @Override
  public long id() {
    return numbers[JobField.ID.ordinal()];
  }

  @Override
  public Long arrayJobId() {
    return number(JobField.ARRAY_JOB_ID);
  }

  @Override
  public Long arrayTaskId() {
    return number(JobField.ARRAY_TASK_ID);
  }

  @Override
  public String user() {
    return text(JobField.USER);
  }

  @Override
  public String name() {
    return text(JobField.NAME);
  }

  @Override
  public JobState state() {
    return state;
  }

  @Override
  public String reason() {
    return text(JobField.REASON);
  }

  @Override
  public int priority() {
    return (int) numbers[JobField.PRIORITY.ordinal()];
  }

  @Override
  public int gpus() {
    return (int) numbers[JobField.GPUS.ordinal()];
  }

  @Override
  public List<Integer> assignedGpus() {
    if (!has(JobField.ASSIGNED_GPUS)) {
      return List.of();
    }
    int at = JobField.ASSIGNED_GPUS.ordinal();
    List<Integer> indices = new ArrayList<>();
    String inside =
        new String(frame, starts[at] + 1, ends[at] - starts[at] - 2, StandardCharsets.US_ASCII);
    for (String index : inside.isEmpty() ? new String[0] : inside.split(",")) {
      indices.add(Integer.parseInt(index));
    }
    return indices;
  }

  @Override
  public Instant submitTime() {
    return instant(JobField.SUBMIT_TIME);
  }

  @Override
  public Instant startTime() {
    return instant(JobField.START_TIME);
  }

  @Override
  public Instant endTime() {
    return instant(JobField.END_TIME);
  }

  @Override
  public Integer exitCode() {
    return integer(JobField.EXIT_CODE);
  }

  @Override
  public Integer signal() {
    return integer(JobField.SIGNAL);
  }

  @Override
  public Long timeLimitSeconds() {
    return number(JobField.TIME_LIMIT);
  }

  @Override
  public boolean redacted() {
    return has(JobField.REDACTED) && numbers[JobField.REDACTED.ordinal()] != 0;
  }

  @Override
  public List<String> command() {
    return has(JobField.COMMAND) ? List.of() : null;
  }

  @Override
  public String script() {
    return text(JobField.SCRIPT);
  }

  private static byte[][] stateNames() {
    byte[][] names = new byte[STATES.length][];
    for (int state = 0; state < STATES.length; state++) {
      names[state] = PageFrame.ascii(STATES[state].wireName());
    }
    return names;
  }

  private static byte[][] names() {
    byte[][] names = new byte[FIELDS.length][];
    for (JobField field : FIELDS) {
      names[field.ordinal()] = PageFrame.ascii("\"" + field.wireName() + "\":");
    }
    return names;
  }
}
