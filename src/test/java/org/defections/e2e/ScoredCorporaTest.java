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
    assertTrue(score.get("f1").asDouble() >= 0.80, "dev F1 below 0.80: " + score);
  }

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
