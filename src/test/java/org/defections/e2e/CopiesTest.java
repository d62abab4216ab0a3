package org.defections.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same wire story under several ids is one report: its passages are annotated and extracted once, and its
 * defection is one record that lists every copy (not one record per copy, which would multiply the counts).
 */
class CopiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void copiesOfOneStoryAreOneReport() throws Exception {
    String story = "Seventy-one Syrian officers defected to Turkey, a Turkish official said.\n"
        + "They crossed the border with their families, the official said.";
    String other = "Grain exports rose in March, the ministry said.";
    Path dir = Files.createTempDirectory("copies");
    Path input = dir.resolve("in.jsonl");
    Files.write(input, List.of(line("wire-1", "2012-08-01", story), line("paper-7", "2012-08-01", story),
        line("site-3", "2012-08-01", story), line("grain", "2012-08-01", other)));
    ObjectNode manifest = JobRunner.run(input, dir.resolve("out"));
    assertEquals(3, manifest.at("/counts/candidate_articles").asLong());
    assertEquals(3, manifest.at("/counts/passages").asLong());
    assertEquals(1, manifest.at("/counts/passages_annotated").asLong(), "one distinct text reaches Spark NLP");

    List<String> records = JobRunner.dump(dir.resolve("out/defections"));
    assertEquals(1, records.size(), "one record, not one per copy: " + records);
    JsonNode r = JSON.readTree(records.get(0));
    assertEquals("SYR", r.get("origin_country").asText());
    assertEquals(71, r.get("group_size").asInt());
    assertEquals(List.of("paper-7", "site-3", "wire-1"), JSON.convertValue(r.get("article_ids"), List.class));
    assertEquals(3, r.get("mention_count").asInt());
    // every copy keeps its own mention rows, with ids of its own article: the defection, and "They crossed the
    // border" (the same officers, kept out: a weak trigger with no state of its own)
    List<String> mentions = JobRunner.dump(dir.resolve("out/mentions"));
    assertEquals(6, mentions.size());
    assertEquals(3, mentions.stream().filter(m -> m.contains("\"kept_out_reason\":null")).count(),
        mentions.toString());
    for (String m : mentions) {
      JsonNode n = JSON.readTree(m);
      assertEquals(true, n.get("mention_id").asText().startsWith(n.get("article_id").asText() + "#"), m);
    }
  }

  private static String line(String id, String published, String text) throws Exception {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", id);
    n.put("published", published);
    n.put("text", text);
    return JSON.writeValueAsString(n);
  }
}
