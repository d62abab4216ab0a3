package org.defections.nightly;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.defections.DefectionJob;
import org.defections.config.JobConfig;
import org.defections.extract.Mention;
import org.defections.ingest.Article;

/**
 * Wires a nightly recompute over a warehouse ({@link Warehouse}): take the lock; run the job into a new version,
 * annotating only articles no earlier night has seen (by id and content hash) and resolving and aggregating over all
 * mentions kept so far ({@link IncrementalState}); make the version current; apply retention; release the lock.
 * A run that dies at any point leaves the previous current version as it was.
 */
public final class NightlyJob {
  private final SparkSession spark;
  private final JobConfig config;

  public NightlyJob(SparkSession spark, JobConfig config) {
    if (config.warehouse().isBlank()) {
      throw new IllegalArgumentException("defections.nightly.warehouse is empty: give --warehouse DIR");
    }
    this.spark = spark;
    this.config = config;
  }

  /** Runs one night; returns the new version's manifest plus the versions deleted by retention. */
  public ObjectNode run() {
    try (Warehouse warehouse = new Warehouse(config.warehouse(), spark.sparkContext().hadoopConfiguration())) {
      warehouse.lock();
      String previous = warehouse.current();
      String runId = DefectionJob.newRunId();
      String runDate = config.runDate().isBlank() ? LocalDate.now(ZoneOffset.UTC).toString() : config.runDate();
      IncrementalState state = new IncrementalState(spark, config.warehouse());
      DefectionJob.Increment described = new DefectionJob.Increment() {
        @Override
        public Dataset<Article> toAnnotate(Dataset<Article> accepted) {
          return state.toAnnotate(accepted);
        }

        @Override
        public Dataset<Mention> allMentions(String id, Dataset<Article> annotated, Dataset<Mention> extracted) {
          return state.allMentions(id, annotated, extracted);
        }

        @Override
        public void describe(ObjectNode manifest) {
          state.describe(manifest);
          ObjectNode n = manifest.with("nightly");
          n.put("warehouse", config.warehouse());
          n.put("run_date", runDate);
          n.put("version", runId);
          n.put("previous_version", previous);
        }
      };
      ObjectNode manifest = new DefectionJob(spark, config.withOutput(warehouse.versionDir(runId)))
          .run(runId, described);
      warehouse.publish(runId);
      List<String> deleted = warehouse.retain(config.keepVersions());
      ArrayNode d = manifest.with("nightly").putArray("versions_deleted");
      deleted.forEach(d::add);
      return manifest;
    }
  }
}
