package org.defections;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.defections.extract.Mention;

/**
 * The manifest's counts of mentions: by factuality (every mention), by kept-out reason (the mentions kept out of the
 * records), and by the rule that found them ({@code rule_id}, countable mentions only: the ones records are made of).
 * One aggregation, a few rows; it is the job that computes the mentions into their cache.
 */
record MentionCounts(Map<String, Long> byFactuality, Map<String, Long> keptOutByReason, Map<String, Long> byRule) {
  static MentionCounts of(Dataset<Mention> mentions) {
    List<Row> rows = mentions.groupBy(functions.col("factuality"), functions.col("keptOutReason"),
        functions.col("ruleId")).count().collectAsList();
    Map<String, Long> f = new java.util.HashMap<>();
    Map<String, Long> k = new java.util.HashMap<>();
    Map<String, Long> r = new java.util.HashMap<>();
    for (Row row : rows) {
      long n = row.getLong(3);
      f.merge(String.valueOf(row.getString(0)), n, Long::sum);
      if (!row.isNullAt(1)) {
        k.merge(row.getString(1), n, Long::sum);
      } else if ("ASSERTED".equals(row.getString(0)) || "REPORTED".equals(row.getString(0))) {
        r.merge(String.valueOf(row.getString(2)), n, Long::sum);
      }
    }
    return new MentionCounts(sorted(f), sorted(k), sorted(r));
  }

  /** Most frequent first, then by name: sorted here (a few rows), not by a Spark job. */
  private static Map<String, Long> sorted(Map<String, Long> counts) {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey())).forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
