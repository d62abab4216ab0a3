package org.defections.resolve;

import java.util.List;
import java.util.Set;
import org.defections.extract.Mention;

/** Whether two mentions can tell one defector: ranks, services, destinations and posts. Plain Java. */
final class Matching {
  private static final Set<String> MILITARY = Set.of("GENERAL_OFFICER", "SENIOR_OFFICER", "JUNIOR_OFFICER", "ENLISTED");
  private static final Set<String> CIVIL = Set.of("OFFICIAL", "DIPLOMAT", "POLITICAL_LEADER");
  /** Rank specificity up to which a rank is generic ("officer", "official"). */
  static final int GENERIC_SPECIFICITY = 2;
  /** Rank specificity up to which a rank of a class may stand for another of that class ("General"). */
  private static final int BROAD_SPECIFICITY = 5;
  /** From this specificity an unnamed rank joins only a person of its own rank class. */
  private static final int SPECIFIC = 3;

  private Matching() {}

  /** Diplomats at two different posts are two people. */
  static boolean postingsCompatible(Mention a, Mention b) {
    return a.getPosting() == null || b.getPosting() == null || a.getPosting().equals(b.getPosting());
  }

  static boolean destinationsCompatible(Mention a, Mention b) {
    return a.getDestinationCountry() == null || b.getDestinationCountry() == null
        || a.getDestinationCountry().equals(b.getDestinationCountry());
  }

  static boolean ranksCompatible(Mention a, Mention b) {
    if (a.getRank() == null || b.getRank() == null || a.getRank().equals(b.getRank())) {
      return true;
    }
    String ca = a.getRankClass();
    String cb = b.getRankClass();
    if ("UNKNOWN".equals(ca) || "UNKNOWN".equals(cb)) {
      return true;
    }
    if (ca.equals(cb)) {
      // "General" vs "Brigadier General": one is generic; "Major General" vs "Captain" never get here
      return a.getRankSpecificity() <= BROAD_SPECIFICITY || b.getRankSpecificity() <= BROAD_SPECIFICITY
          || a.getRank().endsWith(b.getRank()) || b.getRank().endsWith(a.getRank());
    }
    // a person can hold a rank and a political office (a general who is minister)
    return a.getRankSpecificity() <= GENERIC_SPECIFICITY || b.getRankSpecificity() <= GENERIC_SPECIFICITY
        || ("POLITICAL_LEADER".equals(ca) || "POLITICAL_LEADER".equals(cb)) && (ca.endsWith("OFFICER")
            || cb.endsWith("OFFICER"));
  }

  /** A generic description ("an officer", "an official") can only name a person of the same service. */
  static boolean sameFamily(String a, String b) {
    if (a == null || b == null || "UNKNOWN".equals(a) || "UNKNOWN".equals(b) || a.equals(b)) {
      return true;
    }
    return MILITARY.contains(a) && MILITARY.contains(b) || CIVIL.contains(a) && CIVIL.contains(b);
  }

  /**
   * How well an unnamed single fits a named person: 3 the same rank, 2 the same rank class, 1 a generic rank of the
   * same service or none; 0 when it cannot be that person (a specific rank of another class).
   */
  static int rankFit(Mention m, List<Mention> person) {
    if (person.stream().anyMatch(o -> m.getRank() != null && m.getRank().equals(o.getRank()))) {
      return 3;
    }
    if (person.stream().anyMatch(o -> m.getRankClass() != null && m.getRankClass().equals(o.getRankClass()))) {
      return 2;
    }
    boolean family = person.stream().anyMatch(o -> sameFamily(m.getRankClass(), o.getRankClass()));
    return m.getRankSpecificity() >= SPECIFIC || (m.getRank() != null && !family) ? 0 : 1;
  }
}
