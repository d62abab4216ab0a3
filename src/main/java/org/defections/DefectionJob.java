package org.defections;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.defections.aggregate.Aggregates;
import org.defections.annotate.AnnotationPipeline;
import org.defections.candidates.CandidateSelection;
import org.defections.candidates.ScannedRecord;
import org.defections.config.JobConfig;
import org.defections.extract.Mention;
import org.defections.annotate.MentionExtraction;
import org.defections.ingest.ArticleReader;
import org.defections.ingest.LanguageDetector;
import org.defections.lexicon.Lexicons;
import org.defections.lexicon.SharedLexicons;
import org.defections.resolve.Resolution;
import org.defections.write.TableWriter;
import org.defections.write.Tables;

/**
 * Wires the stages: ingest → clean and select candidates → annotate (Spark NLP) → extract → resolve → aggregate →
 * write. The SparkSession is passed in. Returns the run summary that is also written as {@code _manifest.json}.
 */
public final class DefectionJob {
  public static final String VERSION = "0.1.0";
  /** Milestones at INFO: counts only, never names or text. */
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DefectionJob.class);
  private final SparkSession spark;
  private final JobConfig config;

  public DefectionJob(SparkSession spark, JobConfig config) {
    this.spark = spark;
    this.config = config;
  }

  /**
   * What a run annotates and which mentions it resolves. A full run ({@link #FULL}) annotates every accepted article
   * and resolves its own mentions; a nightly run annotates only articles it has not seen and resolves them together
   * with the mentions kept from earlier nights.
   */
  public interface Increment {
    /**
     * The accepted records (columns of {@link ScannedRecord}: id, language, passages, contentHash ...) whose passages
     * go to annotation. Called first with the records as scanned and, when the run finds duplicate ids, again with
     * the records marked: what the last call returns (and counts, as sums of {@code records}) is the run's. Unless
     * {@link #needsContentHash} is set, the articles without passages may come folded (see {@link ScannedRecord}).
     */
    Dataset<Row> toAnnotate(Dataset<Row> accepted);

    /**
     * Whether {@link #toAnnotate} needs every accepted record as its own row with its {@code contentHash} (computed
     * in the one pass when asked), none folded.
     */
    default boolean needsContentHash() {
      return false;
    }

    /** All mentions to resolve, given this run's new ones (and the records they came from). */
    Dataset<Mention> allMentions(String runId, Dataset<Row> annotated, Dataset<Mention> extracted);

    /** Adds what the increment did to the manifest. */
    void describe(ObjectNode manifest);

    /**
     * The {@code defections_changes} table against the previous version for this run's {@code defections} (columns
     * of {@code Tables.DEFECTION_COLUMNS}), or null for none.
     */
    default Dataset<Row> changes(Dataset<Row> defections) {
      return null;
    }
  }

  /** Annotates everything, keeps nothing between runs. */
  public static final Increment FULL = new Increment() {
    @Override
    public Dataset<Row> toAnnotate(Dataset<Row> accepted) {
      return accepted;
    }

    @Override
    public Dataset<Mention> allMentions(String runId, Dataset<Row> annotated, Dataset<Mention> extracted) {
      return extracted;
    }

    @Override
    public void describe(ObjectNode manifest) {}

    /** A run has no previous version: every record is added (so every output holds the same tables). */
    @Override
    public Dataset<Row> changes(Dataset<Row> defections) {
      return org.defections.nightly.Changes.of(defections, defections.sparkSession().createDataFrame(
          java.util.List.of(), defections.schema()));
    }
  };

  /** A new run id: UTC timestamp (sortable) and a random suffix. */
  public static String newRunId() {
    return Instant.now().toString().replaceAll("[^0-9]", "").substring(0, 14) + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Runs the job and publishes the tables; returns the manifest. */
  public ObjectNode run() {
    return run(newRunId(), FULL);
  }

  /** Runs the job as {@code runId}, annotating and resolving as {@code increment} says; returns the manifest. */
  public ObjectNode run(String runId, Increment increment) {
    TableWriter writer = new TableWriter(spark, config.output(), runId, config.publishMode(config.output()),
        config.versionOutput());
    writer.checkOutput(config.input());
    Map<String, Long> timings = Collections.synchronizedMap(new LinkedHashMap<>());
    long t0 = System.nanoTime();
    try (DriverPool pool = new DriverPool()) {
      try {
        Lexicons lexicons = Lexicons.load(config.lexiconsDir());
        SharedLexicons lx = SharedLexicons.broadcast(spark.sparkContext(), lexicons);
        // the Spark NLP pipelines are built on the driver while the executors read the corpus
        CompletableFuture<Map<String, PipelineModel>> building = CompletableFuture.supplyAsync(
            () -> AnnotationPipeline.buildAll(lexicons));
        ArticleReader reader = new ArticleReader(spark, config.maxTextChars());
        ArticleReader.Parsed parsed = reader.parse(config.input(), config.format());
        Ingested in = ingest(reader, parsed, lx, increment, pool, timings);
        Census census = in.census();
        // the two ingest tables are written while the candidates go on to annotation
        Dataset<Row> inputFiles = census.inputFiles(spark);
        CompletableFuture<Long> ingestTables = pool.async(() -> {
          long since = System.nanoTime();
          writer.stage(Tables.INPUT_FILES, inputFiles, 1);
          long rows = writer.stage(Tables.REJECTS, TableWriter.snakeCase(in.records().filter(functions.col("reason")
              .isNotNull()), Tables.REJECT_COLUMNS), config.outputFiles());
          timings.put("ingest_tables_ms", ms(since));
          return rows;
        });

        // annotate and extract (one task per partition of distinct texts, into the cache, by the job that counts the
        // mentions by factuality and rule)
        long t = System.nanoTime();
        Map<String, PipelineModel> pipelines = DriverPool.joined(building,
            "the annotation pipelines could not be built");
        Dataset<Mention> mentions = cached(increment.allMentions(runId, in.candidates().toAnnotate(),
            MentionExtraction.extract(in.candidates().distinct(), pipelines, lx)));
        MentionCounts mentionCounts = MentionCounts.of(mentions);
        timings.put("annotate_extract_ms", ms(t));
        Dataset<Row> defections = cached(TableWriter.snakeCase(Resolution.resolve(mentions),
            Tables.DEFECTION_COLUMNS));
        long[] written = writeResults(writer, pool, mentions, defections, increment.changes(defections), runId,
            timings);

        long rejected = DriverPool.joined(ingestTables, "the ingest tables could not be written");
        // the census and the rejects table counted apart: they must agree
        if (rejected != census.rejected()) {
          throw new IllegalStateException("input accounting does not add up: " + census.read() + " records read, "
              + census.accepted() + " accepted, " + census.rejected() + " rejected, but " + rejected
              + " rows in the rejects table; nothing was published");
        }
        timings.put("total_ms", ms(t0));
        ObjectNode m = new RunManifest(runId, config, parsed.format().name().toLowerCase(java.util.Locale.ROOT))
            .ingest(census, rejected).candidates(in.candidates()).results(written[0], written[1])
            .breakdowns(census, in.candidates(), mentionCounts, writer.counts(), timings).increment(increment)
            .finish(spark.version());
        writer.publish(RunManifest.pretty(m), RunManifest.compact(m));
        in.release();
        mentions.unpersist();
        defections.unpersist();
        return m;
      } catch (RuntimeException | IOException e) {
        pool.awaitAfter(e); // the writes under way finish (or fail) before the staging folder goes
        writer.abort();
        if (e instanceof IOException) {
          throw new UncheckedIOException((IOException) e);
        }
        throw (RuntimeException) e;
      }
    }
  }

  /**
   * The ingest's result: the records (columns of {@link ScannedRecord}, duplicates marked), their census and the
   * candidates for annotation; {@code cachedRows} are the cached datasets to release after the run.
   */
  private record Ingested(Dataset<Row> records, Census census, Candidates candidates, List<Dataset<Row>> cachedRows) {
    void release() {
      cachedRows.forEach(Dataset::unpersist);
      candidates.release();
    }
  }

  /**
   * Ingest and the one pass over the text: parse, check, language, candidate passages; only this small result is
   * cached (the text itself is read once, unless ids repeat in a folded scan), by the census's job. Duplicate ids are
   * looked for while the candidates are grouped. Without any (the common case) the records as scanned are final and
   * so are the census and the candidates; otherwise both are computed again from the marked records.
   */
  private Ingested ingest(ArticleReader reader, ArticleReader.Parsed parsed, SharedLexicons lx, Increment increment,
      DriverPool pool, Map<String, Long> timings) {
    long t = System.nanoTime();
    // a full run folds the accepted articles without passages; a nightly run needs each, with its content hash
    CandidateSelection.Rows scanRows = increment.needsContentHash()
        ? CandidateSelection.Rows.EVERY_WITH_CONTENT_HASH : CandidateSelection.Rows.FOLDED;
    Dataset<Row> scannedRows = cached(scan(parsed, lx, scanRows)).toDF();
    List<Dataset<Row>> cachedRows = Collections.synchronizedList(new ArrayList<>(List.of(scannedRows)));
    Census census = Census.of(scannedRows, parsed.skipped());
    timings.put("ingest_ms", ms(t));

    t = System.nanoTime();
    CompletableFuture<Dataset<Row>> marking = pool.async(() -> marked(reader, parsed, lx, scanRows, scannedRows,
        cachedRows));
    Candidates candidates = candidates(scannedRows, increment, census);
    Dataset<Row> all = DriverPool.joined(marking, "the duplicate check failed");
    if (all != scannedRows) { // duplicates were marked: keep the marked copy instead
      candidates.release();
      cachedRows.add(cached(all));
      census = Census.of(all, parsed.skipped());
      scannedRows.unpersist();
      candidates = candidates(all, increment, census);
    }
    LOG.info("ingest: {} read, {} accepted, {} rejected ({} ms)", census.read(), census.accepted(), census.rejected(),
        timings.get("ingest_ms"));
    checkRejectRate(census.accepted(), census.rejected());
    timings.put("candidates_ms", ms(t));
    LOG.info("candidates: {} of {} articles to annotate hold trigger words; {} passages go to Spark NLP ({} ms)",
        candidates.articles(), candidates.articlesToAnnotate(), candidates.passages(), timings.get("candidates_ms"));
    return new Ingested(all, census, candidates, cachedRows);
  }

  /**
   * Writes the mentions, the defections and the aggregates; returns the rows of the first two. The records are
   * cached by the job that writes them, and aggregated from the cache: the aggregate tables (a few rows each, mostly
   * Spark's per-job latency) are planned and written beside that job, and their jobs wait for its cached partitions
   * (the resolution is computed once). Over the records (few) read as one partition, each aggregate table is one
   * stage: no shuffle to group or to sort.
   */
  private long[] writeResults(TableWriter writer, DriverPool pool, Dataset<Mention> mentions,
      Dataset<Row> defections, Dataset<Row> changes, String runId, Map<String, Long> timings) {
    long since = System.nanoTime();
    CompletableFuture<Long> resolving = pool.async(() -> {
      // the run id is written beside the records (for BI tools joining outputs), never compared between versions
      long rows = writer.stageSorted(Tables.DEFECTIONS, defections.withColumn(Tables.RUN_ID,
          org.apache.spark.sql.functions.lit(runId)), config.outputFiles(), "origin_country", "event_id");
      timings.put("resolve_ms", ms(since));
      return rows;
    });
    List<CompletableFuture<Long>> aggregates = new ArrayList<>();
    for (Map.Entry<String, Aggregates.Table> e : Aggregates.all(defections.coalesce(1)).entrySet()) {
      aggregates.add(pool.async(() -> writer.stage(e.getKey(), e.getValue().sortedRows(), 1)));
    }
    if (changes != null) {
      aggregates.add(pool.async(() -> writer.stageSorted(Tables.DEFECTIONS_CHANGES, changes, 1, "change",
          "event_id")));
    }
    long mentionCount = writer.stage(Tables.MENTIONS, TableWriter.snakeCase(mentions, Tables.MENTION_COLUMNS),
        config.outputFiles());
    LOG.info("annotated and extracted: {} mentions ({} ms)", mentionCount, timings.get("annotate_extract_ms"));
    long recordCount = DriverPool.joined(resolving, "the defections table could not be written");
    LOG.info("resolved: {} defection records ({} ms)", recordCount, timings.get("resolve_ms"));
    aggregates.forEach(f -> DriverPool.joined(f, "an aggregate table could not be written"));
    timings.put("aggregate_ms", ms(since)); // from the same start as resolve_ms: the two run side by side
    return new long[] {mentionCount, recordCount};
  }

  /** The one pass over the corpus ({@link CandidateSelection#scan}) with the run's settings; lazy. */
  private Dataset<ScannedRecord> scan(ArticleReader.Parsed parsed, SharedLexicons lx,
      CandidateSelection.Rows rows) {
    return CandidateSelection.scan(parsed, lx, LanguageDetector.ANNOTATED, config.contextParagraphs(),
        config.maxPassageChars(), config.candidateSelection(), rows);
  }

  /**
   * The scanned records with duplicate ids marked ({@link ArticleReader#markDuplicates}; a duplicate's raw is its
   * head), or {@code scanned} itself when no id repeats. Folded records (the common case) are checked by their ids'
   * hashes alone; they cannot be marked, so when a hash repeats the corpus is scanned again with every record
   * (cached, added to {@code cachedRows} for the caller to release) and those records are marked.
   */
  private Dataset<Row> marked(ArticleReader reader, ArticleReader.Parsed parsed, SharedLexicons lx,
      CandidateSelection.Rows rows, Dataset<Row> scanned, List<Dataset<Row>> cachedRows) {
    if (rows != CandidateSelection.Rows.FOLDED) {
      return reader.markDuplicates(scanned, functions.col("head"));
    }
    if (!ArticleReader.anyHashRepeats(CandidateSelection.acceptedIdHashes(scanned))) {
      return scanned;
    }
    LOG.info("ingest: ids repeat; the input is scanned again, record by record, to mark the later copies");
    Dataset<Row> every = cached(scan(parsed, lx, CandidateSelection.Rows.EVERY)).toDF();
    cachedRows.add(every);
    return reader.markDuplicates(every, functions.col("head"));
  }

  /** The candidates of {@code all} (the census's records); the distinct texts cached, one partition per core. */
  private Candidates candidates(Dataset<Row> all, Increment increment, Census census) {
    return Candidates.of(all, increment, census, this::cached, cores());
  }

  /**
   * A broken feed must not silently empty the tables: more rejected input than {@code ingest.max-reject-rate} allows
   * fails the run before anything is published (the staged tables are removed by the caller's abort).
   */
  void checkRejectRate(long accepted, long rejected) {
    long read = accepted + rejected;
    double rate = read == 0 ? 0 : (double) rejected / read;
    if (rate > config.maxRejectRate()) {
      throw new IllegalStateException(String.format(java.util.Locale.ROOT, "%d of %d input records were rejected "
          + "(%.1f %%), more than ingest.max-reject-rate = %s allows; nothing was published. See the reasons with "
          + "--max-reject-rate 1 or in the rejects table of a run that passes.", rejected, read, 100 * rate,
          config.maxRejectRate()));
    }
  }

  /**
   * Caches {@code data} (memory, then disk) uncompressed: the cached records' ids and heads are nearly all distinct,
   * and dictionaries would cost a hash map per string column and batch to save nothing. Spark plans a cache with a
   * copy of the session's settings taken here ({@code spark.sql.inMemoryColumnarStorage.compressed}, set for the call
   * and then restored). The copy runs without adaptive execution: a cached plan's shuffles keep {@code
   * spark.sql.shuffle.partitions}, so the callers coalesce small cached results ({@link #cores}).
   */
  private <T> Dataset<T> cached(Dataset<T> data) {
    String key = "spark.sql.inMemoryColumnarStorage.compressed";
    scala.Option<String> before = spark.conf().getOption(key);
    spark.conf().set(key, "false");
    try {
      return data.persist(StorageLevel.MEMORY_AND_DISK());
    } finally {
      if (before.isDefined()) {
        spark.conf().set(key, before.get());
      } else {
        spark.conf().unset(key);
      }
    }
  }

  /** Partitions for the small cached results (the distinct passages): one per core. */
  private int cores() {
    return Math.max(1, spark.sparkContext().defaultParallelism());
  }

  private static long ms(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }
}
