package org.defections.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
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
  /** Origin countries drawn as small multiples over the months. */
  static final int MULTIPLES = 8;
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
    Output out = resolve(outputDir);
    JsonNode manifest = out.manifest();
    d.runId = manifest.path("run_id").asText();
    d.finishedAt = manifest.path("finished_at").asText();
    d.input = manifest.path("input").asText();
    for (Iterator<Map.Entry<String, JsonNode>> it = manifest.path("counts").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      d.counts.put(e.getKey(), e.getValue().asLong());
    }

    Dataset<Row> defections = out.table(Tables.DEFECTIONS);
    Row t = defections.agg(count(lit(1)).as("records"),
        coalesce(sum(coalesce(col("group_size"), lit(0))), lit(0L)).as("people_known"),
        sum(when(col("group_size").isNull(), 1).otherwise(0)).as("records_unknown_size"),
        sum(when(col("status").equalTo("CONFIRMED"), 1).otherwise(0)).as("confirmed_records"),
        sum(when(col("status").equalTo("REPORTED"), 1).otherwise(0)).as("reported_records"),
        countDistinct(col("origin_country")).as("origin_countries")).first();
    for (String f : t.schema().fieldNames()) {
      d.totals.put(f, t.isNullAt(t.fieldIndex(f)) ? 0L : ((Number) t.getAs(f)).longValue());
    }

    // one pass for every count of records with a gap: the captions' and the data-quality table's
    List<String> gapNames = List.of("no date", "year only", "no rank or title", "no destination",
        "unknown group size");
    Row g = defections.agg(
        sum(when(col("event_month").isNull().or(col("date_precision").equalTo("NONE")), 1).otherwise(0)),
        sum(when(col("date_precision").equalTo("YEAR"), 1).otherwise(0)),
        sum(when(col("rank").isNull(), 1).otherwise(0)),
        sum(when(col("destination_country").isNull(), 1).otherwise(0)),
        sum(when(col("group_size").isNull(), 1).otherwise(0)),
        sum(when(col("event_month").isNull(), 1).otherwise(0)),
        sum(when(col("event_month").isNull().and(col("event_year").isNotNull()), 1).otherwise(0)),
        sum(when(col("origin_country").isNull(), 1).otherwise(0))).first();
    for (int i = 0; i < gapNames.size(); i++) {
      d.gaps.add(new ReportData.Row(gapNames.get(i)).put("records", sumAt(g, i)));
    }
    d.noDestination = sumAt(g, gapNames.indexOf("no destination"));
    d.undatedRecords = sumAt(g, gapNames.size());
    d.yearOnlyRecords = sumAt(g, gapNames.size() + 1);
    d.noOrigin = sumAt(g, gapNames.size() + 2);
    List<Row> months = out.table(Aggregates.BY_MONTH).filter(col("event_month").isNotNull())
        .orderBy("event_month").collectAsList();
    Map<String, ReportData.Row> axis = months.isEmpty() ? Map.of() : MonthChart.span(
        YearMonth.parse(months.get(0).getAs("event_month")),
        YearMonth.parse(months.get(months.size() - 1).getAs("event_month")));
    for (Row r : months) {
      axis.get(r.<String>getAs("event_month")).put("records", r.<Number>getAs("records").longValue())
          .put("people", r.<Number>getAs("people").longValue());
    }
    d.byMonth.addAll(axis.values());

    List<String> topCodes = new ArrayList<>();
    for (Row r : out.table(Aggregates.BY_COUNTRY).filter(col("origin_country").isNotNull())
        .orderBy(col("records").desc(), col("origin_country")).limit(topCountries).collectAsList()) {
      topCodes.add(r.getAs("origin_country"));
      d.byCountry.add(new ReportData.Row(country(r.getAs("origin_country"), r.getAs("origin_country_name")))
          .put("records", r.<Number>getAs("records").longValue()).put("people", r.<Number>getAs("people").longValue()));
    }
    Map<String, ReportData.Row> strips = new java.util.LinkedHashMap<>();
    for (int i = 0; i < Math.min(MULTIPLES, topCodes.size()); i++) {
      strips.put(topCodes.get(i), new ReportData.Row(d.byCountry.get(i).label));
    }
    for (Row r : defections.filter(col("event_month").isNotNull().and(col("origin_country").isin(
        strips.keySet().toArray()))).groupBy("origin_country", "event_month").count().collectAsList()) {
      strips.get(r.<String>getAs("origin_country")).put(r.getAs("event_month"), r.getLong(2));
    }
    d.countryMonths.addAll(strips.values());
    for (Row r : defections.filter(col("destination_country").isNotNull())
        .groupBy("destination_country", "destination_country_name")
        .agg(count(lit(1)).as("records"), coalesce(sum(col("group_size")), lit(0L)).as("people"))
        .orderBy(col("records").desc(), col("destination_country")).limit(topCountries).collectAsList()) {
      d.byDestination.add(new ReportData.Row(country(r.getAs("destination_country"),
          r.getAs("destination_country_name"))).put("records", r.getLong(2)).put("people", r.getLong(3)));
    }
    Column rankClass = coalesce(col("rank_class"), lit("UNKNOWN"));
    for (Row r : out.table(Aggregates.BY_RANK).groupBy(rankClass.as("rank_class"))
        .agg(sum("confirmed_records").as("confirmed"), sum("reported_records").as("reported"),
            sum("records").as("records"))
        .orderBy(col("records").desc(), col("rank_class")).collectAsList()) {
      d.byRankClass.add(new ReportData.Row(words(r.getAs("rank_class")))
          .put("CONFIRMED", r.<Number>getAs("confirmed").longValue())
          .put("REPORTED", r.<Number>getAs("reported").longValue()));
    }

    for (Row r : defections.orderBy(col("mention_count").desc(), col("event_date").desc_nulls_last(),
        col("event_id")).limit(topRecords).collectAsList()) {
      d.topRecords.add(record(r));
    }
    Dataset<Row> changes = out.optionalTable(Tables.DEFECTIONS_CHANGES);
    if (changes != null) {
      for (Row r : changes.groupBy("change").count().orderBy("change").collectAsList()) {
        d.changes.put(r.getAs("change"), r.getLong(1));
      }
      for (Row r : changes.filter(col("change").notEqual("added")).orderBy(col("change"), col("event_id"))
          .limit(topRecords).collectAsList()) {
        ReportData.Record rec = record(r);
        rec.change = r.getAs("change");
        rec.changedFields.addAll(r.getList(r.fieldIndex("changed_fields")));
        d.changeRows.add(rec);
      }
    }

    for (Row r : out.table(Tables.REJECTS).groupBy("reason").count()
        .orderBy(col("count").desc(), col("reason")).collectAsList()) {
      d.rejectsByReason.add(new ReportData.Row(r.getAs("reason")).put("rejected", r.getLong(1)));
    }
    Dataset<Row> mentions = out.table(Tables.MENTIONS);
    for (Row r : mentions.filter(col("kept_out_reason").isNotNull()).groupBy("kept_out_reason").count()
        .orderBy(col("count").desc(), col("kept_out_reason")).collectAsList()) {
      d.keptOutByReason.add(new ReportData.Row(r.getAs("kept_out_reason")).put("mentions", r.getLong(1)));
    }
    for (Row r : mentions.groupBy(coalesce(col("factuality"), lit("UNKNOWN")).as("factuality")).count()
        .orderBy(col("count").desc(), col("factuality")).collectAsList()) {
      d.mentionsByFactuality.add(new ReportData.Row(words(r.getAs("factuality"))).put("mentions", r.getLong(1)));
    }
    return d;
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

  private static ReportData.Record record(Row r) {
    ReportData.Record rec = new ReportData.Record();
    rec.personName = r.getAs("person_name");
    rec.rank = r.getAs("rank");
    rec.rankClass = words(r.getAs("rank_class"));
    rec.origin = country(r.getAs("origin_country"), r.getAs("origin_country_name"));
    rec.destination = country(r.getAs("destination_country"), r.getAs("destination_country_name"));
    String posting = r.getAs("posting");
    rec.posting = posting == null ? null : country(posting, org.defections.resolve.CountryNames.of(posting));
    if (rec.posting != null && rec.posting.equals(posting) && posting.contains("_")) {
      rec.posting = title(posting); // an international body: ARAB_LEAGUE is "Arab League"
    }
    rec.date = date(r.getAs("event_date"), r.getAs("event_month"), r.getAs("event_year"),
        r.getAs("date_precision"));
    rec.status = r.getAs("status");
    rec.groupSize = r.getAs("group_size");
    rec.mentions = r.<Number>getAs("mention_count").intValue();
    rec.articleIds.addAll(r.getList(r.fieldIndex("article_ids")));
    if (!r.isNullAt(r.fieldIndex("urls"))) {
      rec.urls.addAll(r.getList(r.fieldIndex("urls")));
    }
    rec.evidence = r.getAs("evidence");
    return rec;
  }

  /** "Syria (SYR)", or the code alone when it has no name; null stays null. */
  static String country(String code, String name) {
    return code == null ? null : name == null ? code : name + " (" + code + ")";
  }

  /** A code of words as a name: UNITED_NATIONS is "United Nations". */
  static String title(String code) {
    StringBuilder b = new StringBuilder();
    for (String w : code.toLowerCase(java.util.Locale.ROOT).split("_")) {
      if (!w.isEmpty()) {
        b.append(b.length() == 0 ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
      }
    }
    return b.toString();
  }

  /** An enum value as words: GENERAL_OFFICER is "general officer". */
  static String words(String value) {
    return value == null ? null : value.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  /** The event's date to its known precision, from whichever of day, month and year the record has. */
  static String date(Object day, String month, Integer year, String precision) {
    if (day != null && "DAY".equals(precision)) {
      return day.toString();
    }
    if (month != null && !"YEAR".equals(precision)) {
      return month;
    }
    if (year != null) {
      return year.toString();
    }
    return day == null ? month : display(day.toString(), precision);
  }

  /** The sum at {@code i} of an aggregate row (null, for no rows, is 0). */
  private static long sumAt(Row r, int i) {
    return r.isNullAt(i) ? 0 : r.getLong(i);
  }

  /** The published output at {@code outputDir}, resolved once: its file system and its tables' folder. */
  private Output resolve(String outputDir) {
    try {
      FileSystem fs = new Path(outputDir).getFileSystem(spark.sparkContext().hadoopConfiguration());
      Path root = TableWriter.readableOutput(fs, new Path(outputDir));
      return new Output(outputDir, fs, root, TableWriter.tablesDir(fs, root));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + outputDir, e);
    }
  }

  /** A resolved output: its manifest and its tables. */
  private final class Output {
    private final String name;
    private final FileSystem fs;
    private final Path root;
    private final Path tables;

    Output(String name, FileSystem fs, Path root, Path tables) {
      this.name = name;
      this.fs = fs;
      this.root = root;
      this.tables = tables;
    }

    Dataset<Row> table(String table) {
      Dataset<Row> t = optionalTable(table);
      if (t == null) {
        throw new IllegalArgumentException("the output " + name + " has no table " + table);
      }
      return t;
    }

    /** The table, or null when the output has none of that name (an output of an older version of the job). */
    Dataset<Row> optionalTable(String table) {
      Path dir = new Path(tables, table);
      try {
        return fs.exists(dir) ? spark.read().parquet(dir.toString()) : null;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open " + dir, e);
      }
    }

    JsonNode manifest() {
      Path p = new Path(root, TableWriter.MANIFEST);
      try (InputStream in = fs.open(p)) {
        return JSON.readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + p, e);
      }
    }
  }
}
