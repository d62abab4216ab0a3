package org.defections.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A record whose id an earlier record has is a reject, and nothing of it reaches the tables: the job groups the
 * candidates while it looks for duplicate ids, so a run with duplicates must count and annotate again without them.
 */
class DuplicateIdsTest {
  private static final String LINE = "{\"id\": \"%s\", \"published\": \"%s\", \"text\": \"%s\"}";

  @Test
  void theLaterCopyOfAnIdIsRejectedAndGivesNoMentionsOrRecords() throws Exception {
    Path dir = Files.createTempDirectory("duplicate-ids");
    Path in = dir.resolve("in.jsonl");
    Files.write(in, List.of(
        String.format(LINE, "d1", "2020-01-02", "A Gambian army captain defected to Senegal on Monday, officials "
            + "said."),
        String.format(LINE, "d2", "2019-05-06", "A Syrian air force general defected to Jordan on Sunday, his family "
            + "said."),
        String.format(LINE, "d1", "2021-03-04", "A North Korean diplomat defected to South Korea last week, the "
            + "ministry said.")), StandardCharsets.UTF_8);
    Path out = dir.resolve("out");
    ObjectNode m = JobRunner.run(in, out);

    assertEquals(3, m.at("/counts/read").asLong());
    assertEquals(2, m.at("/counts/accepted").asLong());
    assertEquals(1, m.at("/rejects_by_reason/duplicate_id").asLong());
    assertEquals(2, m.at("/counts/candidate_articles").asLong());
    assertEquals(2, m.at("/counts/passages").asLong());

    ObjectMapper om = new ObjectMapper();
    List<String> origins = JobRunner.dump(out.resolve("defections")).stream()
        .map(l -> readOrigin(om, l)).sorted().toList();
    assertEquals(List.of("GMB", "SYR"), origins);
    List<String> mentions = JobRunner.dump(out.resolve("mentions"));
    assertEquals(2, mentions.size(), mentions.toString());
    assertFalse(mentions.stream().anyMatch(l -> l.contains("North Korea")), mentions.toString());
    List<String> rejects = JobRunner.dump(out.resolve("rejects"));
    assertEquals(1, rejects.size());
    assertTrue(rejects.get(0).contains("\"reason\":\"duplicate_id\"") && rejects.get(0).contains(
        "\"raw\":\"A North Korean diplomat"), rejects.get(0));
  }

  private static String readOrigin(ObjectMapper om, String line) {
    try {
      return om.readTree(line).get("origin_country").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
