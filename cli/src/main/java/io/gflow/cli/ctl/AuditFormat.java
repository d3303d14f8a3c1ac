package io.gflow.cli.ctl;

import io.gflow.cli.BeginTimes;
import io.gflow.cli.Table;
import io.gflow.cli.Texts;
import io.gflow.protocol.control.AuditRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pure helpers of {@code gctl audit}: the {@code --since} forms and the table. Stateless. */
final class AuditFormat {
  private static final Pattern AGO = Pattern.compile("(\\d{1,9})([smhdw])");

  private AuditFormat() {}

  /**
   * {@code --since}: a span back from now ({@code 30m}, {@code 2h}, {@code 7d}) or any {@code
   * gbatch --begin} form naming a moment ({@code 2026-12-07}, {@code 2026-12-07T08:00:00Z}, {@code
   * today}).
   *
   * @throws IllegalArgumentException naming the text and the accepted forms
   */
  static Instant since(String text, Instant now, ZoneId zone) {
    Matcher ago = AGO.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (ago.matches()) {
      long count = Long.parseLong(ago.group(1));
      Duration unit =
          switch (ago.group(2)) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            case "d" -> Duration.ofDays(1);
            default -> Duration.ofDays(7);
          };
      return now.minus(unit.multipliedBy(count));
    }
    try {
      return BeginTimes.parse(text, now, zone);
    } catch (IllegalArgumentException bad) {
      throw new IllegalArgumentException(
          "--since '"
              + Texts.safe(text)
              + "': expected a span back from now (30m, 2h, 7d) or a time such as 2026-12-07 or"
              + " 2026-12-07T08:00:00Z",
          bad);
    }
  }

  /** TIME USER UID ROLE METHOD TARGET OUTCOME REASON, one record per line, oldest first. */
  static String table(List<AuditRecord> records) {
    if (records.isEmpty()) {
      return "no audit records match\n";
    }
    List<List<String>> rows = new ArrayList<>();
    for (AuditRecord record : records) {
      rows.add(
          List.of(
              record.time().truncatedTo(ChronoUnit.SECONDS).toString(),
              Texts.safe(record.user()),
              Long.toString(record.uid()),
              record.role().wireName(),
              Texts.safe(record.method()),
              record.target() == null ? "-" : Texts.safe(record.target()),
              Texts.safe(record.outcome()),
              record.reason() == null ? "" : Texts.safe(record.reason())));
    }
    return Table.render(
        List.of("TIME", "USER", "UID", "ROLE", "METHOD", "TARGET", "OUTCOME", "REASON"), rows);
  }
}
