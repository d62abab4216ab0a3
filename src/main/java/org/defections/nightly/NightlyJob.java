package org.defections.nightly;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.defections.DefectionJob;
import org.defections.config.JobConfig;

/**
 * Wires a nightly recompute over a warehouse ({@link Warehouse}): take the lock; run the job into a new version,
 * annotating only articles no earlier night has seen (by id and content hash) and resolving and aggregating over all
 * mentions kept so far ({@link IncrementalState}); make the version current; apply retention; release the lock.
 * A run that dies at any point leaves the previous current version as it was.
 */
public final class NightlyJob {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NightlyJob.class);
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
    try (Warehouse warehouse = new Warehouse(config.warehouse(), spark.sparkContext().hadoopConfiguration(),
        config.lockTimeoutMinutes(), config.publishMode(config.warehouse()))) {
      warehouse.lock();
      String previous = warehouse.current();
      String runId = DefectionJob.newRunId();
      String runDate = config.runDate().isBlank() ? LocalDate.now(ZoneOffset.UTC).toString() : config.runDate();
      IncrementalState state = new IncrementalState(spark, config.warehouse(), runDate, previous,
          config.publishMode(config.warehouse()));
      int dead = state.removeDeadBatches();
      if (dead > 0) {
        LOG.info("removed {} unfinished batch folder(s) of killed runs", dead);
      }
      ObjectNode manifest = new DefectionJob(spark, config.withOutput(warehouse.versionDir(runId)))
          .run(runId, state);
      warehouse.publish(runId);
      List<String> deleted = warehouse.retain(config.keepVersions());
      ArrayNode d = manifest.with("nightly").putArray("versions_deleted");
      deleted.forEach(d::add);
      return manifest;
    }
  }
}
