package org.defections.write;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The write stage. Tables are written as Parquet (zstd) into {@code <output>/_staging/<runId>/}; only when every
 * table and the manifest are written are they moved into place, so a failed run leaves the previous tables as they
 * were. The output directory must be empty, absent, or an earlier output of this job (it holds
 * {@value #MANIFEST}); anything else is refused.
 */
public final class TableWriter {
  public static final String MANIFEST = "_manifest.json";
  /**
   * The manifest again as a one-row JSON-lines table, for SQL readers (Spark's file scans skip files whose names
   * start with "_", so {@value #MANIFEST} itself cannot be queried).
   */
  public static final String MANIFEST_TABLE = "run_manifest";
  private final SparkSession spark;
  private final Path output;
  private final Path staging;
  private final FileSystem fs;
  /** Rows per staged table (tables may be staged from several driver threads at once). */
  private final Map<String, Long> counts = new java.util.concurrent.ConcurrentSkipListMap<>();

  public TableWriter(SparkSession spark, String output, String runId) {
    this.spark = spark;
    this.output = new Path(output);
    try {
      this.fs = this.output.getFileSystem(spark.sparkContext().hadoopConfiguration());
      this.staging = new Path(new Path(this.output, "_staging"), runId);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open output " + output, e);
    }
  }

  /** Refuses an output directory that is not empty and not an earlier output of this job. */
  public void checkOutput(String input) {
    try {
      if (new Path(input).makeQualified(fs.getUri(), fs.getWorkingDirectory())
          .equals(output.makeQualified(fs.getUri(), fs.getWorkingDirectory()))) {
        throw new IllegalArgumentException("the output " + output + " is the input; choose another --output");
      }
      if (!fs.exists(output)) {
        return;
      }
      if (!fs.getFileStatus(output).isDirectory()) {
        throw new IllegalArgumentException("the output " + output + " is a file, not a directory");
      }
      FileStatus[] entries = fs.listStatus(output);
      if (entries.length > 0 && !fs.exists(new Path(output, MANIFEST))) {
        throw new IllegalArgumentException("refusing to write into " + output
            + ": it is not empty and holds no " + MANIFEST + " of an earlier run");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot inspect output " + output, e);
    }
  }

  /** Writes one table to staging, with columns in the given order; returns its row count. Thread-safe. */
  public long stage(String table, Dataset<Row> data, int files) {
    String p = staged(table);
    Dataset<Row> d = files > 0 ? data.coalesce(files) : data;
    d.write().mode(SaveMode.ErrorIfExists).option("compression", "zstd").parquet(p);
    // the rows as written, from the files' footers (no Spark job)
    long n = new ParquetInspector(spark.sparkContext().hadoopConfiguration()).rows(p);
    counts.put(table, n);
    return n;
  }

  /**
   * Writes one table to staging ordered by {@code sortColumns}; returns its row count. One file is one sorted
   * partition (no sampling job for a range partitioning); more files hold consecutive ranges, in file-name order.
   */
  public long stageSorted(String table, Dataset<Row> data, int files, String... sortColumns) {
    Column[] by = new Column[sortColumns.length];
    for (int i = 0; i < by.length; i++) {
      by[i] = functions.col(sortColumns[i]);
    }
    return stage(table, files == 1 ? data.repartition(1).sortWithinPartitions(by) : data.orderBy(by), files);
  }

  /** Where {@code table} is staged until the run is published. */
  String staged(String table) {
    return new Path(staging, table).toString();
  }

  /** Rows per staged table, by table name. */
  public Map<String, Long> counts() {
    return new java.util.TreeMap<>(counts);
  }

  /**
   * Writes the manifest to staging (as {@value #MANIFEST}, and as the table {@value #MANIFEST_TABLE} from its
   * one-line form), then moves every staged table and the manifest into the output.
   */
  public void publish(String manifestJson, String manifestLine) {
    try {
      try (OutputStream out = fs.create(new Path(new Path(staging, MANIFEST_TABLE), "manifest.json"), true)) {
        out.write((manifestLine + "\n").getBytes(StandardCharsets.UTF_8));
      }
      try (OutputStream out = fs.create(new Path(staging, MANIFEST), true)) {
        out.write(manifestJson.getBytes(StandardCharsets.UTF_8));
      }
      fs.mkdirs(output);
      // the old manifest goes first: an interrupted publish leaves no manifest claiming a complete output
      fs.delete(new Path(output, MANIFEST), false);
      for (FileStatus st : fs.listStatus(staging)) {
        String name = st.getPath().getName();
        if (name.equals(MANIFEST)) {
          continue;
        }
        Path target = new Path(output, name);
        if (fs.exists(target)) {
          fs.delete(target, true);
        }
        if (!fs.rename(st.getPath(), target)) {
          throw new IOException("rename of " + st.getPath() + " to " + target + " failed");
        }
      }
      if (!fs.rename(new Path(staging, MANIFEST), new Path(output, MANIFEST))) {
        throw new IOException("rename of the manifest failed");
      }
      fs.delete(staging.getParent(), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish the tables into " + output, e);
    }
  }

  /** Removes this run's staging folder (after a failure). */
  public void abort() {
    try {
      fs.delete(staging, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove staging folder " + staging, e);
    }
  }

  /** camelCase bean columns to snake_case, in the order given. */
  public static Dataset<Row> snakeCase(Dataset<?> beans, String... orderedSnakeColumns) {
    Column[] cols = new Column[orderedSnakeColumns.length];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = functions.col(camel(orderedSnakeColumns[i])).as(orderedSnakeColumns[i]);
    }
    return beans.toDF().select(cols);
  }

  static String camel(String snake) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return sb.toString();
  }
}
