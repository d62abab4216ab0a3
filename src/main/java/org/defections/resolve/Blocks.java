package org.defections.resolve;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.defections.extract.Mention;
import org.defections.extract.Names;

/**
 * The pairs of clusters of one block that tell one defection ({@link ClusterMatcher}), as edges between cluster
 * indexes. Clusters of one report are never paired (the report's own resolution has kept them apart). In a block of
 * last names ({@code S}), a one-word name is paired only with one-word names and with the full names of a single
 * person ("Hijab" with "Riyad Hijab", not when the block also holds a "Manaf Hijab"); full names are paired in their
 * {@code N} blocks. In a block of a destination and month ({@code M}), a report that gives only the month is paired
 * only when the reports it matches tell one day.
 */
final class Blocks {
  /** A cluster in a block: its report and mentions. */
  record Member(String report, List<Mention> mentions) {}

  private Blocks() {}

  static List<int[]> edges(String key, List<Member> members) {
    List<int[]> out = new ArrayList<>();
    if (BlockingKeys.kind(key) == 'S') {
      surnameEdges(members, out);
      return out;
    }
    if (BlockingKeys.kind(key) == 'M') {
      monthEdges(members, out);
      return out;
    }
    for (int i = 0; i < members.size(); i++) {
      for (int j = i + 1; j < members.size(); j++) {
        if (!members.get(i).report().equals(members.get(j).report())
            && ClusterMatcher.sameDefection(members.get(i).mentions(), members.get(j).mentions())) {
          out.add(new int[] {i, j});
        }
      }
    }
    return out;
  }

  private static void surnameEdges(List<Member> members, List<int[]> out) {
    for (int i = 0; i < members.size(); i++) {
      if (!oneWordOnly(members.get(i))) {
        continue;
      }
      List<Integer> full = new ArrayList<>();
      Set<String> people = new HashSet<>();
      for (int j = 0; j < members.size(); j++) {
        Member other = members.get(j);
        if (j == i || other.report().equals(members.get(i).report())
            || !ClusterMatcher.sameDefection(members.get(i).mentions(), other.mentions())) {
          continue;
        }
        if (oneWordOnly(other)) {
          if (j > i) {
            out.add(new int[] {i, j});
          }
        } else {
          full.add(j);
          people.add(fullNameKey(other));
        }
      }
      if (people.size() == 1) {
        for (int j : full) {
          out.add(new int[] {i, j});
        }
      }
    }
  }

  /**
   * In a block of one destination and month: reports that give the day pair as anywhere; a report that gives only the
   * month joins the reports it matches only when they tell one day (one candidate event), never two.
   */
  private static void monthEdges(List<Member> members, List<int[]> out) {
    for (int i = 0; i < members.size(); i++) {
      boolean dayI = dated(members.get(i));
      Set<java.sql.Date> days = new HashSet<>();
      List<Integer> matched = new ArrayList<>();
      for (int j = 0; j < members.size(); j++) {
        if (j == i || members.get(j).report().equals(members.get(i).report())
            || !ClusterMatcher.sameDefection(members.get(i).mentions(), members.get(j).mentions())) {
          continue;
        }
        if (dayI && dated(members.get(j))) {
          if (j > i) {
            out.add(new int[] {i, j});
          }
        } else if (!dayI) {
          matched.add(j);
          if (dated(members.get(j))) {
            days.add(members.get(j).mentions().get(0).getEventDate());
          }
        }
      }
      if (!dayI && days.size() <= 1) {
        for (int j : matched) {
          if (dated(members.get(j)) || j > i) {
            out.add(new int[] {i, j});
          }
        }
      }
    }
  }

  private static boolean dated(Member m) {
    return "DAY".equals(m.mentions().get(0).getDatePrecision());
  }

  /** Whether every name of the cluster is one word ("Hijab", "Mr Tlass"). */
  static boolean oneWordOnly(Member m) {
    return m.mentions().stream().filter(x -> x.getPersonName() != null)
        .allMatch(x -> Names.tokens(x.getPersonName()).size() <= 1);
  }

  private static String fullNameKey(Member m) {
    for (Mention x : m.mentions()) {
      List<String> t = x.getPersonName() == null ? List.of() : Names.tokens(x.getPersonName());
      if (t.size() >= 2) {
        return BlockingKeys.phonetic(t.get(0)) + "|" + BlockingKeys.phonetic(t.get(t.size() - 1));
      }
    }
    return "";
  }
}
