package org.defections.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.defections.aggregate.Aggregates;
import org.defections.write.TableWriter;
import org.defections.write.Tables;

/**
 * Reads one published output of the job into {@link ReportData}. Only aggregates, counts and the top-N records
 * reach the driver (each bounded by months, countries, classes, reasons or N), never a corpus-sized result.
 */
public final class ReportLoader {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Longest timeline drawn by month; longer ones are drawn by year. */
  static final int MAX_MONTHS = 36;
  private final SparkSession spark;

  public ReportLoader(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * Loads the report's figures from {@code outputDir}.
   *
   * @throws IllegalArgumentException when the directory holds no published output of the job
   */
  public ReportData load(String outputDir, int topRecords, int topCountries) {
    ReportData d = new ReportData();
    d.outputDir = outputDir;
    JsonNode manifest = manifest(outputDir);
    d.runId = manifest.path("run_id").asText();
    d.finishedAt = manifest.path("finished_at").asText();
    d.input = manifest.path("input").asText();
    for (Iterator<Map.Entry<String, JsonNode>> it = manifest.path("counts").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      d.counts.put(e.getKey(), e.getValue().asLong());
    }

    Dataset<Row> defections = table(outputDir, Tables.DEFECTIONS);
    Row t = defections.agg(count(lit(1)).as("records"),
        coalesce(sum(coalesce(col("group_size"), lit(0))), lit(0L)).as("people_known"),
        sum(when(col("group_size").isNull(), 1).otherwise(0)).as("records_unknown_size"),
        sum(when(col("status").equalTo("CONFIRMED"), 1).otherwise(0)).as("confirmed_records"),
        sum(when(col("status").equalTo("REPORTED"), 1).otherwise(0)).as("reported_records"),
        countDistinct(col("origin_country")).as("origin_countries")).first();
    for (String f : t.schema().fieldNames()) {
      d.totals.put(f, t.isNullAt(t.fieldIndex(f)) ? 0L : ((Number) t.getAs(f)).longValue());
    }

    List<ReportData.Row> months = new java.util.ArrayList<>();
    for (Row r : table(outputDir, Aggregates.BY_MONTH).filter(col("event_month").isNotNull())
        .orderBy("event_month").collectAsList()) {
      months.add(new ReportData.Row(r.getAs("event_month"))
          .put("records", r.<Number>getAs("records").longValue()).put("people", r.<Number>getAs("people").longValue()));
    }
    d.timeUnit = timeline(months, d.byMonth);
    for (Row r : table(outputDir, Aggregates.BY_COUNTRY).filter(col("origin_country").isNotNull())
        .orderBy(col("records").desc(), col("origin_country")).limit(topCountries).collectAsList()) {
      d.byCountry.add(new ReportData.Row(r.getAs("origin_country"))
          .put("records", r.<Number>getAs("records").longValue()).put("people", r.<Number>getAs("people").longValue()));
    }
    Column rankClass = coalesce(col("rank_class"), lit("UNKNOWN"));
    for (Row r : table(outputDir, Aggregates.BY_RANK).groupBy(rankClass.as("rank_class"))
        .agg(sum("confirmed_records").as("confirmed"), sum("reported_records").as("reported"),
            sum("records").as("records"))
        .orderBy(col("records").desc(), col("rank_class")).collectAsList()) {
      d.byRankClass.add(new ReportData.Row(r.getAs("rank_class"))
          .put("CONFIRMED", r.<Number>getAs("confirmed").longValue())
          .put("REPORTED", r.<Number>getAs("reported").longValue()));
    }

    for (Row r : defections.orderBy(col("mention_count").desc(), col("event_date").desc_nulls_last(),
        col("event_id")).limit(topRecords).collectAsList()) {
      ReportData.Record rec = new ReportData.Record();
      rec.personName = r.getAs("person_name");
      rec.rank = r.getAs("rank");
      rec.rankClass = r.getAs("rank_class");
      rec.origin = r.getAs("origin_country");
      rec.destination = r.getAs("destination_country");
      Object date = r.getAs("event_date");
      rec.datePrecision = r.getAs("date_precision");
      rec.date = date == null ? null : display(date.toString(), rec.datePrecision);
      rec.status = r.getAs("status");
      rec.groupSize = r.getAs("group_size");
      rec.mentions = r.<Number>getAs("mention_count").intValue();
      rec.articleIds.addAll(r.getList(r.fieldIndex("article_ids")));
      rec.evidence = r.getAs("evidence");
      d.topRecords.add(rec);
    }

    for (Row r : table(outputDir, Tables.REJECTS).groupBy("reason").count()
        .orderBy(col("count").desc(), col("reason")).collectAsList()) {
      d.rejectsByReason.add(new ReportData.Row(r.getAs("reason")).put("rejected", r.getLong(1)));
    }
    Row g = defections.agg(
        sum(when(col("event_month").isNull().or(col("date_precision").equalTo("NONE")), 1).otherwise(0)),
        sum(when(col("date_precision").equalTo("YEAR"), 1).otherwise(0)),
        sum(when(col("rank").isNull(), 1).otherwise(0)),
        sum(when(col("destination_country").isNull(), 1).otherwise(0)),
        sum(when(col("group_size").isNull(), 1).otherwise(0))).first();
    List<String> gapNames = List.of("no date", "year only", "no rank or title", "no destination",
        "unknown group size");
    for (int i = 0; i < gapNames.size(); i++) {
      d.gaps.add(new ReportData.Row(gapNames.get(i)).put("records", g.isNullAt(i) ? 0 : g.getLong(i)));
    }
    Column countable = col("kept_out_reason").isNull().and(col("factuality").isin("ASSERTED", "REPORTED"))
        .and(col("origin_country").isNotNull());
    Column reason = when(col("kept_out_reason").isNotNull(), col("kept_out_reason"))
        .when(col("factuality").isin("ASSERTED", "REPORTED").unary_$bang(), lower(col("factuality")))
        .otherwise(lit("origin_unknown"));
    for (Row r : table(outputDir, Tables.MENTIONS).filter(countable.unary_$bang()).groupBy(reason.as("reason"))
        .count().orderBy(col("count").desc(), col("reason")).collectAsList()) {
      d.keptOutByReason.add(new ReportData.Row(r.getAs("reason")).put("mentions", r.getLong(1)));
    }
    return d;
  }

  /**
   * Fills {@code out} with a gap-free timeline of the dated records: every month from the first to the last, with
   * zeros where nothing happened, or every year when that span exceeds {@value #MAX_MONTHS} months. Returns the unit.
   */
  static String timeline(List<ReportData.Row> months, List<ReportData.Row> out) {
    if (months.isEmpty()) {
      return "month";
    }
    java.time.YearMonth first = java.time.YearMonth.parse(months.get(0).label);
    java.time.YearMonth last = java.time.YearMonth.parse(months.get(months.size() - 1).label);
    boolean byYear = first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1 > MAX_MONTHS;
    Map<String, ReportData.Row> slots = new java.util.LinkedHashMap<>();
    if (byYear) {
      for (int y = first.getYear(); y <= last.getYear(); y++) {
        slots.put(String.valueOf(y), new ReportData.Row(String.valueOf(y)).put("records", 0).put("people", 0));
      }
    } else {
      for (java.time.YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
        slots.put(m.toString(), new ReportData.Row(m.toString()).put("records", 0).put("people", 0));
      }
    }
    for (ReportData.Row m : months) {
      ReportData.Row slot = slots.get(byYear ? m.label.substring(0, 4) : m.label);
      m.values.forEach((k, v) -> slot.values.merge(k, v, Long::sum));
    }
    out.addAll(slots.values());
    return byYear ? "year" : "month";
  }

  /** A date shown only to its precision: 2014-09-09 (DAY), 2014-09 (MONTH), 2014 (YEAR). */
  static String display(String isoDate, String precision) {
    if ("MONTH".equals(precision)) {
      return isoDate.substring(0, 7);
    }
    if ("YEAR".equals(precision)) {
      return isoDate.substring(0, 4);
    }
    return isoDate;
  }

  private Dataset<Row> table(String outputDir, String name) {
    Path out = new Path(outputDir);
    try {
      return spark.read().parquet(new Path(TableWriter.tablesDir(out.getFileSystem(spark.sparkContext()
          .hadoopConfiguration()), out), name).toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + outputDir, e);
    }
  }

  private JsonNode manifest(String outputDir) {
    Path p = new Path(outputDir, TableWriter.MANIFEST);
    try {
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      TableWriter.checkComplete(fs, new Path(outputDir));
      try (InputStream in = fs.open(p)) {
        return JSON.readTree(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }
}
