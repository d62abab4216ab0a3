package org.defections.nightly;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.defections.DefectionJob;
import org.defections.extract.Mention;

/**
 * The incremental state of a warehouse: one folder per night that annotated something,
 * {@code state/batches/<runId>/} holding {@code articles} (article_id, content_hash, batch) and {@code mentions} (the
 * mentions extracted from those articles, Mention bean columns plus batch). A batch is written under a temporary name
 * and renamed into place, so it is either complete or absent.
 *
 * <p>An article is new when its (id, content hash) pair is in no batch. When an id comes back with other content, the
 * batch that saw it last supplies its mentions; earlier mentions of that id are no longer resolved.
 */
public final class IncrementalState implements DefectionJob.Increment {
  static final String BATCHES = "state/batches";
  private static final String ID = "article_id";
  /** The batches' column: {@code CandidateSelection.contentHash} of each annotated article (title, date, text). */
  private static final String HASH = "content_hash";
  /** The scanned records' column holding that hash. */
  private static final String CONTENT_HASH = "contentHash";
  private static final String BATCH = "batch";

  private final SparkSession spark;
  private final String warehouse;
  private final String runDate;
  private final String previousVersion;
  private final Path batches;
  private final org.defections.write.PublishMode mode;
  private final FileSystem fs;
  private long inInput;
  private long fresh;
  private String writtenBatch;
  private List<String> batchesAfter = List.of();

  /**
   * @param runDate the night computed, and {@code previousVersion} the version current before it (or null): both
   *     recorded in the manifest
   */
  public IncrementalState(SparkSession spark, String warehouse, String runDate, String previousVersion) {
    this(spark, warehouse, runDate, previousVersion, org.defections.write.PublishMode.RENAME);
  }

  /**
   * {@code mode} {@code POINTER} (object stores): a batch is written straight into its folder, and counts once both of
   * its tables hold Spark's {@code _SUCCESS} marker; nothing is renamed.
   */
  public IncrementalState(SparkSession spark, String warehouse, String runDate, String previousVersion,
      org.defections.write.PublishMode mode) {
    this.mode = mode;
    this.spark = spark;
    this.warehouse = warehouse;
    this.runDate = runDate;
    this.previousVersion = previousVersion;
    this.batches = new Path(warehouse, BATCHES);
    try {
      this.fs = batches.getFileSystem(spark.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open warehouse " + warehouse, e);
    }
  }

  @Override
  public boolean needsContentHash() {
    return true;
  }

  @Override
  public Dataset<Row> toAnnotate(Dataset<Row> accepted) {
    inInput = accepted.count();
    List<String> done = batchDirs();
    if (done.isEmpty()) {
      fresh = inInput;
      return accepted;
    }
    Dataset<Row> seen = spark.read().parquet(paths(done, "articles")).select(col(ID), col(HASH));
    Dataset<Row> unseen = accepted.join(seen, accepted.col("id").equalTo(seen.col(ID))
        .and(accepted.col(CONTENT_HASH).equalTo(seen.col(HASH))), "left_anti");
    fresh = unseen.count();
    return unseen;
  }

  @Override
  public Dataset<Mention> allMentions(String runId, Dataset<Row> annotated, Dataset<Mention> extracted) {
    if (fresh > 0) {
      boolean pointer = mode == org.defections.write.PublishMode.POINTER;
      Path tmp = pointer ? new Path(batches, runId) : new Path(batches, "_tmp-" + runId);
      annotated.select(col("id").as(ID), col(CONTENT_HASH).as(HASH)).withColumn(BATCH, lit(runId)).write()
          .mode(SaveMode.ErrorIfExists).option("compression", "zstd").parquet(new Path(tmp, "articles").toString());
      extracted.toDF().withColumn(BATCH, lit(runId)).write().mode(SaveMode.ErrorIfExists)
          .option("compression", "zstd").parquet(new Path(tmp, "mentions").toString());
      try {
        if (!pointer && !fs.rename(tmp, new Path(batches, runId))) {
          throw new IOException("rename of " + tmp + " failed");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot commit batch " + runId, e);
      }
      writtenBatch = runId;
    }
    List<String> all = batchDirs();
    batchesAfter = all;
    if (all.isEmpty()) {
      return extracted;
    }
    Dataset<Row> latest = spark.read().parquet(paths(all, "articles")).groupBy(col(ID))
        .agg(max(col(BATCH)).as("latest_batch"));
    // batches of earlier versions may lack newer mention columns (report_key, posting): merged, they read as null
    Dataset<Row> mentions = spark.read().option("mergeSchema", "true").parquet(paths(all, "mentions"));
    return mentions.join(latest, mentions.col("articleId").equalTo(latest.col(ID))
            .and(mentions.col(BATCH).equalTo(latest.col("latest_batch"))), "left_semi")
        .drop(BATCH).as(Encoders.bean(Mention.class));
  }

  @Override
  public void describe(ObjectNode manifest) {
    ObjectNode n = manifest.with("nightly");
    n.put("articles_in_input", inInput);
    n.put("articles_new", fresh);
    n.put("articles_already_seen", inInput - fresh);
    n.put("batch_written", writtenBatch);
    n.put("batches", batchesAfter.size());
    n.put("watermark", batchesAfter.isEmpty() ? null : batchesAfter.get(batchesAfter.size() - 1));
    n.put("warehouse", warehouse);
    n.put("run_date", runDate);
    n.put("version", manifest.path("run_id").asText());
    n.put("previous_version", previousVersion);
  }

  /**
   * Removes the {@code _tmp-<run>} folders that killed runs left in {@code state/batches} (never read: only a renamed
   * folder is a batch), and in pointer mode the batch folders without both {@code _SUCCESS} markers; call with the
   * warehouse lock held. Returns how many were removed.
   */
  public int removeDeadBatches() {
    int removed = 0;
    try {
      if (!fs.exists(batches)) {
        return 0;
      }
      for (FileStatus st : fs.listStatus(batches)) {
        boolean unfinished = st.getPath().getName().startsWith("_tmp-")
            || mode == org.defections.write.PublishMode.POINTER && st.isDirectory()
            && !(fs.exists(new Path(st.getPath(), "articles/_SUCCESS"))
            && fs.exists(new Path(st.getPath(), "mentions/_SUCCESS")));
        if (unfinished && fs.delete(st.getPath(), true)) {
          removed++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + batches, e);
    }
    return removed;
  }

  /**
   * The records added, changed and removed since the previous version ({@link Changes}); on the first night, every
   * record is added.
   */
  @Override
  public Dataset<Row> changes(Dataset<Row> defections) {
    Dataset<Row> previous = previousVersion == null
        ? spark.createDataFrame(java.util.List.of(), defections.schema())
        : spark.read().parquet(new Path(new Path(new Path(warehouse, Warehouse.VERSIONS), previousVersion),
            org.defections.write.Tables.DEFECTIONS).toString()).select(defections.columns()[0],
            java.util.Arrays.copyOfRange(defections.columns(), 1, defections.columns().length));
    return Changes.of(defections, previous);
  }

  /** Completed batch folders (run ids), oldest first. */
  List<String> batchDirs() {
    List<String> out = new ArrayList<>();
    try {
      if (!fs.exists(batches)) {
        return out;
      }
      for (FileStatus st : fs.listStatus(batches)) {
        String name = st.getPath().getName();
        if (st.isDirectory() && !name.startsWith("_") && (mode == org.defections.write.PublishMode.RENAME
            || fs.exists(new Path(st.getPath(), "articles/_SUCCESS"))
            && fs.exists(new Path(st.getPath(), "mentions/_SUCCESS")))) {
          out.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + batches, e);
    }
    out.sort(null);
    return out;
  }

  private String[] paths(List<String> batchIds, String table) {
    return batchIds.stream().map(b -> new Path(new Path(batches, b), table).toString()).toArray(String[]::new);
  }
}
