package org.defections.resolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.defections.extract.Mention;
import org.defections.extract.Names;

/**
 * Resolution inside one report (an article and the copies of its text under other ids, same {@code reportKey}) of
 * one origin: the mentions that tell one defection are one cluster. Plain Java.
 *
 * <p>Rules, in order: copies of one mention count once (all copies stay in the cluster); named mentions with
 * compatible names and ranks are one person; an unnamed single defector is the named person of the report whose rank
 * fits best and whose mentions tell its year, if any ("a Syrian pilot ... The pilot, Col. X"); unnamed mentions of
 * one rank, group size and post are one group when their dates do not disagree, and a plural of unknown size
 * restates a counted group of its rank; an unnamed generic total that restates the report's other records ("four
 * officers ... two generals and two colonels"), an unnamed group of N restated by N named persons of its rank, and an
 * unnamed plural of no count restated by two or more named persons of its rank class, are dropped.
 */
final class ReportResolver {
  /** Named persons of its rank class that restate an unnamed plural of no count. */
  private static final int PLURAL_MEMBERS = 2;
  private ReportResolver() {}

  /** The report's clusters, each with every copy of its mentions, in the order of their first mention. */
  static List<List<Mention>> clusters(List<Mention> report) {
    List<Mention> ms = new ArrayList<>(report);
    ms.sort(Comparator.comparing(Mention::getArticleId).thenComparingInt(Mention::getBegin)
        .thenComparing(Mention::getMentionId));
    // copies of one report give the same mention once per copy: resolve one, count them all in the record
    Map<String, List<Mention>> byContent = new LinkedHashMap<>();
    for (Mention m : ms) {
      byContent.computeIfAbsent(copyKey(m), k -> new ArrayList<>()).add(m);
    }
    Map<Mention, List<Mention>> copiesOf = new IdentityHashMap<>();
    ms = new ArrayList<>();
    for (List<Mention> same : byContent.values()) {
      ms.add(same.get(0));
      copiesOf.put(same.get(0), same);
    }
    List<List<Mention>> named = named(ms);
    List<Mention> unnamed = attachSingles(ms, named);
    List<List<Mention>> groups = groups(unnamed);
    List<List<Mention>> out = new ArrayList<>();
    for (List<Mention> c : named) {
      out.add(withCopies(c, copiesOf));
    }
    for (List<Mention> g : groups) {
      if (!restatesOthers(g, groups, named) && !namedMembers(g, named)) {
        out.add(withCopies(g, copiesOf));
      }
    }
    return out;
  }

  private static List<Mention> withCopies(List<Mention> c, Map<Mention, List<Mention>> copiesOf) {
    List<Mention> all = new ArrayList<>();
    for (Mention m : c) {
      all.addAll(copiesOf.get(m));
    }
    return all;
  }

  /** Named persons: a named mention joins the first person with a compatible name and rank. */
  private static List<List<Mention>> named(List<Mention> ms) {
    List<List<Mention>> clusters = new ArrayList<>();
    for (Mention m : ms) {
      if (m.getPersonName() == null) {
        continue;
      }
      List<Mention> target = null;
      for (List<Mention> c : clusters) {
        if (c.stream().anyMatch(o -> Names.compatible(o.getPersonName(), m.getPersonName())
            && Matching.ranksCompatible(o, m))) {
          target = c;
          break;
        }
      }
      if (target == null) {
        target = new ArrayList<>();
        clusters.add(target);
      }
      target.add(m);
    }
    return clusters;
  }

  /**
   * Unnamed singles into the named person whose rank fits best: a specific rank ("captain") joins only a person of
   * that rank class; generic ones join anyone of the same service. Returns the unnamed mentions left.
   */
  private static List<Mention> attachSingles(List<Mention> ms, List<List<Mention>> named) {
    List<Mention> unnamed = new ArrayList<>();
    for (Mention m : ms) {
      if (m.getPersonName() != null) {
        continue;
      }
      List<Mention> target = null;
      int bestFit = 0;
      if (m.getGroupSize() != null && m.getGroupSize() == 1) {
        for (List<Mention> c : named) {
          boolean compatible = c.stream().allMatch(o -> Matching.ranksCompatible(o, m)
              && Matching.destinationsCompatible(o, m) && Matching.postingsCompatible(o, m));
          // "a young pilot defected in 1953 ... 2nd Lt X landed in 1956": a year the person's mentions never tell
          if (!compatible || !yearsAgree(m, c)) {
            continue;
          }
          int fit = Matching.rankFit(m, c);
          if (fit > bestFit) {
            bestFit = fit;
            target = c;
          }
        }
      }
      if (target != null) {
        target.add(m);
      } else {
        unnamed.add(m);
      }
    }
    return unnamed;
  }

  /** Unnamed groups of one rank, size and post whose dates do not disagree; a plural restates a counted group. */
  private static List<List<Mention>> groups(List<Mention> unnamed) {
    List<List<Mention>> groups = new ArrayList<>();
    for (Mention m : unnamed) {
      List<Mention> target = null;
      for (List<Mention> g : groups) {
        Mention o = g.get(0);
        boolean sameRank = Objects.equals(o.getRank(), m.getRank())
            && Objects.equals(o.getGroupSize(), m.getGroupSize()) && Objects.equals(o.getPosting(), m.getPosting());
        boolean datesCompatible = (o.getEventMonth() == null || m.getEventMonth() == null
            || o.getEventMonth().equals(m.getEventMonth()))
            && (o.getEventYear() == null || m.getEventYear() == null || o.getEventYear().equals(m.getEventYear()));
        // "Five doctors have asked for refuge ... The doctors had refused to return": a plural of unknown size
        // restates a counted group of its rank
        boolean restated = Objects.equals(o.getRank(), m.getRank()) && o.getRank() != null
            && (o.getGroupSize() == null) != (m.getGroupSize() == null)
            && !Integer.valueOf(1).equals(o.getGroupSize()) && !Integer.valueOf(1).equals(m.getGroupSize());
        if ((sameRank || restated) && Matching.destinationsCompatible(o, m) && datesCompatible) {
          target = g;
          break;
        }
      }
      if (target == null) {
        target = new ArrayList<>();
        groups.add(target);
      }
      target.add(m);
    }
    return groups;
  }

  private static boolean generic(Mention m) {
    return m.getRank() == null || m.getRankSpecificity() <= 2;
  }

  /**
   * "Three members of the team ... have deserted ... A, B and C had stayed on": an unnamed group of N is restated by
   * at least N named persons of its rank in the report, of years that agree. A plural of no count ("Iraqi footballers
   * ... A, B and C") is restated by {@value #PLURAL_MEMBERS} or more named persons of its rank class.
   */
  private static boolean namedMembers(List<Mention> g, List<List<Mention>> named) {
    Mention m = g.get(0);
    Integer n = m.getGroupSize();
    if (m.getRank() == null || (n != null && n < 2)) {
      return false;
    }
    Predicate<Mention> member = n == null
        ? o -> Objects.equals(m.getRankClass(), o.getRankClass()) : o -> m.getRank().equals(o.getRank());
    long members = named.stream().filter(c -> c.stream().anyMatch(member)
        && g.stream().allMatch(x -> yearsAgree(x, c))).count();
    return members >= (n == null ? PLURAL_MEMBERS : n);
  }

  /** Whether a mention's year is told by one of a cluster's mentions, or either tells none. */
  private static boolean yearsAgree(Mention m, List<Mention> c) {
    return m.getEventYear() == null || c.stream().allMatch(o -> o.getEventYear() == null)
        || c.stream().anyMatch(o -> m.getEventYear().equals(o.getEventYear()));
  }

  /** An unnamed generic total that the report's other records of its service make up ("the four officers"). */
  private static boolean restatesOthers(List<Mention> g, List<List<Mention>> groups, List<List<Mention>> named) {
    Mention m = g.get(0);
    if (!generic(m)) {
      return false;
    }
    for (Mention x : g) {
      int others = 0;
      int total = 0;
      for (List<Mention> o : groups) {
        if (o == g) {
          continue;
        }
        for (Mention y : o) {
          // the others must be of the total's service (a senior officer is not a restatement of three ambassadors)
          if (!generic(y) && Matching.sameFamily(m.getRankClass(), y.getRankClass()) && yearsAgree(x, o)) {
            others++;
            total += y.getGroupSize() == null ? 0 : y.getGroupSize();
            break;
          }
        }
      }
      for (List<Mention> o : named) {
        if (o.stream().anyMatch(y -> Matching.sameFamily(m.getRankClass(), y.getRankClass())) && yearsAgree(x, o)) {
          others++;
          total += 1;
        }
      }
      Integer n = x.getGroupSize();
      if (others > 0 && (n == null || n <= total)) {
        return true;
      }
    }
    return false;
  }

  /**
   * What makes two mentions the same mention of copies of one report: the report, the place in it (the mention id
   * after the article id) and what may differ between copies published on other days (the resolved date). A mention
   * without a report key is only itself.
   */
  static String copyKey(Mention m) {
    String inArticle = m.mentionIdInArticle();
    if (m.getReportKey() == null || inArticle == null) {
      return "mention|" + m.getArticleId() + "|" + m.getMentionId();
    }
    return "copy|" + m.getReportKey() + "|" + inArticle + "|" + m.getEventDate() + "|" + m.getEventMonth() + "|"
        + m.getDatePrecision() + "|" + m.getStatus();
  }

  /** The report a mention belongs to, with its origin: copies of one text (same report key) are one report. */
  static String reportOf(Mention m) {
    return m.getOriginCountry() + "|" + (m.getReportKey() != null ? "K" + m.getReportKey() : "A" + m.getArticleId());
  }
}
