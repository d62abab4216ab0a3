package org.defections.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The speedups do not lose records: on the seeds and the dev set, the job with candidate selection (only passages
 * around trigger phrases reach Spark NLP) writes exactly the records of the job that annotates every whole article.
 */
class CandidateSelectionTest {
  @ParameterizedTest
  @ValueSource(strings = {"corpus/seeds", "eval/dev/articles.jsonl"})
  void sameRecordsWithAndWithoutCandidateSelection(String corpus) throws Exception {
    Path input = JobRunner.SHARED.resolve(corpus);
    Path dir = Files.createTempDirectory("candidates");
    ObjectNode selected = JobRunner.run(input, dir.resolve("selected"));
    ObjectNode whole = JobRunner.run(input, dir.resolve("whole"), Map.of("candidates.enabled", "false"));
    List<String> withSelection = JobRunner.dump(dir.resolve("selected/defections"));
    List<String> without = JobRunner.dump(dir.resolve("whole/defections"));
    System.out.printf("%s: with candidate selection %d of %d articles annotated, without %d; %d records%n", corpus,
        selected.at("/counts/candidate_articles").asLong(), selected.at("/counts/accepted").asLong(),
        whole.at("/counts/candidate_articles").asLong(), withSelection.size());
    assertTrue(withSelection.size() > 5, "too few records to compare: " + withSelection);
    assertEquals(new TreeSet<>(without), new TreeSet<>(withSelection));
    assertTrue(selected.at("/counts/passages").asLong() >= whole.at("/counts/passages").asLong());
  }
}
