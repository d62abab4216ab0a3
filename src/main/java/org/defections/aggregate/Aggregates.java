package org.defections.aggregate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The aggregation stage: Spark built-in aggregates over the {@code defections} table (snake_case columns).
 * Each aggregate table has its key columns (with {@code origin_country_name} beside a country and
 * {@code event_month_date}, the month's first day, beside a month; the row of undated records has a null month) plus
 * {@code records}, {@code people} (sum of known group sizes),
 * {@code records_unknown_size}, {@code confirmed_records}, {@code confirmed_people}, {@code reported_records},
 * {@code reported_people}.
 */
public final class Aggregates {
  public static final String BY_COUNTRY = "defections_by_country";
  public static final String BY_RANK = "defections_by_rank";
  public static final String BY_MONTH = "defections_by_month";
  public static final String BY_COUNTRY_RANK_MONTH = "defections_by_country_rank_month";

  private Aggregates() {}

  /** An aggregate table: its rows (unordered) and its key columns, the order it is written in. */
  public record Table(Dataset<Row> rows, String... keys) {
    /**
     * The rows sorted by the keys within each partition: the table in key order when it is one partition (as it is
     * over records read as one partition: grouping keeps their partitioning).
     */
    public Dataset<Row> sortedRows() {
      return rows.sortWithinPartitions(java.util.Arrays.stream(keys).map(functions::col).toArray(Column[]::new));
    }
  }

  public static Map<String, Table> all(Dataset<Row> defections) {
    Map<String, Table> out = new LinkedHashMap<>();
    out.put(BY_COUNTRY, table(defections, List.of("origin_country", "origin_country_name"), "origin_country"));
    out.put(BY_RANK, table(defections, List.of("rank_class", "rank"), "rank_class", "rank"));
    out.put(BY_MONTH, table(defections, List.of("event_month", "event_month_date"), "event_month"));
    out.put(BY_COUNTRY_RANK_MONTH, table(defections, List.of("origin_country", "origin_country_name", "rank_class",
        "event_month", "event_month_date"), "origin_country", "rank_class", "event_month"));
    return out;
  }

  /**
   * An aggregate grouped by {@code columns}: the keys plus what they determine (a country's name, a month's first
   * day), sorted by the keys.
   */
  private static Table table(Dataset<Row> defections, List<String> columns, String... keys) {
    return new Table(by(defections, columns.toArray(new String[0])), keys);
  }

  static Dataset<Row> by(Dataset<Row> d, String... keys) {
    Column size = functions.col("group_size");
    Column confirmed = functions.col("status").equalTo("CONFIRMED");
    Column reported = functions.col("status").equalTo("REPORTED");
    Column[] keyCols = new Column[keys.length];
    for (int i = 0; i < keys.length; i++) {
      keyCols[i] = functions.col(keys[i]);
    }
    return d.groupBy(keyCols).agg(
        functions.count(functions.lit(1)).as("records"),
        functions.coalesce(functions.sum(size), functions.lit(0L)).as("people"),
        functions.sum(functions.when(size.isNull(), 1).otherwise(0)).as("records_unknown_size"),
        functions.sum(functions.when(confirmed, 1).otherwise(0)).as("confirmed_records"),
        functions.coalesce(functions.sum(functions.when(confirmed, size)), functions.lit(0L)).as("confirmed_people"),
        functions.sum(functions.when(reported, 1).otherwise(0)).as("reported_records"),
        functions.coalesce(functions.sum(functions.when(reported, size)), functions.lit(0L)).as("reported_people"));
  }
}
