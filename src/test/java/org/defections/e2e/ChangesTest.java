package org.defections.e2e;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.defections.SparkTestSession;
import org.defections.nightly.Changes;
import org.junit.jupiter.api.Test;

/**
 * {@link Changes} over two versions made of the sample output's records: an added, a changed (with the fields that
 * changed) and a removed record are listed by event id; an unchanged record and a repeat are not.
 */
class ChangesTest {
  @Test
  void listsAddedChangedAndRemovedRecordsByEventId() throws Exception {
    Dataset<Row> records = SparkTestSession.get().read().parquet(JobRunner.sampleOutput().resolve("defections")
        .toString()).drop("run_id").orderBy("event_id").limit(4).cache();
    List<String> ids = records.select("event_id").as(Encoders.STRING()).collectAsList();
    assertEquals(4, ids.size(), "the sample gives at least four records");
    // previous: records 0, 1, 2; current: 0 unchanged, 1 with another rank and size, 3 new (2 is gone)
    Dataset<Row> previous = records.filter(col("event_id").isin(ids.get(0), ids.get(1), ids.get(2)));
    Dataset<Row> current = records.filter(col("event_id").isin(ids.get(0), ids.get(1), ids.get(3)))
        .withColumn("rank", when(col("event_id").equalTo(ids.get(1)), lit("Invented Rank")).otherwise(col("rank")))
        .withColumn("group_size", when(col("event_id").equalTo(ids.get(1)), lit(999)).otherwise(col("group_size")));
    Map<String, String> got = new TreeMap<>();
    for (Row r : Changes.of(current, previous).collectAsList()) {
      String id = r.getAs("event_id");
      got.put(id, r.<String>getAs("change") + " " + r.getList(r.fieldIndex("changed_fields")));
      if (id.equals(ids.get(2))) {
        assertEquals(records.filter(col("event_id").equalTo(id)).first().<String>getAs("evidence"),
            r.getAs("evidence"), "a removed record keeps its last values");
      }
      if (id.equals(ids.get(1))) {
        assertEquals("Invented Rank", r.getAs("rank"), "a changed record has its new values");
      }
    }
    assertEquals(new TreeMap<>(Map.of(ids.get(1), "changed [rank, group_size]", ids.get(2), "removed []",
        ids.get(3), "added []")), got);
    assertTrue(Changes.of(previous, previous).isEmpty(), "a repeat changes nothing");
  }
}
