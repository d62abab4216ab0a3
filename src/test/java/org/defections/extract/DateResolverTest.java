package org.defections.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateResolverTest {
  private static final LocalDate REF = LocalDate.of(2015, 3, 11); // a Wednesday

  @Test
  void weekdayResolvesToThePreviousOrSameDay() {
    DateResolver.Resolved r = DateResolver.resolve("WEEKDAY:6", REF);
    assertEquals(LocalDate.of(2015, 3, 7), r.date());
    assertEquals("DAY", r.precision());
    assertEquals(LocalDate.of(2015, 3, 11), DateResolver.resolve("WEEKDAY:3", REF).date());
    assertEquals(LocalDate.of(2015, 3, 4), DateResolver.resolve("WEEKDAY:3:LAST", REF).date());
  }

  @Test
  void monthWithoutYearIsNotInTheFuture() {
    assertEquals("2014-12", DateResolver.resolve("M:12", REF).eventMonth());
    assertEquals("2015-02", DateResolver.resolve("M:02", REF).eventMonth());
    assertEquals(LocalDate.of(2014, 10, 2), DateResolver.resolve("MD:10-02", REF).date());
    // "last year" names the year before the reference, even for a month not yet reached this year
    assertEquals(LocalDate.of(2014, 1, 5), DateResolver.resolve("MD:01-05:LASTYEAR", REF).date());
    assertEquals("2014-02", DateResolver.resolve("M:02:LASTYEAR", REF).eventMonth());
  }

  @Test
  void relativeUnitsAndPrecision() {
    assertEquals(LocalDate.of(2015, 3, 10), DateResolver.resolve("REL:DAY:-1", REF).date());
    DateResolver.Resolved lastWeek = DateResolver.resolve("REL:WEEK:-1", REF);
    assertEquals("MONTH", lastWeek.precision());
    assertEquals("2015-03", lastWeek.eventMonth());
    assertEquals(Integer.valueOf(2014), DateResolver.resolve("REL:YEAR:-1", REF).year());
    assertEquals("YEAR", DateResolver.resolve("YEAR:1961", null).precision());
  }

  @Test
  void relativeWithoutReferenceIsNone() {
    assertEquals("NONE", DateResolver.resolve("WEEKDAY:1", null).precision());
    assertEquals("NONE", DateResolver.resolve("REL:DAY:-1", null).precision());
    assertEquals("NONE", DateResolver.resolve(null, REF).precision());
  }
}
