package org.defections.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.defections.extract.Mention;
import org.junit.jupiter.api.Test;

/** The cross-report rules of resolution, in plain Java, on mentions made here (each in an article of its own). */
class ResolutionRulesTest {
  private static int seq;

  private static Mention mention(String name, String rank, String rankClass, int specificity, Integer size,
      String destination, LocalDate day, String precision) {
    Mention m = new Mention();
    String article = "t" + (seq++);
    m.setArticleId(article);
    m.setMentionId(article + "#10#0");
    m.setIncidentKey(article + "#10");
    m.setBegin(10);
    m.setSentence("s");
    m.setPersonName(name);
    m.setRank(rank);
    m.setRankClass(rankClass);
    m.setRankSpecificity(specificity);
    m.setGroupSize(size);
    m.setOriginCountry("SYR");
    m.setDestinationCountry(destination);
    m.setFactuality("ASSERTED");
    m.setStatus("CONFIRMED");
    m.setEventYear(day.getYear());
    m.setEventMonth(day.toString().substring(0, 7));
    m.setDatePrecision(precision);
    m.setEventDate("DAY".equals(precision) ? Date.valueOf(day) : null);
    m.setPublished(Date.valueOf(day.plusDays(1)));
    return m;
  }

  private static Mention colonels(int size, String destination, LocalDate day, String precision) {
    return mention(null, "Colonel", "SENIOR_OFFICER", 8, size, destination, day, precision);
  }

  private static Mention colonel(String name) {
    return mention(name, "Colonel", "SENIOR_OFFICER", 8, 1, "TUR", LocalDate.of(2012, 7, 4), "DAY");
  }

  @Test
  void distinctUnnamedEventsStayApartAndReportsOfOneEventMerge() {
    List<Mention> ms = new ArrayList<>();
    LocalDate start = LocalDate.of(2012, 3, 1);
    // 333 events: one rank, in one month or a few; different days or sizes or destinations
    for (int e = 0; e < 333; e++) {
      ms.add(colonels(1 + e % 3, e % 2 == 0 ? "TUR" : "JOR", start.plusDays(e / 6), "DAY"));
    }
    assertEquals(333, MentionResolver.resolve(ms).size());
    // three reports of one event, worded apart, on the same day and destination
    List<Mention> one = List.of(colonels(3, "TUR", start, "DAY"), colonels(3, "TUR", start, "DAY"),
        colonels(3, null, start, "DAY"));
    assertEquals(1, MentionResolver.resolve(one).size());
  }

  @Test
  void aMonthAloneIsNoEvidence() {
    LocalDate d = LocalDate.of(2012, 3, 10);
    // "a Syrian colonel" twice in March, no day, no destination: two colonels
    assertEquals(2, MentionResolver.resolve(List.of(colonels(1, null, d, "MONTH"), colonels(1, null, d, "MONTH")))
        .size());
    // the month with a destination and a group of four: one candidate event, one record
    assertEquals(1, MentionResolver.resolve(List.of(colonels(4, "TUR", d, "MONTH"), colonels(4, "TUR", d, "DAY")))
        .size());
    // two candidate days: the report of the month joins neither
    assertEquals(3, MentionResolver.resolve(List.of(colonels(4, "TUR", d, "MONTH"), colonels(4, "TUR", d, "DAY"),
        colonels(4, "TUR", d.plusDays(5), "DAY"))).size());
  }

  @Test
  void spellingsOfOneNameMergeAndTwoPeopleStayApart() {
    String[][] oneEach = {{"Nawaf al-Fares", "Nawaf al Fares", "Nawaf Fares"},
        {"Mohammed Adnan al-Hamada", "Muhammad al-Hammadeh", "Mohamed Hamada"}, {"Omar Haddad", "Umar Haddad"},
        {"Emad Kamal Saleh", "Imad Saleh"}, {"Riyad Farid Hijab", "Riad Hijab"}};
    for (String[] names : oneEach) {
      List<Mention> ms = new ArrayList<>();
      for (String n : names) {
        ms.add(colonel(n));
      }
      assertEquals(1, MentionResolver.resolve(ms).size(), String.join(" / ", names));
    }
    assertEquals(2, MentionResolver.resolve(List.of(colonel("Amir Haddad"), colonel("Omar Haddad"))).size());
    // a one-word name joins the one person of its last name, but not when two people share it
    assertEquals(1, MentionResolver.resolve(List.of(colonel("Tlass"), colonel("Manaf Tlass"))).size());
    assertEquals(3, MentionResolver.resolve(List.of(colonel("Tlass"), colonel("Manaf Tlass"),
        colonel("Mustafa Tlass"))).size());
  }

  @Test
  void aMentionOfAnotherYearIsAnotherDefection() {
    // "a young Polish pilot defected in 1953 ... 2nd Lt X landed on the island in 1956", one article
    Mention named = mention("Piotr Kowal", "Second Lieutenant", "JUNIOR_OFFICER", 9, 1, "DNK",
        LocalDate.of(1956, 9, 25), "DAY");
    Mention earlier = inReportOf(named, mention(null, "Pilot", "UNKNOWN", 2, 1, "DNK", LocalDate.of(1953, 3, 5),
        "DAY"), 90);
    assertEquals(2, MentionResolver.resolve(List.of(named, earlier)).size());
    Mention sameYear = inReportOf(named, mention(null, "Pilot", "UNKNOWN", 2, 1, "DNK", LocalDate.of(1956, 9, 25),
        "DAY"), 90);
    assertEquals(1, MentionResolver.resolve(List.of(named, sameYear)).size());
    // "A Chinese pilot flew a MiG-19 to South Korea on Friday ... In 1983, a Chinese pilot flew a MiG-21 ...": a
    // year alone disagrees with another year's month
    Mention friday = mention(null, "Pilot", "UNKNOWN", 2, 1, "KOR", LocalDate.of(1986, 10, 24), "DAY");
    Mention in1983 = inReportOf(friday, mention(null, "Pilot", "UNKNOWN", 2, 1, "KOR", LocalDate.of(1983, 1, 1),
        "YEAR"), 90);
    in1983.setEventMonth(null);
    assertEquals(2, MentionResolver.resolve(List.of(friday, in1983)).size());
  }

  @Test
  void anUnnamedGroupRestatedByItsNamedMembersIsDropped() {
    // "Three members of the team have deserted ... A, B and C had stayed on": three records, not four
    LocalDate d = LocalDate.of(2007, 11, 18);
    Mention group = mention(null, "Athlete", "CIVILIAN", 3, 3, "AUS", d, "DAY");
    List<Mention> report = new ArrayList<>(List.of(group));
    for (String name : List.of("Ali Karim", "Omar Saleh", "Hadi Nouri")) {
      report.add(inReportOf(group, mention(name, "Athlete", "CIVILIAN", 3, 1, "AUS", d, "DAY"),
          100 + report.size()));
    }
    assertEquals(3, MentionResolver.resolve(report).size());
    // two named members are not the three
    assertEquals(3, MentionResolver.resolve(report.subList(0, 3)).size());
  }

  @Test
  void anUnnamedPluralRestatedByTwoNamedOfItsClassIsDropped() {
    // "Iraqi footballers have deserted ... Karim and Saleh, both strikers, ...": the plural of no count is the two
    LocalDate d = LocalDate.of(2007, 11, 18);
    Mention plural = mention(null, "Footballer", "CIVILIAN", 4, null, null, d, "MONTH");
    List<Mention> report = new ArrayList<>(List.of(plural));
    for (String name : List.of("Ali Karim", "Omar Saleh")) {
      report.add(inReportOf(plural, mention(name, "Athlete", "CIVILIAN", 3, 1, "AUS", d, "DAY"),
          100 + report.size()));
    }
    assertEquals(2, MentionResolver.resolve(report).size());
    // one named person is not the plural
    assertEquals(2, MentionResolver.resolve(report.subList(0, 2)).size());
    // nor are two of another class
    Mention soldiers = mention(null, "Soldier", "ENLISTED", 3, null, null, d, "MONTH");
    List<Mention> other = new ArrayList<>(List.of(soldiers));
    for (String name : List.of("Ali Karim", "Omar Saleh")) {
      other.add(inReportOf(soldiers, mention(name, "Athlete", "CIVILIAN", 3, 1, "AUS", d, "DAY"), 100 + other.size()));
    }
    assertEquals(3, MentionResolver.resolve(other).size());
  }

  /** Moves {@code m} into the article and report of {@code of}, at character {@code begin}. */
  private static Mention inReportOf(Mention of, Mention m, int begin) {
    m.setArticleId(of.getArticleId());
    m.setReportKey("r-" + of.getArticleId());
    of.setReportKey("r-" + of.getArticleId());
    m.setBegin(begin);
    m.setMentionId(of.getArticleId() + "#" + begin + "#0");
    m.setIncidentKey(of.getArticleId() + "#" + begin);
    m.setPublished(of.getPublished());
    return m;
  }

  @Test
  void theIdOfARecordIsItsEarliestReport() {
    Mention first = colonel("Nawaf al-Fares");
    String id = MentionResolver.resolve(List.of(first)).get(0).getEventId();
    Mention later = colonel("Nawaf Fares");
    later.setArticleId("a0"); // an id that sorts first, published later
    later.setMentionId("a0#5#0");
    later.setPublished(Date.valueOf(LocalDate.of(2013, 1, 1)));
    assertEquals(id, MentionResolver.resolve(List.of(first, later)).get(0).getEventId());
    Mention earlier = colonel("Nawaf Fares");
    earlier.setPublished(Date.valueOf(LocalDate.of(2012, 1, 1)));
    assertNotEquals(id, MentionResolver.resolve(List.of(first, earlier)).get(0).getEventId());
  }
}
