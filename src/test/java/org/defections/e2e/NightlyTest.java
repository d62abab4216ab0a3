package org.defections.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.defections.SparkTestSession;
import org.defections.config.JobConfig;
import org.defections.nightly.NightlyJob;
import org.defections.nightly.Warehouse;
import org.junit.jupiter.api.Test;

/**
 * Nightly recompute over the dev articles: a night annotates only what no earlier night saw; the same input twice
 * gives the same tables and annotates nothing; the incremental tables equal a full run's; overlapping runs are
 * refused; retention keeps N versions; and a run killed while writing leaves the previous version current and
 * readable, and the next run succeeds.
 */
class NightlyTest {
  static final List<String> TABLES = List.of("defections", "mentions", "rejects", "defections_by_country",
      "defections_by_rank", "defections_by_month", "defections_by_country_rank_month");
  private static final ObjectMapper JSON = new ObjectMapper();
  static final Path DEV = JobRunner.SHARED.resolve("eval/dev/articles.jsonl");

  private static ObjectNode night(Path input, Path warehouse, int keep) {
    JobConfig c = JobConfig.load(null, Map.of("input", input.toString(), "nightly.warehouse", warehouse.toString(),
        "nightly.keep-versions", String.valueOf(keep), "nightly.run-date", "2026-11-21"));
    return new NightlyJob(SparkTestSession.get(), c).run();
  }

  private static Map<String, List<String>> tables(Path version) throws Exception {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    for (String t : TABLES) {
      List<String> rows = new ArrayList<>(JobRunner.dump(version.resolve(t)));
      rows.removeIf(String::isBlank);
      rows.sort(null);
      out.put(t, rows);
    }
    return out;
  }

  private static Path current(Path warehouse) throws Exception {
    String id = Files.readString(warehouse.resolve("CURRENT"), StandardCharsets.UTF_8).trim();
    return warehouse.resolve("versions").resolve(id);
  }

  @Test
  void nightsAreIncrementalIdempotentAndEqualToAFullRun() throws Exception {
    Path dir = Files.createTempDirectory("nightly");
    Path warehouse = dir.resolve("warehouse");
    List<String> dev = Files.readAllLines(DEV, StandardCharsets.UTF_8);
    Path first = dir.resolve("first.jsonl");
    Files.write(first, dev.subList(0, dev.size() - 10), StandardCharsets.UTF_8);

    ObjectNode n1 = night(first, warehouse, 2);
    assertEquals(dev.size() - 10, n1.at("/nightly/articles_new").asLong());
    Path v1 = current(warehouse);

    ObjectNode n2 = night(DEV, warehouse, 2);
    assertEquals(10, n2.at("/nightly/articles_new").asLong(), "the 10 added articles, and only they, are annotated");
    assertEquals(dev.size() - 10, n2.at("/nightly/articles_already_seen").asLong());
    assertEquals(v1.getFileName().toString(), n2.at("/nightly/previous_version").asText());
    Path v2 = current(warehouse);
    assertNotEquals(v1, v2);
    assertTrue(Files.isSymbolicLink(warehouse.resolve("current")));
    assertEquals(v2.toRealPath(), warehouse.resolve("current").toRealPath());

    ObjectNode n3 = night(DEV, warehouse, 2);
    assertEquals(0, n3.at("/nightly/articles_new").asLong(), "the same input again annotates nothing");
    assertEquals(0, n3.at("/counts/passages_annotated").asLong());
    Path v3 = current(warehouse);
    Map<String, List<String>> t2 = tables(v2);
    assertEquals(t2, tables(v3), "the same input twice gives the same tables");

    // the incremental tables are those of one full run over all the articles
    Path full = dir.resolve("full");
    JobRunner.run(DEV, full);
    assertEquals(t2, tables(full));

    // retention: two versions kept, the oldest deleted
    try (Stream<Path> s = Files.list(warehouse.resolve("versions"))) {
      assertEquals(List.of(v2.getFileName().toString(), v3.getFileName().toString()),
          s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
    }
    assertEquals(v1.getFileName().toString(), n3.at("/nightly/versions_deleted/0").asText());

    // what changed: night two added records (and changed those new reports joined); night three, nothing
    List<String> changes2 = JobRunner.dump(v2.resolve("defections_changes"));
    assertTrue(changes2.stream().anyMatch(l -> l.contains("\"change\":\"added\"")), String.join("\n", changes2));

    assertEquals(List.of(), JobRunner.dump(v3.resolve("defections_changes")), "a repeat night changes nothing");
    // night four: an article of a one-article record now holds other text; that record is removed, named by its id
    String gone = null;
    String goneArticle = null;
    for (String l : t2.get("defections")) {
      JsonNode r = JSON.readTree(l);
      if (r.get("article_ids").size() == 1) {
        gone = r.get("event_id").asText();
        goneArticle = r.get("article_ids").get(0).asText();
        break;
      }
    }
    assertTrue(gone != null, "a record from one article");
    // ... and another one-article record gains a copy of its article under a new id: that record is changed
    String grown = null;
    String grownArticle = null;
    for (String l : t2.get("defections")) {
      JsonNode r = JSON.readTree(l);
      if (r.get("article_ids").size() == 1 && !r.get("article_ids").get(0).asText().equals(goneArticle)) {
        grown = r.get("event_id").asText();
        grownArticle = r.get("article_ids").get(0).asText();
        break;
      }
    }
    assertTrue(grown != null, "a second record from one article");
    List<String> edited = new ArrayList<>();
    for (String l : dev) {
      ObjectNode a = (ObjectNode) JSON.readTree(l);
      if (a.get("id").asText().equals(goneArticle)) {
        a.put("text", "Markets were calm on Monday and the central bank left its rates unchanged.");
      }
      edited.add(JSON.writeValueAsString(a));
      if (a.get("id").asText().equals(grownArticle)) {
        edited.add(JSON.writeValueAsString(a.put("id", "zz-copy-of-" + grownArticle)));
      }
    }
    Path fourth = dir.resolve("fourth.jsonl");
    Files.write(fourth, edited, StandardCharsets.UTF_8);
    night(fourth, warehouse, 2);
    List<String> changes4 = JobRunner.dump(current(warehouse).resolve("defections_changes"));
    String goneId = gone;
    assertTrue(changes4.stream().anyMatch(l -> l.contains("\"change\":\"removed\"") && l.contains(goneId)),
        String.join("\n", changes4));
    String grownId = grown;
    assertTrue(changes4.stream().anyMatch(l -> l.contains("\"change\":\"changed\"") && l.contains(grownId)
        && l.contains("\"changed_fields\":[\"article_ids\"")), "the record with a new copy of its article is "
        + "changed, under the same event_id: " + String.join("\n", changes4));
    // the report of the warehouse reads its current version and shows the night's changes
    org.defections.report.ReportData report = new org.defections.report.ReportLoader(SparkTestSession.get())
        .load(warehouse.toString(), 25, 20);
    assertEquals(changes4.size(), report.changes.values().stream().mapToLong(Long::longValue).sum());
    assertTrue(report.changeRows.stream().anyMatch(r -> "removed".equals(r.change)), "the removed record is listed");
    assertTrue(org.defections.report.HtmlReport.render(report).contains("<h2 id=\"changes\">What changed</h2>"));
  }

  /**
   * A record keeps its event_id when a later report joins it: the id comes from the earliest report by publication
   * date. Night one reads dev article 023 (2011-02-21), which names Libya's ambassador to India; night two adds 020
   * and 024 (2011-02-22), which report him too.
   */
  @Test
  void aRecordKeepsItsIdWhenALaterReportJoinsIt() throws Exception {
    Path dir = Files.createTempDirectory("nightly-ids");
    Path warehouse = dir.resolve("warehouse");
    List<String> dev = Files.readAllLines(DEV, StandardCharsets.UTF_8);
    Path first = dir.resolve("first.jsonl");
    Files.write(first, articles(dev, "023"), StandardCharsets.UTF_8);
    night(first, warehouse, 3);
    Map<String, String> before = idsByArticles(current(warehouse));
    Path second = dir.resolve("second.jsonl");
    Files.write(second, articles(dev, "023", "020", "024"), StandardCharsets.UTF_8);
    night(second, warehouse, 3);
    Map<String, String> after = idsByArticles(current(warehouse));
    String id = before.get("[023]");
    assertTrue(id != null, "night one has the record of article 023: " + before);
    assertEquals(id, after.get("[020, 023, 024]"), "the record that 020 and 024 joined keeps its id: " + after);
  }

  private static List<String> articles(List<String> lines, String... ids) throws Exception {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      if (!l.isBlank() && List.of(ids).contains(new com.fasterxml.jackson.databind.ObjectMapper().readTree(l)
          .get("id").asText())) {
        out.add(l);
      }
    }
    return out;
  }

  /** event_id of each named record of a version, by its article ids. */
  private static Map<String, String> idsByArticles(Path version) throws Exception {
    Map<String, String> out = new java.util.HashMap<>();
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (String r : JobRunner.dump(version.resolve("defections"))) {
      com.fasterxml.jackson.databind.JsonNode n = json.readTree(r);
      if (!n.get("person_name").isNull() && n.get("person_name").asText().contains("Essawi")) {
        List<String> ids = new ArrayList<>();
        n.get("article_ids").forEach(a -> ids.add(a.asText()));
        out.put(ids.toString(), n.get("event_id").asText());
      }
    }
    return out;
  }

  @Test
  void overlappingRunsAreRefused() throws Exception {
    Path warehouse = Files.createTempDirectory("nightly-lock").resolve("warehouse");
    try (Warehouse held = new Warehouse(warehouse.toString(), new org.apache.hadoop.conf.Configuration())) {
      held.lock();
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> night(JobRunner.PROJECT.resolve("samples/corpus"), warehouse, 3));
      assertTrue(e.getMessage().startsWith("another nightly run holds the lock on " + warehouse), e.getMessage());
      assertFalse(Files.exists(warehouse.resolve("CURRENT")));
    }
  }

  @Test
  void aRunKilledWhileWritingLeavesThePreviousVersionCurrent() throws Exception {
    Path dir = Files.createTempDirectory("nightly-kill");
    Path warehouse = dir.resolve("warehouse");
    night(JobRunner.PROJECT.resolve("samples/corpus"), warehouse, 3);
    Path before = current(warehouse);
    Map<String, List<String>> tablesBefore = tables(before);

    // a second night with new articles, in its own JVM, killed (SIGKILL) once its version's writes have started
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-XX:+Ignore") || a.startsWith("-Djdk.reflect"))
        .collect(Collectors.toList()));
    cmd.addAll(List.of("-Xmx2g", "-cp", System.getProperty("java.class.path"), "org.defections.cli.Main", "nightly",
        "--input", DEV.toString(), "--warehouse", warehouse.toString(), "--master", "local[2]"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("killed-run.log").toFile()).start();
    Path versions = warehouse.resolve("versions");
    Path staging = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (staging == null && p.isAlive() && System.nanoTime() < deadline) {
      try (Stream<Path> s = Files.list(versions)) {
        staging = s.filter(v -> !v.equals(before) && Files.isDirectory(v.resolve("_staging"))).findFirst()
            .orElse(null);
      }
      Thread.sleep(100);
    }
    assertTrue(staging != null, "the second run started writing: "
        + Files.readString(dir.resolve("killed-run.log"), StandardCharsets.UTF_8));
    p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertFalse(p.isAlive());

    assertEquals(before, current(warehouse), "CURRENT still names the previous version");
    assertEquals(before.toRealPath(), warehouse.resolve("current").toRealPath());
    assertEquals(tablesBefore, tables(before), "the previous version is intact");
    assertFalse(Files.exists(staging.resolve("_manifest.json")), "the killed version is incomplete");

    // the next night takes the lock the killed run held, succeeds, and removes the incomplete version
    // (if the killed run had committed its batch of annotations, they count as seen: the state is never partial)
    boolean batchCommitted = Files.isDirectory(warehouse.resolve("state/batches").resolve(staging.getFileName()));
    // a batch folder a run killed while writing its annotations leaves (whether this kill got there or not)
    Files.createDirectories(warehouse.resolve("state/batches/_tmp-killed/articles"));
    ObjectNode next = night(DEV, warehouse, 3);
    try (var batches = Files.list(warehouse.resolve("state/batches"))) {
      assertTrue(batches.noneMatch(b -> b.getFileName().toString().startsWith("_tmp-")), "unfinished batches removed");
    }
    assertEquals(batchCommitted ? 0 : 27, next.at("/nightly/articles_new").asLong());
    assertEquals(27, next.at("/nightly/articles_in_input").asLong());
    assertTrue(next.at("/nightly/versions_deleted").toString().contains(staging.getFileName().toString()));
    assertFalse(Files.exists(staging));
  }

  /**
   * The one pass computes each article's content hash in Java; warehouses written before hashed with Spark's
   * {@code sha2(concat_ws(U+0001, title, published, text))}: both must agree, or every article would look new.
   */
  @Test
  void theContentHashIsTheOneEarlierBatchesStored() {
    var spark = SparkTestSession.get();
    var rows = spark.createDataFrame(List.of(
        org.apache.spark.sql.RowFactory.create("A title", "2012-08-06", "Text \u00e9 with accents."),
        org.apache.spark.sql.RowFactory.create(null, null, "No title, no date.")),
        new org.apache.spark.sql.types.StructType().add("title", "string").add("published", "string")
            .add("text", "string"));
    var col = org.apache.spark.sql.functions.col("title");
    List<String> spark35 = rows.select(org.apache.spark.sql.functions.sha2(org.apache.spark.sql.functions.concat_ws(
        "\u0001", org.apache.spark.sql.functions.coalesce(col, org.apache.spark.sql.functions.lit("")),
        org.apache.spark.sql.functions.coalesce(org.apache.spark.sql.functions.col("published"),
            org.apache.spark.sql.functions.lit("")), org.apache.spark.sql.functions.col("text")), 256))
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertEquals(spark35, List.of(
        org.defections.candidates.CandidateSelection.contentHash("A title", "2012-08-06", "Text \u00e9 with accents."),
        org.defections.candidates.CandidateSelection.contentHash(null, null, "No title, no date.")));
  }
}
