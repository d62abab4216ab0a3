package org.defections.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.defections.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bad-input suite: for each input format, good articles mixed with every kind of bad input. The job must finish;
 * each bad record must be a reject with its specific reason (or be processed, where it is valid after all); the
 * counts must add up for the run and for every input file (read = accepted + rejected, and read = what the file
 * holds); and the records must be exactly those of a clean input holding only the valid articles.
 */
class BadInputTest {
  private static Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    dir = Files.createTempDirectory("bad-input");
  }

  @Test
  void jsonLines() throws Exception {
    ObjectNode m = check("jsonl", BadInputGenerator.jsonLines(dir));
    // the German article is accepted and counted, not annotated
    assertEquals(1, m.at("/counts/skipped_language").asLong());
    assertEquals(1, m.at("/articles_by_language/de").asLong());
    // the HTML page: its text, not its scripts; entities decoded
    List<String> mentions = JobRunner.dump(dir.resolve("jsonl-out/mentions"));
    assertTrue(mentions.stream().anyMatch(l -> l.contains("Eritrea's ambassador to Nigeria")), "HTML text");
    assertFalse(mentions.stream().anyMatch(l -> l.contains("Mars") || l.contains("a general defected")), "scripts");
  }

  @Test
  void textFiles() throws Exception {
    check("text", BadInputGenerator.textFiles(dir));
  }

  @Test
  void csv() throws Exception {
    check("csv", BadInputGenerator.csv(dir));
  }

  @Test
  void parquet() throws Exception {
    check("parquet", BadInputGenerator.parquet(dir, SparkTestSession.get()));
  }

  private static ObjectNode check(String name, BadInputGenerator.Expected e) throws Exception {
    Path out = dir.resolve(name + "-out");
    ObjectNode m = JobRunner.run(e.input, out, Map.of("ingest.max-reject-rate", "1"));
    System.out.printf("bad input %s: %s kinds %s; counts %s; rejects %s%n", name, e.kinds.size(), e.kinds,
        m.get("counts"), m.get("rejects_by_reason"));

    // every bad record has its reason
    Map<String, Long> reasons = new TreeMap<>();
    m.get("rejects_by_reason").fields().forEachRemaining(f -> reasons.put(f.getKey(), f.getValue().asLong()));
    assertEquals(e.reasons, reasons, name + ": rejects by reason");
    assertEquals(e.reasons.values().stream().mapToLong(Long::longValue).sum(),
        JobRunner.dump(out.resolve("rejects")).size());

    // the counts add up, for the run and per file, and every file is accounted for
    long read = m.at("/counts/read").asLong();
    assertEquals(read, m.at("/counts/accepted").asLong() + m.at("/counts/rejected").asLong());
    Map<String, Long> readPerFile = new TreeMap<>();
    long sum = 0;
    for (String l : JobRunner.dump(out.resolve("input_files"))) {
      JsonNode f = BadInputGenerator.JSON.readTree(l);
      String file = f.get("source").asText().substring(f.get("source").asText().lastIndexOf('/') + 1);
      assertEquals(f.get("read").asLong(), f.get("accepted").asLong() + f.get("rejected").asLong(), l);
      readPerFile.put(file, f.get("read").asLong());
      sum += f.get("read").asLong();
    }
    assertEquals(e.readPerFile, readPerFile, name + ": records read per file");
    assertEquals(read, sum);

    // the good records are exactly those of a clean input
    Path cleanOut = dir.resolve(name + "-clean-out");
    JobRunner.run(e.clean, cleanOut, Map.of("ingest.max-reject-rate", "1"));
    List<String> records = JobRunner.dump(out.resolve("defections"));
    assertEquals(new TreeSet<>(JobRunner.dump(cleanOut.resolve("defections"))), new TreeSet<>(records), name);
    assertTrue(records.size() >= 2, name + ": the good articles give records: " + records);
    return m;
  }
}
