package org.defections;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.defections.ingest.InputFiles;
import org.defections.candidates.ScannedRecord;

/**
 * The counts of the ingest, from one aggregation over the records (columns of {@link ScannedRecord}, duplicates
 * marked or not) by input file, reason (null: accepted), language and whether the article holds candidate passages:
 * rejects by reason, accepted articles by language, the accepted articles with candidate passages, and per input
 * file the accepted and rejected records.
 */
record Census(Map<String, Long> rejectsByReason, Map<String, Long> acceptedByLanguage, long acceptedCandidates,
    Map<String, long[]> byFile, List<InputFiles.Skipped> skipped) {
  /** Columns of the {@code input_files} table. */
  static final StructType INPUT_FILES_SCHEMA = new StructType()
      .add("source", "string").add("read", "long").add("accepted", "long").add("rejected", "long")
      .add("skipped", "long").add("skipped_reason", "string");

  static Census of(Dataset<Row> records, List<InputFiles.Skipped> skipped) {
    Map<String, Long> rejects = new TreeMap<>();
    Map<String, Long> byLanguage = new TreeMap<>();
    Map<String, long[]> byFile = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
    long candidates = 0;
    for (Row r : records.groupBy(functions.col("source"), functions.col("reason"), functions.col("language"),
        functions.coalesce(functions.size(functions.col("passages")).gt(0), functions.lit(false)).as("candidate"))
        .agg(functions.sum("records")).collectAsList()) { // a few rows per input file
      long n = r.getLong(4);
      long[] file = byFile.computeIfAbsent(r.getString(0), k -> new long[2]);
      if (r.isNullAt(1)) {
        byLanguage.merge(r.getString(2), n, Long::sum);
        candidates += r.getBoolean(3) ? n : 0;
        file[0] += n;
      } else {
        rejects.merge(r.getString(1), n, Long::sum);
        file[1] += n;
      }
    }
    return new Census(rejects, byLanguage, candidates, byFile, List.copyOf(skipped));
  }

  /**
   * The {@code input_files} table: per input file ({@code source}), the records {@code read}, {@code accepted} and
   * {@code rejected}; an entry of the input directory that was not read (a hidden or metadata file, a subdirectory)
   * is one {@code skipped} input with its {@code skipped_reason}. read = accepted + rejected + skipped on every row.
   * Ordered by source: the census's rows, no query of their own.
   */
  Dataset<Row> inputFiles(SparkSession spark) {
    java.util.TreeMap<String, Row> rows = new java.util.TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
    byFile.forEach((source, n) -> rows.put(source, RowFactory.create(source, n[0] + n[1], n[0], n[1], 0L, null)));
    skipped.forEach(s -> rows.put(s.source(), RowFactory.create(s.source(), 1L, 0L, 0L, 1L, s.reason())));
    return spark.createDataFrame(new ArrayList<>(rows.values()), INPUT_FILES_SCHEMA);
  }

  /** Skipped entries by reason. */
  Map<String, Long> skippedByReason() {
    Map<String, Long> m = new TreeMap<>();
    skipped.forEach(s -> m.merge(s.reason(), 1L, Long::sum));
    return m;
  }

  long accepted() {
    return total(acceptedByLanguage);
  }

  long rejected() {
    return total(rejectsByReason);
  }

  /** Records read, and skipped entries: read = accepted + rejected + skipped. */
  long read() {
    return accepted() + rejected() + skipped.size();
  }

  /** The sum of a map of counts. */
  static long total(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
