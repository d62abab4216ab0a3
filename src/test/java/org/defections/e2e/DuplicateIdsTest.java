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
            + "ministry said."),
        // articles without a trigger phrase are folded in the scan: their ids are checked by hash, a repeat makes
        // the job scan again record by record
        String.format(LINE, "n1", "2020-02-03", "Markets were calm on Monday, traders said."),
        String.format(LINE, "n2", "2020-02-04", "The harvest was good this year, farmers said."),
        String.format(LINE, "n1", "2020-02-05", "Markets fell on Tuesday, traders said."),
        String.format(LINE, "n2", "2020-02-06", "A Cuban pilot defected to the United States on Friday, officials "
            + "said.")), StandardCharsets.UTF_8);
    Path out = dir.resolve("out");
    ObjectNode m = JobRunner.run(in, out);

    assertEquals(7, m.at("/counts/read").asLong());
    assertEquals(4, m.at("/counts/accepted").asLong());
    assertEquals(3, m.at("/rejects_by_reason/duplicate_id").asLong());
    assertEquals(2, m.at("/counts/candidate_articles").asLong());
    assertEquals(2, m.at("/counts/passages").asLong());

    ObjectMapper om = new ObjectMapper();
    List<String> origins = JobRunner.dump(out.resolve("defections")).stream()
        .map(l -> field(om, l, "origin_country")).sorted().toList();
    assertEquals(List.of("GMB", "SYR"), origins);
    List<String> mentions = JobRunner.dump(out.resolve("mentions"));
    assertEquals(2, mentions.size(), mentions.toString());
    assertFalse(mentions.stream().anyMatch(l -> l.contains("North Korea") || l.contains("Cuba")),
        mentions.toString());
    List<String> rejects = JobRunner.dump(out.resolve("rejects"));
    assertEquals(3, rejects.size());
    assertTrue(rejects.stream().allMatch(r -> field(om, r, "reason").equals("duplicate_id")), rejects.toString());
    List<String> raws = rejects.stream().map(r -> field(om, r, "raw")).sorted().toList();
    assertTrue(raws.get(0).startsWith("A Cuban pilot defected") && raws.get(1).startsWith("A North Korean diplomat")
        && raws.get(2).startsWith("Markets fell on Tuesday"), "a later copy's raw is its text: " + raws);
  }

  private static String field(ObjectMapper om, String line, String name) {
    try {
      return om.readTree(line).get(name).asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
