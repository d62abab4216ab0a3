package org.defections.resolve;

import java.util.List;
import java.util.Objects;
import org.defections.extract.Mention;
import org.defections.extract.Names;

/**
 * Whether two clusters of different reports (of one origin) tell one defection. Plain Java.
 *
 * <ul>
 *   <li>Two named persons: a name of one is compatible with a name of the other ({@link Names#compatible}: particles,
 *       transliterations, dropped middle names) and their ranks are compatible.
 *   <li>A named person and an unnamed single: the single gives a post the person holds ("Libya's ambassador to India"
 *       in one report, "A, Libya's ambassador to India" in another), and ranks, destinations and posts agree.
 *   <li>Two unnamed groups: the same rank, group size and post, compatible destinations, and evidence beyond the
 *       month: the same day, or (when one report gives only the month) the same destination and month with the same
 *       unit or the same group size of two or more. A month alone is not enough: two reports of "a Syrian colonel" in
 *       one month may be two colonels; two different days are two events.
 * </ul>
 */
final class ClusterMatcher {
  /** The smallest group size that, with a destination and a month, identifies an event across reports. */
  private static final int IDENTIFYING_SIZE = 2;

  private ClusterMatcher() {}

  static boolean sameDefection(List<Mention> a, List<Mention> b) {
    boolean namedA = named(a);
    boolean namedB = named(b);
    if (namedA && namedB) {
      for (Mention x : a) {
        for (Mention y : b) {
          if (x.getPersonName() != null && y.getPersonName() != null
              && Names.compatible(x.getPersonName(), y.getPersonName()) && Matching.ranksCompatible(x, y)) {
            return true;
          }
        }
      }
      return false;
    }
    if (namedA != namedB) {
      return samePost(namedA ? b : a, namedA ? a : b);
    }
    return sameEvent(a.get(0), b.get(0));
  }

  static boolean named(List<Mention> c) {
    return c.stream().anyMatch(m -> m.getPersonName() != null);
  }

  private static boolean samePost(List<Mention> single, List<Mention> person) {
    Mention m = single.get(0);
    if (m.getPosting() == null || !Integer.valueOf(1).equals(m.getGroupSize())
        || person.stream().noneMatch(o -> m.getPosting().equals(o.getPosting()))) {
      return false;
    }
    return person.stream().allMatch(o -> Matching.ranksCompatible(o, m) && Matching.destinationsCompatible(o, m)
        && Matching.postingsCompatible(o, m)) && Matching.rankFit(m, person) > 0;
  }

  private static boolean sameEvent(Mention o, Mention m) {
    boolean sameRank = Objects.equals(o.getRank(), m.getRank()) && Objects.equals(o.getGroupSize(), m.getGroupSize())
        && Objects.equals(o.getPosting(), m.getPosting());
    if (!sameRank || !Matching.destinationsCompatible(o, m)) {
      return false;
    }
    boolean bothDays = "DAY".equals(o.getDatePrecision()) && "DAY".equals(m.getDatePrecision());
    boolean sameDay = bothDays && Objects.equals(o.getEventDate(), m.getEventDate());
    if (bothDays && !sameDay) {
      return false; // two days are two events
    }
    boolean sameDestinationAndMonth = o.getDestinationCountry() != null
        && o.getDestinationCountry().equals(m.getDestinationCountry()) && o.getEventMonth() != null
        && o.getEventMonth().equals(m.getEventMonth());
    boolean sameUnit = o.getOrganization() != null && o.getOrganization().equals(m.getOrganization());
    boolean identifyingSize = o.getGroupSize() != null && o.getGroupSize() >= IDENTIFYING_SIZE;
    return sameDay || (sameDestinationAndMonth && (sameUnit || identifyingSize));
  }
}
