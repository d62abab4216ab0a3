package org.defections.resolve;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Connected components of an undirected graph with Spark, by label propagation: every vertex starts with its own id
 * as label and takes the smallest label among itself and its neighbours until no label changes. The number of rounds
 * is the longest shortest path in a component (clusters of one defection: a few). Each round's labels are
 * checkpointed locally, so the plan does not grow with the rounds.
 */
final class Components {
  /** Rounds after which the propagation stops with an error: a component this long means a runaway chain. */
  static final int MAX_ROUNDS = 100;

  private Components() {}

  /**
   * The component of every vertex that has an edge: rows (id, component), the component being the smallest id in
   * it. {@code edges}: string columns {@code a} and {@code b}, one row per edge in either direction.
   */
  static Dataset<Row> of(Dataset<Row> edges) {
    Dataset<Row> both = edges.select(col("a"), col("b")).union(edges.select(col("b").as("a"), col("a").as("b")))
        .distinct().localCheckpoint();
    Dataset<Row> labels = both.select(col("a").as("id")).distinct().withColumn("component", col("id"))
        .localCheckpoint();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Dataset<Row> proposals = both.join(labels, both.col("b").equalTo(labels.col("id")))
          .select(both.col("a").as("id"), labels.col("component"));
      Dataset<Row> next = labels.union(proposals).groupBy(col("id")).agg(min(col("component")).as("component"))
          .localCheckpoint();
      long changed = next.join(labels.withColumnRenamed("component", "before"), "id")
          .where(col("component").notEqual(col("before"))).count();
      labels = next;
      if (changed == 0) {
        return labels;
      }
    }
    throw new IllegalStateException("connected components did not settle in " + MAX_ROUNDS + " rounds");
  }
}
