package org.defections.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchCorpusTest {
  @Test
  void mixesPositivesAtTheShareWithUniqueIdsUntilTheSize() throws Exception {
    Path dir = Files.createTempDirectory("bench-corpus");
    Path neg = dir.resolve("neg.jsonl");
    Path pos = dir.resolve("pos.jsonl");
    Files.write(neg, List.of("{\"id\":\"n1\",\"text\":\"Grain prices rose.\"}", "{\"id\":\"n2\",\"text\":\"Oil fell.\"}"));
    Files.write(pos, List.of("{\"id\":\"p1\",\"text\":\"A pilot defected to Jordan.\"}"));
    BenchCorpus.Built b = BenchCorpus.build(List.of(neg), List.of(pos), 20_000, 0.1, dir.resolve("c.jsonl"));
    List<String> lines = Files.readAllLines(b.file(), StandardCharsets.UTF_8);
    assertEquals(lines.size(), b.articles());
    assertEquals(Files.size(b.file()), b.bytes());
    assertTrue(b.bytes() >= 20_000 && b.bytes() < 20_100, "stops at the size: " + b.bytes());
    ObjectMapper om = new ObjectMapper();
    Set<String> ids = new HashSet<>();
    long positives = 0;
    for (String l : lines) {
      String id = om.readTree(l).get("id").asText();
      assertTrue(ids.add(id), "unique id " + id);
      positives += id.startsWith("p1~") ? 1 : 0;
    }
    assertEquals(b.positives(), positives);
    assertEquals(Math.floor(b.articles() * 0.1), positives, 1.0);
    // built again: the same file is reused, not rewritten
    BenchCorpus.Built again = BenchCorpus.build(List.of(neg), List.of(pos), 20_000, 0.1, dir.resolve("c.jsonl"));
    assertTrue(again.reused());
    assertEquals(b.articles(), again.articles());
  }

  @Test
  void badOptionsAreRefusedWithTheirValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BenchCorpus.build(List.of(), List.of(), 100, 1.5, Path.of("x.jsonl")));
    assertTrue(e.getMessage().contains("--positives-share must be between 0 and 1, got 1.5"), e.getMessage());
  }
}
