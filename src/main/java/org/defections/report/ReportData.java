package org.defections.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the static report shows, read from one output of the job: plain values, no Spark, so the renderer is tested
 * on its own. Every list is small (bounded by months, countries, rank classes, reasons, or the top-N limit).
 */
public final class ReportData {
  /** One bar, point or table row: a label and named numbers, in display order. */
  public static final class Row {
    public final String label;
    public final Map<String, Long> values = new LinkedHashMap<>();

    public Row(String label) {
      this.label = label;
    }

    public Row put(String series, long value) {
      values.put(series, value);
      return this;
    }
  }

  /** One defection record as listed in the report. */
  public static final class Record {
    public String personName;
    public String rank;
    public String rankClass;
    public String origin;
    public String destination;
    public String date;
    public String datePrecision;
    public String status;
    public Integer groupSize;
    public int mentions;
    public List<String> articleIds = new ArrayList<>();
    public String evidence;
  }

  public String outputDir;
  public String runId;
  public String finishedAt;
  public String input;
  /** Manifest counts (read, accepted, rejected, candidate_articles, ..., records), in manifest order. */
  public final Map<String, Long> counts = new LinkedHashMap<>();
  /** records, people_known, records_unknown_size, confirmed_records, reported_records, origin_countries. */
  public final Map<String, Long> totals = new LinkedHashMap<>();
  /** "month" or "year": the unit of {@link #byMonth}. */
  public String timeUnit = "month";
  /** Gap-free timeline of the dated records per {@link #timeUnit} (zeros included): records, people. */
  public final List<Row> byMonth = new ArrayList<>();
  /** Top origin countries by records: records, people. */
  public final List<Row> byCountry = new ArrayList<>();
  /** Per rank class: CONFIRMED, REPORTED records. */
  public final List<Row> byRankClass = new ArrayList<>();
  public final List<Record> topRecords = new ArrayList<>();
  /** Per reject reason: rejected. */
  public final List<Row> rejectsByReason = new ArrayList<>();
  /** Per gap (no date, year only, no rank, no destination, unknown size): records. */
  public final List<Row> gaps = new ArrayList<>();
  /** Per reason a mention was kept out of the records: mentions. */
  public final List<Row> keptOutByReason = new ArrayList<>();
}
