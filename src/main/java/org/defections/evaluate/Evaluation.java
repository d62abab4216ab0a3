package org.defections.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.apache.spark.sql.SparkSession;
import org.defections.DefectionJob;
import org.defections.config.JobConfig;
import org.defections.write.Tables;

/**
 * {@code defections evaluate}: runs the job on an annotated input, reads its {@code defections} table and scores it
 * against a gold file with {@link Scorer}. Reads the records table only, which is small for an annotated set.
 */
public final class Evaluation {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> BRIEF = List.of("person_name", "rank", "rank_class", "origin_country",
      "destination_country", "group_size", "event_month", "status");
  private final SparkSession spark;

  public Evaluation(SparkSession spark) {
    this.spark = spark;
  }

  /** A score, and the records by the rules that made them. */
  public record Scored(Scorer.Result result, List<RuleStats.Counts> rules) {}

  /**
   * Runs the job with {@code config} and scores its records against the gold records (see {@link #readGold}); the
   * rule of each mention comes from the mentions table's {@code rule_id} (kept-out mentions are no record's).
   */
  public Scored run(JobConfig config, List<JsonNode> goldRecords) {
    new DefectionJob(spark, config).run();
    List<JsonNode> predicted = new ArrayList<>();
    for (String line : spark.read().parquet(config.output() + "/" + Tables.DEFECTIONS).toJSON().collectAsList()) {
      predicted.add(parse(line, "the defections table"));
    }
    Map<String, String> ruleByMention = new java.util.HashMap<>();
    for (org.apache.spark.sql.Row r : spark.read().parquet(config.output() + "/" + Tables.MENTIONS)
        .filter("kept_out_reason IS NULL").select("mention_id", "rule_id").collectAsList()) {
      ruleByMention.put(r.getString(0), r.getString(1));
    }
    Scorer.Result result = Scorer.score(goldRecords, predicted);
    return new Scored(result, RuleStats.of(result, ruleByMention));
  }

  /** Gold records, one JSON object per line (blank lines skipped); a bad line is an error naming it. */
  public static List<JsonNode> readGold(Path gold) {
    List<String> lines;
    try {
      lines = Files.readAllLines(gold, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the gold file " + gold + ": " + e.getMessage());
    }
    List<JsonNode> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      JsonNode n = parse(lines.get(i), gold + " line " + (i + 1));
      for (String f : List.of("id", "origin", "rank_class", "status")) {
        if (!n.has(f)) {
          throw new IllegalArgumentException(gold + " line " + (i + 1) + ": a gold record needs '" + f + "'");
        }
      }
      out.add(n);
    }
    return out;
  }

  /** The report score.py --show prints: missed, spurious, wrong fields, then the figures. */
  public static String show(Scorer.Result r) {
    StringBuilder b = new StringBuilder();
    for (JsonNode g : r.missed) {
      String ev = g.path("evidence").asText();
      b.append("MISSED   ").append(g.path("id").asText()).append(' ').append(py(g.get("person"))).append(' ')
          .append(pyList(g.get("rank"))).append(' ').append(g.path("origin").asText()).append(" | ")
          .append(ev.length() > 100 ? ev.substring(0, 100) : ev).append('\n');
    }
    for (JsonNode p : r.spurious) {
      b.append("SPURIOUS ").append(brief(p)).append('\n');
    }
    Map<String, BiPredicate<JsonNode, JsonNode>> checks = Scorer.fieldChecks();
    for (JsonNode[] m : r.matched) {
      List<String> wrong = new ArrayList<>();
      for (String f : List.of("rank_class", "date", "group_size", "destination")) {
        if (!checks.get(f).test(m[0], m[1])) {
          wrong.add(f);
        }
      }
      if (!wrong.isEmpty()) {
        b.append("FIELDS   ").append(m[0].path("id").asText()).append(' ').append(py(m[0].get("person")))
            .append(" wrong: ").append(String.join(",", wrong)).append(' ').append(brief(m[1])).append('\n');
      }
    }
    b.append(String.format("records: gold %d, predicted %d, tp %d, fp %d, fn %d%n", r.gold, r.predicted, r.tp, r.fp,
        r.fn));
    List<String> fa = new ArrayList<>();
    r.fieldAccuracy.forEach((k, v) -> fa.add(k + " " + fixed(Scorer.round3(v), 2)));
    b.append("fields on matches: ").append(String.join(", ", fa)).append('\n');
    b.append("precision ").append(fixed(Scorer.round3(r.precision), 3)).append(" recall ")
        .append(fixed(Scorer.round3(r.recall), 3)).append(" f1 ").append(fixed(Scorer.round3(r.f1), 3))
        .append(" strict_f1 ").append(fixed(Scorer.round3(r.strictF1), 3)).append('\n');
    return b.toString();
  }

  /**
   * {@code v} with {@code digits} decimals as Python's {@code f"{v:.2f}"} writes it: the double's exact binary value
   * rounded half-even (0.955 is 0.95499999…, so "0.95"), where {@code String.format} rounds the shortest decimal
   * ("0.955") half-up.
   */
  static String fixed(double v, int digits) {
    return new java.math.BigDecimal(v).setScale(digits, java.math.RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String brief(JsonNode p) {
    List<String> parts = new ArrayList<>();
    for (String k : BRIEF) {
      JsonNode v = p.get(k);
      try {
        parts.add("\"" + k + "\": " + (v == null ? "null" : JSON.writeValueAsString(v)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return "{" + String.join(", ", parts) + "}";
  }

  private static String py(JsonNode v) {
    return v == null || v.isNull() ? "None" : v.asText();
  }

  private static String pyList(JsonNode v) {
    if (v == null || !v.isArray()) {
      return py(v);
    }
    List<String> items = new ArrayList<>();
    v.forEach(x -> items.add(x.isNull() ? "None" : "'" + x.asText() + "'"));
    return "[" + String.join(", ", items) + "]";
  }

  private static JsonNode parse(String line, String where) {
    try {
      return JSON.readTree(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(where + " is not JSON: " + e.getOriginalMessage());
    }
  }
}
