package org.defections.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.defections.extract.Names;
import org.defections.SparkTestSession;
import org.defections.config.JobConfig;
import org.defections.evaluate.Evaluation;
import org.defections.evaluate.Scorer;
import org.junit.jupiter.api.Test;

/**
 * The job against the shared evaluation data, scored by ../shared/eval/score.py on the table as dumped by
 * ../shared/eval/dump-table.sh. The bars are those of the backbone issue; the figures are printed for the notes.
 */
class ScoredCorporaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void seedsScoreAtLeastTheBarAndNoBystanderGetsARecord() throws Exception {
    Path out = Files.createTempDirectory("seeds-run").resolve("out");
    JobRunner.run(JobRunner.SHARED.resolve("corpus/seeds"), out);
    List<String> records = JobRunner.dump(out.resolve("defections"));
    JsonNode score = JSON.readTree(JobRunner.score(JobRunner.SHARED.resolve("eval/seeds.gold.jsonl"), records));
    System.out.println("seeds score: " + score);
    assertTrue(score.get("f1").asDouble() >= 0.95, "seeds F1 below 0.95: " + score);

    List<String> bystanders = new ArrayList<>();
    for (String l : Files.readAllLines(JobRunner.SHARED.resolve("eval/seeds.not-defectors.txt"))) {
      if (!l.isBlank() && !l.startsWith("#")) {
        bystanders.add(l.trim());
      }
    }
    for (String r : records) {
      JsonNode n = JSON.readTree(r);
      List<String> names = new ArrayList<>();
      if (!n.get("person_name").isNull()) {
        names.add(n.get("person_name").asText());
      }
      n.get("aliases").forEach(a -> names.add(a.asText()));
      for (String name : names) {
        for (String b : bystanders) {
          assertFalse(Names.compatible(b, name), b + " must not get a record: " + r);
        }
      }
    }
  }

  /**
   * The dev set through `defections evaluate` (the job, then the Java scorer): its figures and its report must be
   * exactly those of score.py on the same table dumped by DuckDB, and F1 must reach the bar.
   */
  @Test
  void devSetScoresAtLeastTheBarAndEvaluateAgreesWithScorePy() throws Exception {
    Path out = Files.createTempDirectory("dev-run").resolve("out");
    Path gold = JobRunner.SHARED.resolve("eval/dev/gold.jsonl");
    JobConfig config = JobConfig.load(null, Map.of("input", JobRunner.SHARED.resolve("eval/dev/articles.jsonl")
        .toString(), "output", out.toString()));
    Scorer.Result evaluated = new Evaluation(SparkTestSession.get()).run(config, Evaluation.readGold(gold)).result();

    List<String> dumped = JobRunner.dump(out.resolve("defections"));
    JsonNode score = JSON.readTree(JobRunner.score(gold, dumped));
    System.out.println("dev score: " + score);
    assertEquals(score, evaluated.figures(), "evaluate's figures are score.py's");
    assertEquals(JobRunner.scoreShow(gold, dumped), Evaluation.show(evaluated), "evaluate's report is score.py's");
    assertTrue(score.get("f1").asDouble() >= DEV_BAR, "dev F1 below " + DEV_BAR + ": " + score);
  }

  /**
   * The wider dev2 set (five subject groups G H J K L) scored as a whole and by group: F1 at least {@code DEV2_BAR},
   * rank_class and date right on at least {@code DEV2_RANK_CLASS_BAR} and {@code DEV2_DATE_BAR} of the matched
   * records, and no group below the F1 it had at its first look (before any rule was written for it), so a change
   * that gives back a group's gain fails.
   */
  @Test
  void dev2ScoresAtLeastItsBarAndNoGroupFallsBelowItsFirstLook() throws Exception {
    Path out = Files.createTempDirectory("dev2-run").resolve("out");
    Path gold = JobRunner.SHARED.resolve("eval/dev2/gold.jsonl");
    JobRunner.run(JobRunner.SHARED.resolve("eval/dev2/articles.jsonl"), out);
    List<String> records = JobRunner.dump(out.resolve("defections"));
    JsonNode score = JSON.readTree(JobRunner.score(gold, records));
    System.out.println("dev2 score: " + score);
    assertTrue(score.get("f1").asDouble() >= DEV2_BAR, "dev2 F1 below " + DEV2_BAR + ": " + score);
    assertTrue(score.at("/field_accuracy/rank_class").asDouble() >= DEV2_RANK_CLASS_BAR,
        "dev2 rank_class below " + DEV2_RANK_CLASS_BAR + ": " + score);
    assertTrue(score.at("/field_accuracy/date").asDouble() >= DEV2_DATE_BAR,
        "dev2 date below " + DEV2_DATE_BAR + ": " + score);
    for (Map.Entry<String, Double> g : FIRST_LOOK.entrySet()) {
      Path groupGold = Files.createTempFile("dev2-" + g.getKey(), ".jsonl");
      List<String> goldLines = new ArrayList<>();
      for (String l : Files.readAllLines(gold, StandardCharsets.UTF_8)) {
        if (!l.isBlank() && JSON.readTree(l).get("source").asText().startsWith(g.getKey())) {
          goldLines.add(l);
        }
      }
      Files.write(groupGold, goldLines, StandardCharsets.UTF_8);
      List<String> groupRecords = new ArrayList<>();
      for (String r : records) {
        JsonNode ids = JSON.readTree(r).get("article_ids");
        if (ids.size() > 0 && ids.get(0).asText().startsWith(g.getKey())) {
          groupRecords.add(r);
        }
      }
      JsonNode gs = JSON.readTree(JobRunner.score(groupGold, groupRecords));
      System.out.println("dev2 group " + g.getKey() + " score: " + gs);
      assertTrue(gs.get("f1").asDouble() >= g.getValue(), "dev2 group " + g.getKey() + " F1 below its first look "
          + g.getValue() + ": " + gs);
    }
  }

  /** The bar of the dev set (issue 25: the old sets stay). */
  private static final double DEV_BAR = 0.85;
  /** The bars of dev2 as a whole (issue 25): F1, and rank_class and date on matched records. */
  private static final double DEV2_BAR = 0.85;
  private static final double DEV2_RANK_CLASS_BAR = 0.90;
  private static final double DEV2_DATE_BAR = 0.80;
  /** F1 of each dev2 group at its first look (G to K at c9ea00b, L after G to K were worked; see the notes). */
  private static final Map<String, Double> FIRST_LOOK = new java.util.LinkedHashMap<>(Map.of("G", 0.507, "H", 0.308,
      "J", 0.361, "K", 0.244, "L", 0.300));

  /** 23,803 newswire and BBC stories with (almost) no state defection: at most two records, every line accounted. */
  @Test
  void newswireCorporaGiveAlmostNoRecordsAndLoseNoLine() throws Exception {
    Path dir = Files.createTempDirectory("newswire");
    Path input = dir.resolve("articles.jsonl");
    long lines = 0;
    try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
      for (String corpus : List.of("corpus/reuters21578/articles.jsonl", "corpus/bbc/articles.jsonl")) {
        for (String l : Files.readAllLines(JobRunner.SHARED.resolve(corpus), StandardCharsets.UTF_8)) {
          if (!l.isBlank()) {
            w.write(l);
            w.write('\n');
            lines++;
          }
        }
      }
    }
    Path out = dir.resolve("out");
    ObjectNode manifest = JobRunner.run(input, out);
    System.out.println("newswire counts: " + manifest.get("counts") + " rejects " + manifest.get("rejects_by_reason"));
    assertEquals(lines, manifest.at("/counts/read").asLong());
    assertEquals(lines, manifest.at("/counts/accepted").asLong() + manifest.at("/counts/rejected").asLong());
    assertEquals(manifest.at("/counts/rejected").asLong(), JobRunner.dump(out.resolve("rejects")).size());
    List<String> records = JobRunner.dump(out.resolve("defections"));
    assertTrue(records.size() <= 2, "more than two records on Reuters+BBC: " + records);
  }
}
