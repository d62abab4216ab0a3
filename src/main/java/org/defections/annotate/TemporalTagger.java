package org.defections.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.defections.extract.DateResolver;

/**
 * Finds temporal expressions in English text and normalises each to a value that can be resolved later against an
 * article's publication date (see {@code org.defections.extract.DateResolver}). Plain Java, no Spark.
 *
 * <p>Values:
 * {@code DATE:yyyy-mm-dd}, {@code MONTH:yyyy-mm}, {@code YEAR:yyyy}, {@code MD:mm-dd} (day and month, no year),
 * {@code M:mm} (month, no year), {@code WEEKDAY:n} (1 = Monday), {@code REL:unit:n} (unit DAY/WEEK/MONTH/YEAR, n
 * relative to the reference date, e.g. "last week" = REL:WEEK:-1, "earlier this year" = REL:YEAR:0).
 */
public final class TemporalTagger {
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** A temporal expression: [begin, end) offsets into the tagged text, the text and its normalised value. */
  public record Expression(int begin, int end, String text, String value) {}

  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("january", 1), Map.entry("jan", 1), Map.entry("february", 2), Map.entry("feb", 2),
      Map.entry("march", 3), Map.entry("mar", 3), Map.entry("april", 4), Map.entry("apr", 4), Map.entry("may", 5),
      Map.entry("june", 6), Map.entry("jun", 6), Map.entry("july", 7), Map.entry("jul", 7), Map.entry("august", 8),
      Map.entry("aug", 8), Map.entry("september", 9), Map.entry("sep", 9), Map.entry("sept", 9),
      Map.entry("october", 10), Map.entry("oct", 10), Map.entry("november", 11), Map.entry("nov", 11),
      Map.entry("december", 12), Map.entry("dec", 12));
  private static final Map<String, Integer> WEEKDAYS = Map.of("monday", 1, "tuesday", 2, "wednesday", 3,
      "thursday", 4, "friday", 5, "saturday", 6, "sunday", 7);
  private static final Map<String, Integer> SMALL_NUMBERS = Map.ofEntries(Map.entry("a", 1), Map.entry("one", 1),
      Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
      Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10));

  /*
   * A pattern is tried at every position of a text. Each begins with a look-ahead for the first characters it can
   * match (they change no match: every alternative after them begins with one of them), so that most positions are
   * ruled out by one test, before a word boundary or an alternation of names is tried.
   */
  private static final String MONTH =
      "(?=[JFMASOND])(January|February|March|April|May|June|July|August|September|October|November|December"
          + "|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
  private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
  private static final String YEAR = "((?:1[89]|20)\\d\\d)";

  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("(?=\\d)\\b" + DAY + "\\s+" + MONTH + ",?\\s+" + YEAR + "\\b");
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile("(?=[JFMASOND])\\b" + MONTH + "\\s+" + DAY + "(?:,\\s*|\\s+)" + YEAR + "\\b");
  private static final Pattern ISO_DATE = Pattern.compile("(?=[12])\\b" + YEAR + "-(\\d\\d)-(\\d\\d)\\b");
  private static final Pattern MONTH_YEAR =
      Pattern.compile("(?=[JFMASOND])\\b" + MONTH + ",?\\s+(?:of\\s+)?" + YEAR + "\\b");
  /** "October 16 last year", "in October last year": the month (and day) of the year before the reference. */
  private static final Pattern MONTH_DAY_LAST_YEAR = Pattern.compile("(?=[JFMASOND])\\b" + MONTH + "\\s+" + DAY
      + ",?\\s+(?:of\\s+)?last\\s+year\\b");
  private static final Pattern MONTH_LAST_YEAR = Pattern.compile("(?=[JFMASOND])\\b" + MONTH
      + ",?\\s+(?:of\\s+)?last\\s+year\\b");
  private static final Pattern MONTH_DAY =
      Pattern.compile("(?=[JFMASOND])\\b" + MONTH + "\\s+" + DAY + "\\b(?!\\s*,?\\s*\\d)");
  private static final Pattern DAY_MONTH = Pattern.compile("(?=\\d)\\b" + DAY + "\\s+(?:of\\s+)?" + MONTH + "\\b");
  private static final Pattern MONTH_ALONE = Pattern.compile(
      "(?=[iosbulemtnIOSBULEMTN])\\b(?i:in|on|since|by|until|late|early|mid-?|last|this|next)\\s+"
          + "(?i:late\\s+|early\\s+)?"
          + "(?=[JFMASOND])(January|February|March|April|May|June|July|August|September|October|November|December)"
          + "\\b(?!\\s+\\d)");
  private static final Pattern YEAR_ALONE =
      Pattern.compile("(?=[isdobuelmawfISDOBUELMAWF])\\b(?i:in|since|during|of|by|until|early|late|mid-?|around"
          + "|summer|winter|spring|autumn|fall|in\\s+(?:early|late|mid-?))\\s*" + YEAR
          + "\\b(?!\\s*(?:-|–)\\s*\\d)");
  private static final Pattern POSSESSIVE_YEAR = Pattern.compile("(?=[HhTt])\\b(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he)\\s+"
      + YEAR + "\\s+(?:defection|desertion|escape|flight)\\b");
  /**
   * The year of a named event: "at the 1993 Central American Games", "during the 1980 Moscow Olympics", and in
   * headings without the article, "Defected at 1993 Central American Games".
   */
  private static final Pattern EVENT_YEAR = Pattern.compile(
      "(?=[abdfiABDFI])\\b(?:(?i:at|during|from|in|after|before)\\s+the\\s+|(?i:at|during)\\s+)" + YEAR
          + "(?=\\s+\\p{Lu})");
  private static final Pattern WEEKDAY = Pattern.compile(
      "(?=[ltoeMTWFS])\\b(?:(last|this|on|early|late)\\s+)?"
          + "(?=[MTWFS])(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?\\b");
  private static final Pattern RELATIVE = Pattern.compile("(?i)(?=[ytlenaofs0-9])\\b(yesterday|today|tonight|"
      + "last night|(?:earlier|late|later)\\s+(?:this|last)\\s+(?:week|month|year)|"
      + "(?:this|last|next)\\s+(?:week|month|year)|"
      + "(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\\d+)\\s+(day|week|month|year)s?\\s+"
      + "(?:ago|earlier|before)"
      + "|the\\s+(?:previous|past)\\s+(?:day|week|month|year))\\b");

  private TemporalTagger() {}

  /**
   * Temporal expressions in text of a language ("en", "es"; other languages have none), in text order, without
   * overlaps.
   */
  public static List<Expression> tag(String text, String language) {
    switch (language) {
      case "en":
        return tag(text);
      case "es":
        return SpanishTemporalTagger.tag(text);
      default:
        return List.of();
    }
  }

  /** Temporal expressions in English {@code text}, in text order, without overlaps (longer, more specific forms win). */
  public static List<Expression> tag(String text) {
    List<Expression> found = new ArrayList<>();
    fullDates(text, found);
    scan(text, MONTH_YEAR, found, m -> String.format(Locale.ROOT, "MONTH:%04d-%02d", year(m.group(2)), month(m.group(1))));
    scan(text, MONTH_DAY_LAST_YEAR, found, m -> lastYear(md(month(m.group(1)), Integer.parseInt(m.group(2)))));
    scan(text, MONTH_LAST_YEAR, found, m -> String.format(Locale.ROOT, "M:%02d:%s", month(m.group(1)),
        DateResolver.LAST_YEAR));
    scan(text, MONTH_DAY, found, m -> md(month(m.group(1)), Integer.parseInt(m.group(2))));
    scan(text, DAY_MONTH, found, m -> md(month(m.group(2)), Integer.parseInt(m.group(1))));
    scan(text, MONTH_ALONE, found, m -> String.format(Locale.ROOT, "M:%02d", month(m.group(1))));
    scan(text, POSSESSIVE_YEAR, found, m -> "YEAR:" + m.group(1));
    scan(text, YEAR_ALONE, found, m -> "YEAR:" + m.group(1));
    scan(text, EVENT_YEAR, found, m -> "YEAR:" + m.group(1));
    scan(text, RELATIVE, found, TemporalTagger::relative);
    scan(text, WEEKDAY, found, m -> "last".equals(m.group(1))
        ? "WEEKDAY:" + WEEKDAYS.get(m.group(2).toLowerCase(Locale.ROOT)) + ":LAST"
        : "WEEKDAY:" + WEEKDAYS.get(m.group(2).toLowerCase(Locale.ROOT)));
    found.sort((a, b) -> Integer.compare(a.begin(), b.begin()));
    return found;
  }

  /**
   * The full dates ({@code DATE:} values) of {@code text}, in text order: exactly those of {@link #tag}, which finds
   * them first (no other form can displace one), at the cost of three patterns instead of eleven.
   */
  public static List<Expression> fullDates(String text) {
    List<Expression> found = new ArrayList<>();
    fullDates(text, found);
    found.sort((a, b) -> Integer.compare(a.begin(), b.begin()));
    return found;
  }

  private static void fullDates(String text, List<Expression> found) {
    if (!hasYear(text)) {
      return; // every full date has a year
    }
    scan(text, DAY_MONTH_YEAR, found, m -> date(year(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1))));
    scan(text, MONTH_DAY_YEAR, found, m -> date(year(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2))));
    scan(text, ISO_DATE, found, m -> date(year(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
  }

  /** Whether the text holds four digits in a row that begin like a {@link #YEAR} (18, 19 or 20). */
  static boolean hasYear(String text) {
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        run++;
        if (run >= 4) {
          char a = text.charAt(i - 3);
          char b = text.charAt(i - 2);
          if ((a == '1' && (b == '8' || b == '9')) || (a == '2' && b == '0')) {
            return true;
          }
        }
      } else {
        run = 0;
      }
    }
    return false;
  }

  private interface Normaliser {
    String value(Matcher m);
  }

  private static void scan(String text, Pattern p, List<Expression> found, Normaliser n) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      int b = m.start();
      int e = m.end();
      boolean overlaps = false;
      for (Expression x : found) {
        if (b < x.end() && x.begin() < e) {
          overlaps = true;
          break;
        }
      }
      if (overlaps) {
        continue;
      }
      String v = n.value(m);
      if (v != null) {
        found.add(new Expression(b, e, text.substring(b, e), v));
      }
    }
  }

  private static int month(String s) {
    String k = s.toLowerCase(Locale.ROOT).replace(".", "");
    Integer m = MONTHS.get(k);
    if (m == null) {
      throw new IllegalArgumentException("not a month: " + s);
    }
    return m;
  }

  private static int year(String s) {
    return Integer.parseInt(s);
  }

  private static String date(int y, int m, int d) {
    if (m < 1 || m > 12 || d < 1 || d > 31) {
      return null;
    }
    return String.format(Locale.ROOT, "DATE:%04d-%02d-%02d", y, m, d);
  }

  private static String lastYear(String md) {
    return md == null ? null : md + ":" + DateResolver.LAST_YEAR;
  }

  private static String md(int m, int d) {
    if (d < 1 || d > 31) {
      return null;
    }
    return String.format(Locale.ROOT, "MD:%02d-%02d", m, d);
  }

  private static String relative(Matcher m) {
    String s = SPACES.matcher(m.group(1).toLowerCase(Locale.ROOT)).replaceAll(" ");
    switch (s) {
      case "yesterday":
      case "last night":
        return "REL:DAY:-1";
      case "today":
      case "tonight":
        return "REL:DAY:0";
      default:
        break;
    }
    String[] w = s.split(" ");
    if (s.endsWith("ago") || s.endsWith("earlier") || s.endsWith("before")) {
      Integer n = SMALL_NUMBERS.get(w[0]);
      int k = n != null ? n : Integer.parseInt(w[0]);
      return "REL:" + unit(w[1]) + ":-" + k;
    }
    String unit = unit(w[w.length - 1]);
    if (s.startsWith("the ")) {
      return "REL:" + unit + ":-1";
    }
    String which = w[w.length - 2];
    return "REL:" + unit + ":" + ("last".equals(which) ? "-1" : "next".equals(which) ? "1" : "0");
  }

  private static String unit(String w) {
    String u = w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
    return u.toUpperCase(Locale.ROOT);
  }
}
