package org.defections.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.defections.SparkTestSession;
import org.junit.jupiter.api.Test;

/** The bench command's measurements on a small corpus of real text: every figure present and consistent. */
class BenchmarkTest {
  private static final Path SHARED = Paths.get(System.getProperty("shared.dir", "../shared"));

  @Test
  void measuresFloorJobAndBaselineOnOneCorpus() throws Exception {
    Path work = Files.createTempDirectory("bench");
    ObjectNode r = new Benchmark(SparkTestSession.get()).run(new Benchmark.Options(null, 2, 0.05,
        List.of(SHARED.resolve("corpus/reuters21578/articles.jsonl")), List.of(SHARED.resolve(
        "eval/dev/articles.jsonl")), work, 200, null, Map.of()));
    String summary = Benchmark.summary(r);
    System.out.print(summary);
    long articles = r.at("/corpus/articles").asLong();
    assertTrue(articles > 1000, r.toString());
    assertEquals(articles, r.at("/job/counts/accepted").asLong());
    for (String phase : List.of("floor", "job", "baseline")) {
      assertTrue(r.at("/" + phase + "/seconds").asDouble() > 0, phase);
      assertTrue(r.at("/" + phase + "/mb_per_s").asDouble() > 0, phase);
      assertTrue(r.at("/" + phase + "/peak_heap_bytes").asLong() > 0, phase);
      // the process's CPU time in the phase; the JIT's and the collectors' parts of it are measured, not -1
      assertTrue(r.at("/" + phase + "/cpu_seconds").asDouble() > 0, phase);
      assertTrue(r.at("/" + phase + "/jit_seconds").asDouble() >= 0, phase);
      assertTrue(r.at("/" + phase + "/gc_seconds").asDouble() >= 0, phase);
    }
    assertTrue(r.at("/baseline/extrapolated").asBoolean(), "200 of more articles: extrapolated");
    assertEquals(200, r.at("/baseline/sample_articles").asLong());
    assertTrue(r.at("/floor/trigger_hits").asLong() > 0);
    // every record of the positives alone is found in the mixed corpus
    assertTrue(r.at("/records_check/records_in_positives_alone").asLong() > 10, r.get("records_check").toString());
    assertEquals(0, r.at("/records_check/of_them_missing_in_benchmark_run").asLong(), r.get("records_check")
        .toString());
    assertTrue(summary.contains("job / floor throughput") && summary.contains("(extrapolated from 200 articles")
        && summary.contains("CPU s"), summary);
  }
}
