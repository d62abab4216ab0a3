package org.defections.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The records each extraction rule took part in, and how they scored: a record counts for every rule whose
 * mentions it resolves (the defector or phrase rule, a trigger rule, a pass: the parts of a mention's
 * {@code rule_id}, split at "|" and ">"). A rule whose records are mostly spurious is a rule to fix or drop.
 */
public final class RuleStats {
  /** One rule's records: matched to counted gold records, spurious, and matched to optional ones. */
  public record Counts(String rule, int matched, int spurious, int optional) {
    public int records() {
      return matched + spurious + optional;
    }
  }

  private RuleStats() {}

  /** Per rule, from a score and the rule of each mention id; most records first, then by rule. */
  public static List<Counts> of(Scorer.Result r, Map<String, String> ruleByMention) {
    Map<String, int[]> by = new TreeMap<>();
    for (JsonNode[] m : r.matched) {
      add(by, m[1], ruleByMention, 0);
    }
    for (JsonNode p : r.spurious) {
      add(by, p, ruleByMention, 1);
    }
    for (JsonNode p : r.ignored) {
      add(by, p, ruleByMention, 2);
    }
    List<Counts> out = new ArrayList<>();
    by.forEach((rule, c) -> out.add(new Counts(rule, c[0], c[1], c[2])));
    out.sort(Comparator.comparingInt(Counts::records).reversed().thenComparing(Counts::rule));
    return out;
  }

  private static void add(Map<String, int[]> by, JsonNode record, Map<String, String> ruleByMention, int column) {
    Set<String> rules = new TreeSet<>();
    for (JsonNode id : record.path("mention_ids")) {
      String rule = ruleByMention.get(id.asText());
      if (rule != null) {
        for (String part : rule.split("[|>]")) {
          rules.add(part);
        }
      }
    }
    if (rules.isEmpty()) {
      rules.add("(unknown)");
    }
    for (String rule : rules) {
      by.computeIfAbsent(rule, k -> new int[3])[column]++;
    }
  }

  /** The table evaluate prints. */
  public static String show(List<Counts> counts) {
    StringBuilder b = new StringBuilder(String.format("%-52s %7s %7s %8s %8s%n", "records by rule", "records",
        "matched", "spurious", "optional"));
    for (Counts c : counts) {
      b.append(String.format("%-52s %7d %7d %8d %8d%n", c.rule(), c.records(), c.matched(), c.spurious(),
          c.optional()));
    }
    return b.toString();
  }

  public static ObjectNode json(List<Counts> counts) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    for (Counts c : counts) {
      ObjectNode n = o.putObject(c.rule());
      n.put("records", c.records());
      n.put("matched", c.matched());
      n.put("spurious", c.spurious());
      n.put("optional", c.optional());
    }
    return o;
  }
}
