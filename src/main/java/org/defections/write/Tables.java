package org.defections.write;

/** Table names and their column orders (the contract documented in docs/tables.md). */
public final class Tables {
  public static final String DEFECTIONS = "defections";
  public static final String MENTIONS = "mentions";
  public static final String REJECTS = "rejects";
  /** Per input file: source, read, accepted, rejected. */
  public static final String INPUT_FILES = "input_files";

  /** A nightly version's records added, changed and removed since the previous version. */
  public static final String DEFECTIONS_CHANGES = "defections_changes";
  public static final String[] DEFECTION_COLUMNS = {"event_id", "incident_id", "person_name", "aliases", "rank",
      "rank_class", "nato_code", "organization", "origin_country", "destination_country", "group_size", "event_date",
      "event_year", "event_month", "date_precision", "status", "article_ids", "mention_ids", "mention_count",
      "evidence", "posting", "event_month_date", "origin_country_name", "destination_country_name", "first_reported",
      "last_reported", "urls"};
  /** The last column of {@code defections}: the run that wrote the table (not among the compared columns). */
  public static final String RUN_ID = "run_id";
  public static final String[] MENTION_COLUMNS = {"mention_id", "article_id", "url", "incident_key", "trigger",
      "begin", "end", "sentence_index", "sentence", "person_name", "rank", "rank_class", "nato_code", "organization",
      "origin_country", "origin_cue", "destination_country", "posting", "group_size", "event_date", "event_year", "event_month",
      "date_precision", "factuality", "factuality_cue", "status", "kept_out_reason", "rule_id", "language", "report_key",
      "published"};
  public static final String[] REJECT_COLUMNS = {"source", "position", "id", "reason", "detail", "raw"};

  private Tables() {}
}
