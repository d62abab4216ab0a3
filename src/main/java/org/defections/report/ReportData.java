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

  /** One defection record as listed in the report (countries as "Name (CODE)"). */
  public static final class Record {
    public String personName;
    public String rank;
    public String rankClass;
    public String origin;
    public String destination;
    public String posting;
    /** The event's date to its precision: 2014-09-09, 2014-09 or 2014; null when undated. */
    public String date;
    public String status;
    public Integer groupSize;
    public int mentions;
    public List<String> articleIds = new ArrayList<>();
    public List<String> urls = new ArrayList<>();
    public String evidence;
    /** For a row of the changes table: added, changed or removed, and the fields that changed. */
    public String change;
    public List<String> changedFields = new ArrayList<>();
  }

  public String outputDir;
  public String runId;
  public String finishedAt;
  public String input;
  /** Manifest counts (read, accepted, rejected, candidate_articles, ..., records), in manifest order. */
  public final Map<String, Long> counts = new LinkedHashMap<>();
  /** records, people_known, records_unknown_size, confirmed_records, reported_records, origin_countries. */
  public final Map<String, Long> totals = new LinkedHashMap<>();
  /** Every month from the first dated record's to the last's, empty months included: records, people. */
  public final List<Row> byMonth = new ArrayList<>();
  /** Records without a month (not on the monthly axis), and how many of them have a year. */
  public long undatedRecords;
  public long yearOnlyRecords;
  /** Top origin countries by records ("Name (CODE)"): records, people. */
  public final List<Row> byCountry = new ArrayList<>();
  /** The top origin countries' records per month: label "Name (CODE)", values keyed by "yyyy-MM". */
  public final List<Row> countryMonths = new ArrayList<>();
  /** Top destination countries by records: records, people. */
  public final List<Row> byDestination = new ArrayList<>();
  /** Records with no known origin, and with no known destination (not in the country charts). */
  public long noOrigin;
  public long noDestination;
  /** Per rank class ("general officer"): CONFIRMED, REPORTED records. */
  public final List<Row> byRankClass = new ArrayList<>();
  public final List<Record> topRecords = new ArrayList<>();
  /** Records added, changed and removed against the previous version (run outputs: all added). */
  public final Map<String, Long> changes = new LinkedHashMap<>();
  /** The first changed and removed records (added ones are in the table). */
  public final List<Record> changeRows = new ArrayList<>();
  /** Per reject reason: rejected. */
  public final List<Row> rejectsByReason = new ArrayList<>();
  /** Per gap (no date, year only, no rank, no destination, unknown size): records. */
  public final List<Row> gaps = new ArrayList<>();
  /** Per factuality of the mentions (asserted, reported, planned, denied ...): mentions. */
  public final List<Row> mentionsByFactuality = new ArrayList<>();
  /** Per reason a mention of a countable factuality was kept out of the records: mentions. */
  public final List<Row> keptOutByReason = new ArrayList<>();
}
