package org.defections.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * Resolves a normalised temporal value (see {@code org.defections.annotate.TemporalTagger}) against a reference
 * date (the article's publication date or dateline). Plain Java.
 */
public final class DateResolver {
  /**
   * A third part of an {@code MD:mm-dd} or {@code M:mm} value: the day or month of the year before the reference
   * ("October 16 last year"), not the latest one before it.
   */
  public static final String LAST_YEAR = "LASTYEAR";

  /** A resolved date: {@code date} is set for DAY precision, {@code year}/{@code month} as far as known. */
  public record Resolved(LocalDate date, Integer year, Integer month, String precision) {
    public static final Resolved NONE = new Resolved(null, null, null, "NONE");

    public String eventMonth() {
      return year != null && month != null ? String.format("%04d-%02d", year, month) : null;
    }
  }

  private DateResolver() {}

  /** Resolves {@code value}; relative values without a reference date resolve to NONE. */
  public static Resolved resolve(String value, LocalDate ref) {
    if (value == null) {
      return Resolved.NONE;
    }
    String[] p = value.split(":");
    switch (p[0]) {
      case "DATE": {
        LocalDate d = LocalDate.parse(p[1]);
        return day(d);
      }
      case "MONTH": {
        String[] ym = p[1].split("-");
        return new Resolved(null, Integer.parseInt(ym[0]), Integer.parseInt(ym[1]), "MONTH");
      }
      case "YEAR":
        return new Resolved(null, Integer.parseInt(p[1]), null, "YEAR");
      case "MD": {
        if (ref == null) {
          return Resolved.NONE;
        }
        String[] md = p[1].split("-");
        int m = Integer.parseInt(md[0]);
        int d = Integer.parseInt(md[1]);
        boolean lastYear = p.length > 2 && LAST_YEAR.equals(p[2]);
        LocalDate candidate;
        try {
          candidate = LocalDate.of(lastYear ? ref.getYear() - 1 : ref.getYear(), m, d);
        } catch (java.time.DateTimeException e) {
          return Resolved.NONE;
        }
        if (!lastYear && candidate.isAfter(ref.plusDays(7))) {
          candidate = candidate.minusYears(1);
        }
        return day(candidate);
      }
      case "M": {
        if (ref == null) {
          return Resolved.NONE;
        }
        int m = Integer.parseInt(p[1]);
        int y = p.length > 2 && LAST_YEAR.equals(p[2]) ? ref.getYear() - 1
            : m > ref.getMonthValue() + 1 ? ref.getYear() - 1 : ref.getYear();
        return new Resolved(null, y, m, "MONTH");
      }
      case "WEEKDAY": {
        if (ref == null) {
          return Resolved.NONE;
        }
        DayOfWeek dow = DayOfWeek.of(Integer.parseInt(p[1]));
        LocalDate d = ref.with(TemporalAdjusters.previousOrSame(dow));
        if (p.length > 2 && "LAST".equals(p[2]) && d.equals(ref)) {
          d = d.minusWeeks(1);
        }
        return day(d);
      }
      case "REL": {
        if (ref == null) {
          return Resolved.NONE;
        }
        int n = Integer.parseInt(p[2]);
        switch (p[1]) {
          case "DAY":
            return day(ref.plusDays(n));
          case "WEEK": {
            LocalDate d = ref.plusWeeks(n);
            return new Resolved(null, d.getYear(), d.getMonthValue(), "MONTH");
          }
          case "MONTH": {
            LocalDate d = ref.plusMonths(n);
            return new Resolved(null, d.getYear(), d.getMonthValue(), "MONTH");
          }
          case "YEAR":
            return new Resolved(null, ref.getYear() + n, null, "YEAR");
          default:
            return Resolved.NONE;
        }
      }
      default:
        return Resolved.NONE;
    }
  }

  private static Resolved day(LocalDate d) {
    return new Resolved(d, d.getYear(), d.getMonthValue(), "DAY");
  }

  /** Rank of a precision, higher is more precise. */
  public static int rank(String precision) {
    switch (precision == null ? "NONE" : precision) {
      case "DAY":
        return 3;
      case "MONTH":
        return 2;
      case "YEAR":
        return 1;
      default:
        return 0;
    }
  }
}
