package org.defections.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.defections.SparkTestSession;
import org.defections.bench.ResolutionBench;
import org.defections.bench.ResolutionCorpus;
import org.defections.extract.Mention;
import org.junit.jupiter.api.Test;

/** The Spark resolution: label propagation, the same records as the plain-Java resolution, and the 10^4 benchmark. */
class ResolutionSparkTest {
  private static final StructType EDGES = new StructType().add("a", DataTypes.StringType)
      .add("b", DataTypes.StringType);

  /** "id>component" of every vertex, found on the driver (a small graph) or, with {@code localEdges} 0, in Spark. */
  private static Set<String> components(List<Row> edges, int localEdges) {
    Set<String> got = new TreeSet<>();
    for (Row r : Components.of(SparkTestSession.get().createDataFrame(edges, EDGES), localEdges).collectAsList()) {
      got.add(r.getString(0) + ">" + r.getString(1));
    }
    return got;
  }

  @Test
  void componentsOfAChainAStarAndAPairOnTheDriverAndInSpark() {
    List<Row> rows = List.of(RowFactory.create("e", "d"), RowFactory.create("d", "c"), RowFactory.create("c", "b"),
        RowFactory.create("b", "a"), RowFactory.create("x", "y1"), RowFactory.create("x", "y2"),
        RowFactory.create("p", "q"));
    Set<String> expected = Set.of("a>a", "b>a", "c>a", "d>a", "e>a", "x>x", "y1>x", "y2>x", "p>p", "q>p");
    assertEquals(expected, components(rows, Components.LOCAL_EDGES));
    assertEquals(expected, components(rows, 0));
    // 14 directed edges: one more than a limit of 13 sends them to Spark, and the answer is the same
    assertEquals(expected, components(rows, 13));
  }

  @Test
  void theDriverAndSparkAgreeOnARandomGraphAndOnTheOrderOfIds() {
    // Spark orders strings by their UTF-8 bytes: U+FF01 before a supplementary character, which Java's compareTo
    // (UTF-16) puts first
    List<Row> rows = new ArrayList<>(List.of(RowFactory.create("\uD835\uDC9C", "\uFF01"),
        RowFactory.create("\uFF01", "\uFF02")));
    java.util.Random random = new java.util.Random(11);
    for (int i = 0; i < 300; i++) {
      rows.add(RowFactory.create("v" + random.nextInt(400), "v" + random.nextInt(400)));
    }
    Set<String> local = components(rows, Components.LOCAL_EDGES);
    assertEquals(components(rows, 0), local);
    assertTrue(local.contains("\uD835\uDC9C>\uFF01") && local.contains("\uFF02>\uFF01"), local.toString());
  }

  @Test
  void sparkAndPlainJavaGiveTheSameRecords() {
    ResolutionCorpus corpus = new ResolutionCorpus(7, 3000, 500, 150);
    List<Mention> ms = new ArrayList<>();
    for (long i = 0; i < corpus.size(); i++) {
      ms.add(corpus.mention(i));
    }
    Set<String> plain = new TreeSet<>();
    MentionResolver.resolve(ms).forEach(r -> plain.add(r.getEventId() + r.getMentionIds()));
    Set<String> spark = new TreeSet<>();
    Resolution.resolve(SparkTestSession.get().createDataset(ms, Encoders.bean(Mention.class))).collectAsList()
        .forEach(r -> spark.add(r.getEventId() + r.getMentionIds()));
    assertEquals(plain, spark);
  }

  @Test
  void theResolutionBenchmarkAtTenThousandMentions() {
    ObjectNode r = new ResolutionBench(SparkTestSession.get()).run(new ResolutionCorpus(1, 10_000, 2_000, 500));
    System.out.println("resolution bench: " + r);
    assertEquals(2_500, r.get("entities").asLong());
    assertTrue(r.get("pairwise_precision").asDouble() >= 0.98, r.toString());
    assertTrue(r.get("pairwise_recall").asDouble() >= 0.95, r.toString());
  }
}
