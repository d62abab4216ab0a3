package org.defections.candidates;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.defections.SparkTestSession;
import org.junit.jupiter.api.Test;

/** {@link CandidateSelection#distinct} and {@link CandidateSelection#mergedContexts} on invented passages. */
class DistinctPassagesTest {
  private static Passage passage(String article, String report, String published, String text) {
    Passage p = new Passage();
    p.setArticleId(article);
    p.setUrl("https://example.org/" + article);
    p.setPublished(published);
    p.setReferenceDate(published);
    p.setPassageBegin(120);
    p.setText(text);
    p.setSegments(List.of(0, 0, 500));
    p.setLanguage("en");
    p.setReportKey(report);
    return p;
  }

  @Test
  void oneRowPerTextWithItsContextsMergedAcrossPartitionsAndCopiesSorted() {
    SparkSession spark = SparkTestSession.get();
    String defected = "A colonel defected to the South on Monday.";
    String other = "A diplomat sought asylum in Rome.";
    // one passage per partition: the two copies of report r1 reach the shuffle as two parts of one context
    List<Passage> ps = List.of(passage("b", "r1", "2020-01-01", defected), passage("d", "r2", "2020-01-01", other),
        passage("a", "r1", "2020-01-01", defected), passage("c", "r3", "2020-01-02", defected));
    var rdd = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(ps, ps.size());
    List<Row> rows = CandidateSelection.distinct(spark.createDataset(rdd.rdd(), Encoders.bean(Passage.class)))
        .collectAsList().stream().sorted(Comparator.comparing(r -> r.getString(0))).collect(Collectors.toList());

    assertEquals(2, rows.size(), "one row per distinct text");
    assertEquals(defected, rows.get(0).getString(0));
    List<CandidateSelection.Context> contexts = CandidateSelection.mergedContexts(rows.get(0)).stream()
        .sorted(Comparator.comparing(CandidateSelection.Context::reportKey)).collect(Collectors.toList());
    assertEquals(2, contexts.size(), "report r1 once, report r3 (another date) apart");
    assertEquals("r1", contexts.get(0).reportKey());
    assertEquals(List.of("a", "b"), contexts.get(0).copies().stream().map(c -> c[0]).collect(Collectors.toList()),
        "copies sorted by id: the first is the one extracted");
    assertEquals("https://example.org/a", contexts.get(0).copies().get(0)[1]);
    assertEquals(120, contexts.get(0).passageBegin());
    assertArrayEquals(new int[] {0, 0, 500}, contexts.get(0).segments());
    assertEquals("2020-01-02", contexts.get(1).published());
    assertEquals(List.of("c"), contexts.get(1).copies().stream().map(c -> c[0]).collect(Collectors.toList()));
    assertEquals(1, CandidateSelection.mergedContexts(rows.get(1)).size());
  }
}
