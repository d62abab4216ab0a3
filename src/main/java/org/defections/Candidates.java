package org.defections;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.defections.candidates.CandidateSelection;
import org.defections.candidates.ScannedRecord;
import org.defections.ingest.LanguageDetector;

/**
 * What goes to annotation: the records to annotate ({@code toAnnotate}, columns of {@link ScannedRecord}), how many
 * of them per language and with candidate passages, and their distinct passage texts ({@code distinct}, cached, see
 * {@link CandidateSelection#distinct}) with the passages they stand for.
 */
record Candidates(Dataset<Row> toAnnotate, Map<String, Long> byLanguage, long articles, Dataset<Row> distinct,
    long passages, long distinctPassages) {

  /**
   * The candidates of {@code all} (the census's records) for the increment; the distinct texts are cached with
   * {@code cache} in {@code partitions} partitions.
   */
  static Candidates of(Dataset<Row> all, DefectionJob.Increment increment, Census census,
      UnaryOperator<Dataset<Row>> cache, int partitions) {
    Dataset<Row> accepted = all.filter(functions.col("reason").isNull());
    Dataset<Row> toAnnotate = increment.toAnnotate(accepted);
    Map<String, Long> byLanguage = census.acceptedByLanguage();
    long articles = census.acceptedCandidates();
    Dataset<Row> candidates = toAnnotate.filter(functions.size(functions.col("passages")).gt(0));
    if (toAnnotate != accepted) { // a nightly run annotates a part of the accepted articles: count that part
      byLanguage = new TreeMap<>();
      for (Row r : toAnnotate.groupBy("language").agg(functions.sum("records")).collectAsList()) { // per language
        byLanguage.put(r.getString(0), r.getLong(1));
      }
      articles = candidates.count();
    }
    // each distinct text is annotated once, and each of its contexts extracted once
    Dataset<Row> distinct = cache.apply(CandidateSelection.distinct(CandidateSelection.passages(candidates))
        .coalesce(partitions));
    Row counts = distinct.agg(functions.coalesce(functions.sum(functions.aggregate(functions.col(
        CandidateSelection.CONTEXTS), functions.lit(0L), (n, c) -> n.plus(functions.size(c.getField(
        CandidateSelection.COPIES))))), functions.lit(0L)), functions.count(functions.lit(1))).first();
    return new Candidates(toAnnotate, byLanguage, articles, distinct, counts.getLong(0), counts.getLong(1));
  }

  long articlesToAnnotate() {
    return Census.total(byLanguage);
  }

  long skippedLanguage() {
    return byLanguage.entrySet().stream().filter(e -> !LanguageDetector.ANNOTATED.contains(e.getKey()))
        .mapToLong(Map.Entry::getValue).sum();
  }

  void release() {
    distinct.unpersist();
  }
}
