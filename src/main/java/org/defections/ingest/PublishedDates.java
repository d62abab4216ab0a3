package org.defections.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Publication dates as input records give them: ISO dates, timestamps (with or without an offset), "August 6, 2012",
 * "6 August 2012", "2012/08/06". Plain Java.
 */
public final class PublishedDates {
  private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
      DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH), DateTimeFormatter.ofPattern("d MMMM uuuu",
          Locale.ENGLISH), DateTimeFormatter.ofPattern("uuuu/MM/dd"));

  private PublishedDates() {}

  /** ISO date of a date or timestamp string, or null when unreadable. */
  public static String parseDate(String s) {
    LocalDate d = localDate(s);
    return d == null ? null : d.toString();
  }

  /** The day of a date or timestamp string, or null when unreadable. */
  static LocalDate localDate(String s) {
    LocalDate iso = isoDate(s);
    if (iso != null) {
      return iso;
    }
    // a timestamp ("1987-02-26T15:01:01", "2011-02-22 08:02"), the common case of feeds, is tried first: each
    // format that fails costs an exception, and a timestamp fails every date format
    if (s.length() > 10 && s.charAt(4) == '-' && (s.charAt(10) == 'T' || s.charAt(10) == ' ')) {
      LocalDate timestamp = timestampDate(s);
      if (timestamp != null) {
        return timestamp;
      }
    }
    for (DateTimeFormatter f : DATE_FORMATS) {
      try {
        return LocalDate.parse(s, f);
      } catch (DateTimeParseException e) {
        // next format
      }
    }
    return timestampDate(s);
  }

  /**
   * The day of the commonest forms, read without a formatter: {@code yyyy-MM-dd}, alone or followed by {@code T} or
   * a space and {@code HH:mm}, {@code HH:mm:ss} or {@code HH:mm:ss.f} (1 to 9 digits), in range; null for anything
   * else, which the formatters then read. Every string it reads, they read as the same day.
   */
  static LocalDate isoDate(String s) {
    int n = s.length();
    if (n < 10 || !digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 7) || s.charAt(7) != '-'
        || !digits(s, 8, 10)) {
      return null;
    }
    if (n > 10) {
      if (s.charAt(10) != 'T' && s.charAt(10) != ' ' || n < 16 || !digits(s, 11, 13) || s.charAt(13) != ':'
          || !digits(s, 14, 16) || number(s, 11, 13) > 23 || number(s, 14, 16) > 59) {
        return null;
      }
      if (n > 16 && (n < 19 || s.charAt(16) != ':' || !digits(s, 17, 19) || number(s, 17, 19) > 59)) {
        return null;
      }
      if (n > 19 && (s.charAt(19) != '.' || n < 21 || n > 29 || !digits(s, 20, n))) {
        return null;
      }
    }
    try {
      return LocalDate.of(number(s, 0, 4), number(s, 5, 7), number(s, 8, 10));
    } catch (java.time.DateTimeException e) {
      return null; // February 30th and the like: the formatters say why not
    }
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = 10 * v + s.charAt(i) - '0';
    }
    return v;
  }

  /** The day of a local or offset timestamp, or null. */
  private static LocalDate timestampDate(String s) {
    try {
      return LocalDateTime.parse(s.replace(' ', 'T')).toLocalDate();
    } catch (DateTimeParseException e) {
      // next
    }
    try {
      return OffsetDateTime.parse(s).toLocalDate();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

}
