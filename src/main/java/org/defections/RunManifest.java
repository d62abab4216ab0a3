package org.defections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import org.defections.config.JobConfig;

/**
 * The run summary written as {@code _manifest.json} (keys: run_id, finished_at, input, format, output, counts,
 * rejects_by_reason, articles_by_language, mentions_by_factuality, mentions_kept_out_by_reason, mentions_by_rule, tables, timings_ms, what the
 * increment adds, versions). Filled stage by stage, in that order.
 */
final class RunManifest {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final ObjectNode m = JSON.createObjectNode();
  private final ObjectNode counts;

  RunManifest(String runId, JobConfig config, String format) {
    m.put("run_id", runId);
    m.put("finished_at", "");
    m.put("input", config.input());
    m.put("format", format);
    m.put("output", config.output());
    counts = m.putObject("counts");
  }

  /** The ingest's counts; {@code rejectedRows} is what the rejects table holds (equal to the census's count). */
  RunManifest ingest(Census census, long rejectedRows) {
    counts.put("read", census.read());
    counts.put("accepted", census.accepted());
    counts.put("rejected", rejectedRows);
    counts.put("skipped", (long) census.skipped().size());
    return this;
  }

  RunManifest candidates(Candidates c) {
    counts.put("skipped_language", c.skippedLanguage());
    counts.put("articles_to_annotate", c.articlesToAnnotate());
    counts.put("candidate_articles", c.articles());
    counts.put("passages", c.passages());
    counts.put("passages_annotated", c.distinctPassages());
    return this;
  }

  RunManifest results(long mentions, long records) {
    counts.put("mentions", mentions);
    counts.put("records", records);
    return this;
  }

  /** The breakdowns, after the counts. */
  RunManifest breakdowns(Census census, Candidates c, MentionCounts mentions, Map<String, Long> tables,
      Map<String, Long> timings) {
    m.set("rejects_by_reason", JSON.valueToTree(census.rejectsByReason()));
    m.set("skipped_by_reason", JSON.valueToTree(census.skippedByReason()));
    m.set("articles_by_language", JSON.valueToTree(c.byLanguage()));
    m.set("mentions_by_factuality", JSON.valueToTree(mentions.byFactuality()));
    m.set("mentions_kept_out_by_reason", JSON.valueToTree(mentions.keptOutByReason()));
    m.set("mentions_by_rule", JSON.valueToTree(mentions.byRule()));
    m.set("tables", JSON.valueToTree(tables));
    m.set("timings_ms", JSON.valueToTree(timings));
    return this;
  }

  RunManifest increment(DefectionJob.Increment increment) {
    increment.describe(m);
    return this;
  }

  /** Stamps the versions and the finishing time; the manifest is complete. */
  ObjectNode finish(String sparkVersion) {
    ObjectNode versions = m.putObject("versions");
    versions.put("defection_analytics", DefectionJob.VERSION);
    versions.put("spark", sparkVersion);
    versions.put("spark_nlp", com.johnsnowlabs.util.Build.version());
    versions.put("java", System.getProperty("java.version"));
    m.put("finished_at", Instant.now().toString());
    return m;
  }

  static String pretty(ObjectNode manifest) throws JsonProcessingException {
    return JSON.writeValueAsString(manifest);
  }

  static String compact(ObjectNode manifest) throws JsonProcessingException {
    return JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(manifest);
  }
}
