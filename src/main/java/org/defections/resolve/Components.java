package org.defections.resolve;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Connected components of an undirected graph. A graph of at most {@link #LOCAL_EDGES} directed edges (the common
 * case: a run's matched report clusters, or a night's) is read to the driver and joined there by union-find, as
 * Spark broadcasts a small join side; a larger one stays in Spark, by label propagation: every vertex starts with its
 * own id as label and takes the smallest label among itself and its neighbours until no label changes. The number of
 * rounds is the longest shortest path in a component (clusters of one defection: a few). Each round's labels are
 * checkpointed locally, so the plan does not grow with the rounds. Both ways give every vertex the smallest id of its
 * component, ids compared as Spark compares strings (by their UTF-8 bytes).
 */
final class Components {
  /** Rounds after which the propagation stops with an error: a component this long means a runaway chain. */
  static final int MAX_ROUNDS = 100;
  /**
   * Directed edges (each matched pair counts twice) up to which the components are found on the driver: ids of about
   * 50 characters, some 40 MB of driver heap at most.
   */
  static final int LOCAL_EDGES = 200_000;
  private static final StructType COMPONENTS = new StructType().add("id", DataTypes.StringType)
      .add("component", DataTypes.StringType);

  private Components() {}

  /**
   * The component of every vertex that has an edge: rows (id, component), the component being the smallest id in
   * it. {@code edges}: string columns {@code a} and {@code b}, one row per edge in either direction.
   */
  static Dataset<Row> of(Dataset<Row> edges) {
    return of(edges, LOCAL_EDGES);
  }

  /** As {@link #of(Dataset)}, found on the driver when there are at most {@code localEdges} directed edges. */
  static Dataset<Row> of(Dataset<Row> edges, int localEdges) {
    Dataset<Row> both = edges.select(col("a"), col("b")).union(edges.select(col("b").as("a"), col("a").as("b")))
        .distinct().localCheckpoint();
    List<Row> few = both.limit(localEdges + 1).collectAsList(); // at most localEdges + 1 rows
    if (few.size() <= localEdges) {
      return both.sparkSession().createDataFrame(unionFind(few), COMPONENTS);
    }
    return propagated(both);
  }

  /** Rows (id, component) of the vertices of {@code edges} (rows a, b), by union-find on the smallest id. */
  static List<Row> unionFind(List<Row> edges) {
    Map<String, String> parent = new HashMap<>();
    for (Row e : edges) {
      String a = root(parent, e.getString(0));
      String b = root(parent, e.getString(1));
      if (!a.equals(b)) {
        if (smaller(a, b)) {
          parent.put(b, a);
        } else {
          parent.put(a, b);
        }
      }
    }
    List<Row> out = new ArrayList<>(parent.size());
    for (String id : new ArrayList<>(parent.keySet())) {
      out.add(RowFactory.create(id, root(parent, id)));
    }
    return out;
  }

  /** The root of {@code id}'s tree (a new vertex is its own), the path to it shortened on the way. */
  private static String root(Map<String, String> parent, String id) {
    String r = id;
    for (String p = parent.putIfAbsent(r, r); p != null && !p.equals(r); p = parent.get(r)) {
      r = p;
    }
    for (String v = id; !v.equals(r); ) {
      v = parent.put(v, r); // v's old parent, the next vertex on the path
    }
    return r;
  }

  /** Spark's order of strings: their UTF-8 bytes, unsigned. */
  private static boolean smaller(String a, String b) {
    return UTF8String.fromString(a).compareTo(UTF8String.fromString(b)) < 0;
  }

  private static Dataset<Row> propagated(Dataset<Row> both) {
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
