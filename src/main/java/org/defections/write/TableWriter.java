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
 * table and the manifest are written are they published ({@link #publish}: journaled, completed after a kill), so a
 * failed run leaves the previous tables as they were and a reader never takes tables of two runs for one output. The output directory must be empty, absent, or an earlier output of this job (it holds
 * {@value #MANIFEST}); anything else is refused.
 */
public final class TableWriter {
  public static final String MANIFEST = "_manifest.json";
  /**
   * The manifest again as a one-row JSON-lines table, for SQL readers (Spark's file scans skip files whose names
   * start with "_", so {@value #MANIFEST} itself cannot be queried).
   */
  public static final String MANIFEST_TABLE = "run_manifest";
  /** The publish journal: the id of the run being published (see {@link #publish}). */
  public static final String PUBLISHING = "_publishing";
  /** Where published tables wait while a publish replaces them. */
  static final String PREVIOUS = "_previous";
  static final String STAGING = "_staging";
  private final SparkSession spark;
  private final Path output;
  private final Path staging;
  private final FileSystem fs;
  private final PublishMode mode;
  private final boolean versioned;
  /** Rows per staged table (tables may be staged from several driver threads at once). */
  private final Map<String, Long> counts = new java.util.concurrent.ConcurrentSkipListMap<>();

  public TableWriter(SparkSession spark, String output, String runId) {
    this(spark, output, runId, PublishMode.RENAME, false);
  }

  /**
   * A writer for {@code runId} into {@code output}, published in {@code mode}; {@code versioned}: the output is a
   * folder of this run alone (a nightly version), so in {@link PublishMode#POINTER} mode the tables go straight there.
   */
  public TableWriter(SparkSession spark, String output, String runId, PublishMode mode, boolean versioned) {
    this.spark = spark;
    this.output = new Path(output);
    this.mode = mode;
    this.versioned = versioned;
    try {
      this.fs = this.output.getFileSystem(spark.sparkContext().hadoopConfiguration());
      this.staging = mode == PublishMode.RENAME ? new Path(new Path(this.output, STAGING), runId)
          : versioned ? this.output : new Path(new Path(this.output, PointerPublish.RUNS), runId);
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
      if (mode == PublishMode.RENAME && completeInterruptedPublish() != null) {
        return;
      }
      boolean holdsData = java.util.Arrays.stream(entries).anyMatch(e -> !e.getPath().getName().startsWith("_")
          && !(mode == PublishMode.POINTER && e.getPath().getName().equals(PointerPublish.RUNS)));
      if (holdsData && !fs.exists(new Path(output, MANIFEST))) {
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
   * one-line form), then publishes: a journal {@value #PUBLISHING} naming the run is written first (one rename); from
   * then on the publish is decided and {@link #completePublish} carries it out, table by table, the manifest last. A
   * publish killed before the journal leaves the previous output; one killed after it is completed by the next run
   * (see {@link #checkOutput}). Readers trust an output only when it has a manifest and no journal.
   */
  public void publish(String manifestJson, String manifestLine) {
    if (mode == PublishMode.POINTER) {
      new PointerPublish(fs, output, staging, versioned).publish(manifestJson, manifestLine);
      return;
    }
    try {
      try (OutputStream out = fs.create(new Path(new Path(staging, MANIFEST_TABLE), "manifest.json"), true)) {
        out.write((manifestLine + "\n").getBytes(StandardCharsets.UTF_8));
      }
      try (OutputStream out = fs.create(new Path(staging, MANIFEST), true)) {
        out.write(manifestJson.getBytes(StandardCharsets.UTF_8));
      }
      fs.mkdirs(output);
      step("journal");
      Path tmp = new Path(output, PUBLISHING + ".tmp");
      try (OutputStream out = fs.create(tmp, true)) {
        out.write(staging.getName().getBytes(StandardCharsets.UTF_8));
      }
      if (!fs.rename(tmp, new Path(output, PUBLISHING))) {
        throw new IOException("rename of " + tmp + " failed");
      }
      completePublish(staging.getName());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish the tables into " + output, e);
    }
  }

  /**
   * Carries out the journaled publish of {@code runId}; every step can be repeated, so a publish killed at any point
   * is completed by calling this again: each staged table replaces its published one (kept in {@value #PREVIOUS}
   * until the end), then the manifest, then the journal, the previous tables and the staging folder go.
   */
  private void completePublish(String runId) throws IOException {
    Path staged = new Path(new Path(output, STAGING), runId);
    Path previous = new Path(new Path(output, PREVIOUS), runId);
    if (fs.exists(staged)) {
      FileStatus[] entries = fs.listStatus(staged);
      java.util.Arrays.sort(entries);
      for (FileStatus st : entries) {
        String name = st.getPath().getName();
        if (name.equals(MANIFEST)) {
          continue;
        }
        Path target = new Path(output, name);
        step("retire " + name);
        if (fs.exists(target)) {
          fs.mkdirs(previous);
          fs.delete(new Path(previous, name), true);
          rename(target, new Path(previous, name));
        }
        step("place " + name);
        rename(st.getPath(), target);
      }
      Path manifest = new Path(staged, MANIFEST);
      if (fs.exists(manifest)) {
        step("manifest");
        fs.delete(new Path(output, MANIFEST), false);
        rename(manifest, new Path(output, MANIFEST));
      }
    }
    step("clean");
    fs.delete(new Path(output, PREVIOUS), true);
    fs.delete(staged, true);
    fs.delete(new Path(output, PUBLISHING), false);
    fs.delete(staged.getParent(), true); // and the staging folders that killed runs left (one run per output at a time)
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("rename of " + from + " to " + to + " failed");
    }
  }

  /**
   * Completes a publish that was killed after its journal (the journal's run), if any; returns that run's id or
   * null. Called before every run.
   */
  public String completeInterruptedPublish() {
    Path journal = new Path(output, PUBLISHING);
    try {
      if (!fs.exists(journal)) {
        return null;
      }
      String runId;
      try (java.io.InputStream in = fs.open(journal)) {
        runId = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
      completePublish(runId);
      return runId;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot complete the interrupted publish in " + output, e);
    }
  }

  /**
   * Fails unless {@code output} holds a complete published output: a manifest, and no journal of a publish under
   * way or interrupted (then tables of two runs may be side by side).
   */
  public static void checkComplete(FileSystem fs, Path output) throws IOException {
    if (fs.exists(new Path(output, PUBLISHING))) {
      throw new IllegalStateException("the output " + output + " is being published, or its publish was "
          + "interrupted; its tables may be of two runs. The next run into it completes the publish; read it then");
    }
    if (!fs.exists(new Path(output, MANIFEST))) {
      throw new IllegalArgumentException("no job output in " + output + ": " + MANIFEST
          + " is missing (run `defections run --output " + output + "` first)");
    }
  }

  /** A nightly warehouse's folder of versions, and the file naming the current one. */
  public static final String WAREHOUSE_VERSIONS = "versions";
  public static final String WAREHOUSE_CURRENT = "CURRENT";

  /**
   * The published output at {@code dir}: {@code dir} itself when it holds a manifest, else, for a nightly warehouse,
   * its current version (named by the warehouse's {@code CURRENT} file). Fails as {@link #checkComplete} does.
   */
  public static Path readableOutput(FileSystem fs, Path dir) throws IOException {
    Path current = new Path(dir, WAREHOUSE_CURRENT);
    Path root = dir;
    if (!fs.exists(new Path(dir, MANIFEST)) && fs.exists(current)) {
      try (var in = fs.open(current)) {
        root = new Path(new Path(dir, WAREHOUSE_VERSIONS), new String(in.readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8).trim());
      }
    }
    checkComplete(fs, root);
    return root;
  }

  /**
   * The folder holding an output's tables: the output itself, or (an output published in {@link PublishMode#POINTER}
   * mode) the run folder its {@value #MANIFEST} names.
   */
  public static Path tablesDir(FileSystem fs, Path output) {
    try {
      return PointerPublish.tablesDir(fs, output);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the manifest of " + output, e);
    }
  }

  /** The publish steps' names go here before each step is done; a test makes one throw to stand for a kill. */
  static volatile java.util.function.Consumer<String> beforeStep = s -> { };

  static void step(String name) {
    beforeStep.accept(name);
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
