package org.defections.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Temporal expressions in Spanish text, normalised to the values of {@link TemporalTagger}: "el 23 de febrero de
 * 2019" (DATE), "23 de febrero" (MD), "febrero de 2019" (MONTH), "en febrero" (M), "el sábado" (the last one:
 * WEEKDAY:n:LAST), "ayer", "la semana pasada" (REL), "en 2019" (YEAR). Plain Java.
 */
final class SpanishTemporalTagger {
  private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("enero", 1), Map.entry("febrero", 2),
      Map.entry("marzo", 3), Map.entry("abril", 4), Map.entry("mayo", 5), Map.entry("junio", 6), Map.entry("julio", 7),
      Map.entry("agosto", 8), Map.entry("septiembre", 9), Map.entry("setiembre", 9), Map.entry("octubre", 10),
      Map.entry("noviembre", 11), Map.entry("diciembre", 12));
  private static final Map<String, Integer> WEEKDAYS = Map.of("lunes", 1, "martes", 2, "miércoles", 3, "jueves", 4,
      "viernes", 5, "sábado", 6, "domingo", 7);
  private static final Map<String, String> RELATIVE = Map.of("ayer", "DAY:-1", "anteayer", "DAY:-2",
      "la semana pasada", "WEEK:-1", "esta semana", "WEEK:0", "el mes pasado", "MONTH:-1", "este mes", "MONTH:0",
      "el año pasado", "YEAR:-1", "este año", "YEAR:0");

  private static final String MONTH = "(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre"
      + "|octubre|noviembre|diciembre)";
  private static final String YEAR = "((?:19|20)\\d\\d)";
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final Pattern DATE = Pattern.compile("\\b(\\d{1,2})\\s+de\\s+" + MONTH + "\\s+(?:de|del)\\s+" + YEAR
      + "\\b", FLAGS);
  private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})\\s+de\\s+" + MONTH + "\\b", FLAGS);
  private static final Pattern MONTH_YEAR = Pattern.compile("\\b" + MONTH + "\\s+(?:de|del)\\s+" + YEAR + "\\b", FLAGS);
  private static final Pattern MONTH_ALONE = Pattern.compile("\\b(?:en|de)\\s+" + MONTH + "\\b", FLAGS);
  private static final Pattern WEEKDAY = Pattern.compile("\\b(?:el|este)\\s+(lunes|martes|miércoles|jueves|viernes"
      + "|sábado|domingo)(?![\\p{L}])", FLAGS);
  private static final Pattern RELATIVE_DAYS = Pattern.compile("(?<![\\p{L}])(anteayer|ayer|la semana pasada|esta "
      + "semana|el mes pasado|este mes|el año pasado|este año)(?![\\p{L}])", FLAGS);
  private static final Pattern YEAR_ALONE = Pattern.compile("\\b(?:en|año)\\s+" + YEAR + "\\b", FLAGS);

  private SpanishTemporalTagger() {}

  static List<TemporalTagger.Expression> tag(String text) {
    List<TemporalTagger.Expression> found = new ArrayList<>();
    scan(text, DATE, found, m -> String.format(Locale.ROOT, "DATE:%s-%02d-%02d", m.group(3), month(m.group(2)),
        Integer.parseInt(m.group(1))));
    scan(text, DAY_MONTH, found, m -> String.format(Locale.ROOT, "MD:%02d-%02d", month(m.group(2)),
        Integer.parseInt(m.group(1))));
    scan(text, MONTH_YEAR, found, m -> String.format(Locale.ROOT, "MONTH:%s-%02d", m.group(2), month(m.group(1))));
    scan(text, MONTH_ALONE, found, m -> String.format(Locale.ROOT, "M:%02d", month(m.group(1))));
    scan(text, WEEKDAY, found, m -> "WEEKDAY:" + WEEKDAYS.get(m.group(1).toLowerCase(Locale.ROOT)) + ":LAST");
    scan(text, RELATIVE_DAYS, found, m -> "REL:" + RELATIVE.get(m.group(1).toLowerCase(Locale.ROOT)));
    scan(text, YEAR_ALONE, found, m -> "YEAR:" + m.group(1));
    found.sort((a, b) -> Integer.compare(a.begin(), b.begin()));
    return found;
  }

  private static int month(String s) {
    return MONTHS.get(s.toLowerCase(Locale.ROOT));
  }

  private interface Value {
    String of(Matcher m);
  }

  /** Adds the matches of a pattern that overlap no expression found before (longer forms are scanned first). */
  private static void scan(String text, Pattern p, List<TemporalTagger.Expression> found, Value v) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      int b = m.start();
      int e = m.end();
      if (found.stream().noneMatch(x -> b < x.end() && x.begin() < e)) {
        int day = 0;
        String value = v.of(m);
        if (value.startsWith("DATE:") || value.startsWith("MD:")) {
          day = Integer.parseInt(value.substring(value.length() - 2));
        }
        if (day <= 31) {
          found.add(new TemporalTagger.Expression(b, e, text.substring(b, e), value));
        }
      }
    }
  }
}
