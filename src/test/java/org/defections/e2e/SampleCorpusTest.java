package org.defections.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The bundled sample corpus end to end: the defection records must be exactly those of
 * samples/expected-records.jsonl (compared on the spec's fields plus provenance), and every input line is accounted.
 */
class SampleCorpusTest {
  static final List<String> FIELDS = List.of("article_ids", "person_name", "aliases", "rank", "rank_class",
      "nato_code", "origin_country", "destination_country", "group_size", "event_date", "event_year", "event_month",
      "date_precision", "status");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void recordsAreExactlyTheExpectedOnes() throws Exception {
    Path out = JobRunner.sampleOutput();
    ObjectNode manifest = JobRunner.sampleManifest();

    assertEquals(21, manifest.at("/counts/read").asLong());
    assertEquals(19, manifest.at("/counts/accepted").asLong());
    assertEquals(1, manifest.at("/counts/skipped_language").asLong(), "the French article is counted, not annotated");
    assertEquals("{\"en\":15,\"es\":3,\"fr\":1}", manifest.get("articles_by_language").toString());
    assertEquals(2, manifest.at("/counts/rejected").asLong());
    assertEquals(1, manifest.at("/rejects_by_reason/empty_text").asLong());
    assertEquals(1, manifest.at("/rejects_by_reason/unparseable_json").asLong());

    // mentions by factuality, and the kept-out ones by their reason: the mentions table's counts, most frequent first
    Map<String, Map<String, Long>> counts = Map.of("factuality", new TreeMap<>(), "kept_out_reason", new TreeMap<>());
    for (String l : JobRunner.dump(out.resolve("mentions"))) {
      JsonNode m = JSON.readTree(l);
      counts.get("factuality").merge(m.get("factuality").asText(), 1L, Long::sum);
      if (m.path("kept_out_reason").isTextual()) {
        counts.get("kept_out_reason").merge(m.get("kept_out_reason").asText(), 1L, Long::sum);
      }
    }
    for (String[] c : new String[][] {{"factuality", "mentions_by_factuality"},
        {"kept_out_reason", "mentions_kept_out_by_reason"}}) {
      List<Map.Entry<String, Long>> ordered = new ArrayList<>(counts.get(c[0]).entrySet());
      ordered.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
      ObjectNode expected = JSON.createObjectNode();
      ordered.forEach(e -> expected.put(e.getKey(), e.getValue()));
      assertEquals(expected.toString(), manifest.get(c[1]).toString(), c[1]);
      assertTrue(!c[0].equals("factuality") || ordered.size() > 1, "too few kinds to check the order: " + ordered);
    }

    List<String> actual = project(JobRunner.dump(out.resolve("defections")));
    List<String> expected = project(Files.readAllLines(JobRunner.PROJECT.resolve("samples/expected-records.jsonl"),
        StandardCharsets.UTF_8));
    assertEquals(String.join("\n", expected), String.join("\n", actual));
    // every record names the run that wrote it, as its last column
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> table = org.defections.SparkTestSession.get().read()
        .parquet(out.resolve("defections").toString());
    String[] columns = table.columns();
    assertEquals("run_id", columns[columns.length - 1]);
    assertEquals(List.of(manifest.get("run_id").asText()), table.select("run_id").distinct().as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList());
  }

  @Test
  void aggregateTablesAreTheRecordsSummedInKeyOrder() throws Exception {
    Path out = JobRunner.sampleOutput();
    List<JsonNode> records = new ArrayList<>();
    for (String l : JobRunner.dump(out.resolve("defections"))) {
      records.add(JSON.readTree(l));
    }
    // the key columns, with what they determine: a country's name, a month's first day
    Map<String, List<String>> tables = Map.of("defections_by_country", List.of("origin_country",
        "origin_country_name"), "defections_by_rank", List.of("rank_class", "rank"), "defections_by_month",
        List.of("event_month", "event_month_date"), "defections_by_country_rank_month", List.of("origin_country",
        "origin_country_name", "rank_class", "event_month", "event_month_date"));
    java.util.Comparator<String> nullsFirst = java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder());
    for (Map.Entry<String, List<String>> t : tables.entrySet()) {
      // per key (nulls first): records, people, records_unknown_size, confirmed_records, confirmed_people,
      // reported_records, reported_people
      Map<List<String>, long[]> sums = new TreeMap<>((a, b) -> {
        for (int i = 0; i < a.size(); i++) {
          int c = nullsFirst.compare(a.get(i), b.get(i));
          if (c != 0) {
            return c;
          }
        }
        return 0;
      });
      for (JsonNode r : records) {
        List<String> key = new ArrayList<>();
        t.getValue().forEach(k -> key.add(r.get(k).isNull() ? null : r.get(k).asText()));
        long[] s = sums.computeIfAbsent(key, k -> new long[7]);
        boolean known = !r.get("group_size").isNull();
        long size = known ? r.get("group_size").asLong() : 0;
        String status = r.get("status").asText();
        s[0]++;
        s[1] += size;
        s[2] += known ? 0 : 1;
        s[3] += status.equals("CONFIRMED") ? 1 : 0;
        s[4] += status.equals("CONFIRMED") ? size : 0;
        s[5] += status.equals("REPORTED") ? 1 : 0;
        s[6] += status.equals("REPORTED") ? size : 0;
      }
      List<String> expected = new ArrayList<>();
      String[] columns = {"records", "people", "records_unknown_size", "confirmed_records", "confirmed_people",
          "reported_records", "reported_people"};
      sums.forEach((key, s) -> {
        ObjectNode row = JSON.createObjectNode();
        for (int i = 0; i < key.size(); i++) {
          row.put(t.getValue().get(i), key.get(i));
        }
        for (int i = 0; i < columns.length; i++) {
          row.put(columns[i], s[i]);
        }
        expected.add(row.toString());
      });
      assertEquals(String.join("\n", expected), String.join("\n", JobRunner.dump(out.resolve(t.getKey()))),
          t.getKey() + ": the records summed per key, in key order");
      assertTrue(t.getKey().equals("defections_by_month") || sums.size() > 2, t.getKey() + " has too few rows");
    }
  }

  /** The compared fields of each record, keys sorted, lines sorted. */
  static List<String> project(List<String> lines) throws Exception {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      if (l.isBlank()) {
        continue;
      }
      JsonNode n = JSON.readTree(l);
      Map<String, JsonNode> kept = new TreeMap<>();
      for (String f : FIELDS) {
        kept.put(f, n.get(f));
      }
      out.add(JSON.writeValueAsString(kept));
    }
    out.sort(null);
    return out;
  }
}
