package org.defections.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.defections.extract.Mention;
import org.defections.resolve.DefectionRecord;
import org.defections.resolve.Resolution;

/**
 * The resolution benchmark: the Spark resolution stage ({@link Resolution}) over generated mentions with known truth
 * ({@link ResolutionCorpus}). Reports seconds, peak heap, records against the entities of the truth, and pairwise
 * precision and recall of the clustering: of the pairs of mentions one record holds, the share that tell one entity,
 * and of the pairs that tell one entity, the share one record holds. All counts are Spark aggregations.
 */
public final class ResolutionBench {
  private final SparkSession spark;

  public ResolutionBench(SparkSession spark) {
    this.spark = spark;
  }

  public ObjectNode run(ResolutionCorpus corpus) {
    Dataset<Long> ids = spark.range(corpus.size()).as(Encoders.LONG());
    Dataset<Mention> mentions = ids.map((MapFunction<Long, Mention>) corpus::mention, Encoders.bean(Mention.class));
    try (ProcessStats stats = new ProcessStats()) {
      stats.reset();
      long t0 = System.nanoTime();
      Dataset<DefectionRecord> records = Resolution.resolve(mentions).persist(StorageLevel.MEMORY_AND_DISK());
      long recordCount = records.count();
      double seconds = (System.nanoTime() - t0) / 1e9;
      ProcessStats.Peak peak = stats.peak();
      Dataset<Row> truth = ids.map((MapFunction<Long, Row>) i -> org.apache.spark.sql.RowFactory.create(
          corpus.mention(i).getMentionId(), corpus.truth(i)), Encoders.row(new org.apache.spark.sql.types.StructType()
          .add("mention", "string").add("entity", "string")));
      Dataset<Row> assigned = records.select(col("eventId").as("record"), explode(col("mentionIds")).as("mention"))
          .join(truth, "mention");
      double predictedPairs = pairs(assigned.groupBy("record").agg(count("*").as("n")));
      double truePairs = pairs(assigned.groupBy("entity").agg(count("*").as("n")));
      double bothPairs = pairs(assigned.groupBy("record", "entity").agg(count("*").as("n")));
      long entities = truth.select("entity").distinct().count();
      records.unpersist();
      ObjectNode out = new ObjectMapper().createObjectNode();
      out.put("mentions", corpus.size());
      out.put("entities", entities);
      out.put("records", recordCount);
      out.put("seconds", Math.round(seconds * 100) / 100.0);
      out.put("peak_heap_bytes", peak.heapBytes());
      out.put("pairwise_precision", predictedPairs == 0 ? 1.0 : round(bothPairs / predictedPairs));
      out.put("pairwise_recall", truePairs == 0 ? 1.0 : round(bothPairs / truePairs));
      out.put("spark_master", spark.sparkContext().master());
      return out;
    }
  }

  /** The sum of n(n-1)/2 over the column n. */
  private static double pairs(Dataset<Row> counts) {
    Column n = col("n").cast("double");
    Row r = counts.agg(sum(n.multiply(n.minus(1)).divide(2))).first();
    return r.isNullAt(0) ? 0 : r.getDouble(0);
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
