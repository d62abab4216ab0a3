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
}
