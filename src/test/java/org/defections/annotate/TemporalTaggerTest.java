package org.defections.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TemporalTaggerTest {
  private static List<String> values(String text) {
    return TemporalTagger.tag(text).stream().map(TemporalTagger.Expression::value).collect(Collectors.toList());
  }

  @Test
  void explicitDatesInSeveralOrders() {
    assertEquals(List.of("DATE:2019-03-04"), values("The envoy left on 4 March 2019 for Oslo."));
    assertEquals(List.of("DATE:2003-11-09"), values("He crossed over on November 9th, 2003."));
    assertEquals(List.of("DATE:2008-05-17"), values("Posted 2008-05-17 by staff"));
    assertEquals(List.of("DATE:2016-01-12"), values("[8:00AM GMT 12 Jan 2016]"));
  }

  @Test
  void fullDatesAreExactlyTheDatesOfTheWholeTagger() {
    for (String text : List.of("The envoy left on 4 March 2019 for Oslo; on March 5, 2019 he spoke, 2019-03-06 too.",
        "In October 1999 and on 31 February 2001 (no such day), then 2001-02-03T10:00.",
        "Flights on May 4 and 5 June; no year anywhere, only 12345 and 1776.", "", "20 July 20190")) {
      assertEquals(TemporalTagger.tag(text).stream().filter(e -> e.value().startsWith("DATE:")).toList(),
          TemporalTagger.fullDates(text), text);
    }
    assertEquals(List.of("DATE:2019-03-04", "DATE:2019-03-05", "DATE:2019-03-06"), TemporalTagger.fullDates(
        "on 4 March 2019, March 5, 2019 and 2019-03-06").stream().map(TemporalTagger.Expression::value).toList());
    assertEquals(List.of(), TemporalTagger.fullDates("on 4 March and later that year"));
  }

  @Test
  void monthsAndYearsWithoutDays() {
    assertEquals(List.of("MONTH:1999-10"), values("a diplomat who fled in October 1999"));
    assertEquals(List.of("M:04"), values("the pilot landed in April after a long flight"));
    assertEquals(List.of("YEAR:1985"), values("she left the country in 1985"));
    assertEquals(List.of("YEAR:1983"), values("Her 1983 defection shocked the ballet world"));
    assertEquals(List.of("YEAR:1972"), values("a rower who defected at the 1972 Munich Olympics"));
    assertEquals(List.of(), values("he scored in the 1972 matches"));
    assertEquals(List.of("YEAR:1993"), values("Water Polo: Defected at 1993 Central American Games."));
    assertEquals(List.of("MD:10-16:LASTYEAR"), values("On October 16 last year, a pilot flew his jet south."));
    assertEquals(List.of("M:03:LASTYEAR"), values("two guards crossed over in March last year"));
  }

  @Test
  void weekdaysAndRelativeExpressions() {
    assertEquals(List.of("WEEKDAY:2"), values("a sergeant walked across on Tuesday"));
    assertEquals(List.of("WEEKDAY:7:LAST"), values("two sailors jumped ship last Sunday"));
    assertEquals(List.of("REL:DAY:-1"), values("the attache vanished yesterday"));
    assertEquals(List.of("REL:WEEK:-2"), values("He escaped two weeks ago."));
    assertEquals(List.of("REL:YEAR:0"), values("Earlier this year, a consul asked for asylum."));
    assertEquals(List.of("REL:WEEK:-1"), values("Last week a major deserted."));
  }

  /**
   * Each pattern's leading look-aheads only rule positions out sooner: without them (the patterns as they were
   * written first) every pattern finds the same matches, with the same groups, in dates and words of every form the
   * tagger knows, pieced together at random with the characters around them.
   */
  @Test
  void lookAheadsChangeNoMatch() throws Exception {
    // every alternative of every pattern, in upper and lower case, glued to random neighbours
    String[] pieces = {"4 March 2019", "31st Dec. 1999", "22nd of June", "3 Sept. 2020", "9 May", "12 Nov",
        "March 5, 2019", "Jan. 3 2001", "Feb 29, 1900", "April 1", "July 4th", "August 1876", "October, 1999",
        "Sep 2005", "2005-03-04", "1999-12-31", "2019-13-40", "in April", "on June", "since May", "by July",
        "until August", "late September", "early October", "mid-November", "mid December", "last January",
        "this February", "next March", "in 1990", "since 1999", "during 2001", "of 1985", "by 2010", "until 2019",
        "early 1980", "late 1970", "mid-1960", "around 1950", "summer 2000", "winter 1999", "spring 2001",
        "autumn 2002", "fall 2003", "in early 2004", "in late 2005", "His 1983 defection", "her 1990 escape",
        "Their 2001 flight", "the 1972 desertion", "The 1988 defection", "last Monday", "this Tuesday", "on Wednesday",
        "early Thursday", "late Friday", "Saturday's", "Sunday", "yesterday", "today", "tonight", "last night",
        "earlier this week", "late last month", "later this year", "this week", "last month", "next year",
        "a day ago", "one week earlier", "two months before", "three years ago", "four days ago", "five weeks ago",
        "six months ago", "seven years ago", "eight days earlier", "nine weeks ago", "ten years before",
        "12 days ago", "3 weeks earlier", "the previous day", "the past year", "2019", "1999 - 2001", "4", "x",
        "October 16 last year", "March, last year", "June 3rd of last year", "at 1993 Central"};
    List<String> all = new java.util.ArrayList<>(List.of(pieces));
    for (String month : List.of("January", "Feb.", "Mar", "April", "May", "Jun.", "July", "Aug", "Sept.", "Oct",
        "November", "Dec.")) {
      all.addAll(List.of(month + " 5, 2019", month + " 2019", month + " 5", "5 " + month, "5 " + month + " 2019"));
    }
    for (String day : List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")) {
      all.addAll(List.of(day, "last " + day));
    }
    String[] glue = {" ", " ", "", ", ", ".", "\n", "x", "_", "é", "-", "1", "  "};
    java.util.Random random = new java.util.Random(5);
    List<String> texts = new java.util.ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      StringBuilder sb = new StringBuilder(glue[random.nextInt(glue.length)]);
      for (int k = 1 + random.nextInt(5); k > 0; k--) {
        String piece = all.get(random.nextInt(all.size()));
        int c = random.nextInt(4);
        sb.append(c == 0 ? piece.toUpperCase(java.util.Locale.ROOT) : c == 1 ? piece.toLowerCase(java.util.Locale.ROOT)
            : piece).append(glue[random.nextInt(glue.length)]);
      }
      texts.add(sb.toString());
    }
    int patterns = 0;
    for (java.lang.reflect.Field f : TemporalTagger.class.getDeclaredFields()) {
      if (f.getType() != java.util.regex.Pattern.class) {
        continue;
      }
      f.setAccessible(true);
      java.util.regex.Pattern fast = (java.util.regex.Pattern) f.get(null);
      java.util.regex.Pattern plain = java.util.regex.Pattern.compile(fast.pattern().replaceAll(
          "\\(\\?=(?:\\[[^\\]]*\\]|\\\\d)\\)", ""), fast.flags());
      patterns += fast.pattern().equals(plain.pattern()) ? 0 : 1;
      for (String text : texts) {
        assertEquals(matches(plain, text), matches(fast, text), f.getName() + " in: " + text);
      }
    }
    assertEquals(14, patterns); // every pattern but the one for runs of white space has look-aheads
  }

  private static List<List<String>> matches(java.util.regex.Pattern p, String text) {
    List<List<String>> out = new java.util.ArrayList<>();
    java.util.regex.Matcher m = p.matcher(text);
    while (m.find()) {
      List<String> groups = new java.util.ArrayList<>(List.of(m.start() + "-" + m.end()));
      for (int g = 1; g <= m.groupCount(); g++) {
        groups.add(m.group(g));
      }
      out.add(groups);
    }
    return out;
  }
}
