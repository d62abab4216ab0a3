package org.defections.resolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.defections.extract.Mention;

/**
 * Resolution in plain Java, for a list of mentions that fits in memory (tests, {@code defections try}): the same
 * steps as the Spark stage ({@link Resolution}), with a union-find in place of its label propagation.
 *
 * <ol>
 *   <li>Countable mentions with an origin are grouped by report and origin; each report is resolved on its own
 *       ({@link ReportResolver}).
 *   <li>The report clusters are compared across reports only within their blocks ({@link BlockingKeys},
 *       {@link Blocks}, {@link ClusterMatcher}).
 *   <li>Connected clusters are one defection record ({@link RecordBuilder}). Two defections of one person from
 *       different states stay apart: every key starts with the origin.
 * </ol>
 */
public final class MentionResolver {
  private MentionResolver() {}

  public static List<DefectionRecord> resolve(List<Mention> mentions) {
    Map<String, List<Mention>> reports = new LinkedHashMap<>();
    for (Mention m : mentions) {
      if (m.countable() && m.getOriginCountry() != null) {
        reports.computeIfAbsent(ReportResolver.reportOf(m), k -> new ArrayList<>()).add(m);
      }
    }
    List<Blocks.Member> clusters = new ArrayList<>();
    for (Map.Entry<String, List<Mention>> r : reports.entrySet()) {
      for (List<Mention> c : ReportResolver.clusters(r.getValue())) {
        clusters.add(new Blocks.Member(r.getKey(), c));
      }
    }
    Map<String, List<Integer>> blocks = new LinkedHashMap<>();
    for (int i = 0; i < clusters.size(); i++) {
      for (String key : BlockingKeys.of(clusters.get(i).mentions())) {
        blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
    }
    int[] parent = new int[clusters.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (Map.Entry<String, List<Integer>> b : blocks.entrySet()) {
      List<Blocks.Member> members = new ArrayList<>();
      b.getValue().forEach(i -> members.add(clusters.get(i)));
      for (int[] e : Blocks.edges(b.getKey(), members)) {
        union(parent, b.getValue().get(e[0]), b.getValue().get(e[1]));
      }
    }
    Map<Integer, List<Mention>> components = new LinkedHashMap<>();
    for (int i = 0; i < clusters.size(); i++) {
      components.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).addAll(clusters.get(i).mentions());
    }
    List<DefectionRecord> out = new ArrayList<>();
    for (List<Mention> c : components.values()) {
      c.sort(RecordBuilder.REPORT_ORDER);
      out.add(RecordBuilder.toRecord(c));
    }
    out.sort(Comparator.comparing(DefectionRecord::getEventId));
    return out;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
