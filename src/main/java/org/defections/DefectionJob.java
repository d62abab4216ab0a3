package org.defections;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    TableWriter writer = new TableWriter(spark, config.output(), runId);
    writer.checkOutput(config.input());
    Map<String, Long> timings = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    long t0 = System.nanoTime();
    // driver threads that submit the small independent Spark jobs of the run (table writes) side by side
    ExecutorService pool = Executors.newFixedThreadPool(6, r -> {
      Thread th = new Thread(r, "defections-writer");
      th.setDaemon(true);
      return th;
    });
    List<CompletableFuture<?>> started = new ArrayList<>();
    try {
      Lexicons lexicons = Lexicons.load(config.lexiconsDir());
      SharedLexicons lx = SharedLexicons.broadcast(spark.sparkContext(), lexicons);

      // the Spark NLP pipeline is built on the driver while the executors read the corpus
      CompletableFuture<Map<String, PipelineModel>> building = CompletableFuture.supplyAsync(
          () -> AnnotationPipeline.buildAll(lexicons));

      // ingest and the one pass over the text: parse, check, language, candidate passages; only this small result
      // is cached (the text itself is read once, unless ids repeat in a folded scan), by the census's job
      long t = System.nanoTime();
      ArticleReader reader = new ArticleReader(spark, config.maxTextChars());
      ArticleReader.Parsed parsed = reader.parse(config.input(), config.format());
      // a full run folds the accepted articles without passages; a nightly run needs each, with its content hash
      CandidateSelection.Rows scanRows = increment.needsContentHash()
          ? CandidateSelection.Rows.EVERY_WITH_CONTENT_HASH : CandidateSelection.Rows.FOLDED;
      Dataset<Row> scannedRows = cached(scan(parsed, lx, scanRows)).toDF();
      Census census = Census.of(scannedRows);
      timings.put("ingest_ms", ms(t));

      // duplicate ids are looked for while the candidates are grouped. Without any (the common case) the records
      // as scanned are final and so are the census and the candidates; otherwise both are computed again from the
      // marked records.
      t = System.nanoTime();
      List<Dataset<Row>> rescans = java.util.Collections.synchronizedList(new ArrayList<>());
      CompletableFuture<Dataset<Row>> marking = async(pool, started, () -> marked(reader, parsed, lx,
          scanRows, scannedRows, rescans));
      Candidates candidates = candidates(scannedRows, increment, census);
      Dataset<Row> all = joined(marking, "the duplicate check failed");
      if (all != scannedRows) { // duplicates were marked: keep the marked copy instead
        candidates.release();
        cached(all);
        census = Census.of(all);
        scannedRows.unpersist();
        candidates = candidates(all, increment, census);
      }
      long read = census.accepted() + census.rejected();
      LOG.info("ingest: {} read, {} accepted, {} rejected ({} ms)", read, census.accepted(), census.rejected(),
          timings.get("ingest_ms"));
      checkRejectRate(census.accepted(), census.rejected());
      // the two ingest tables are written while the candidates go on to annotation
      Dataset<Row> records = all;
      Dataset<Row> inputFiles = census.inputFiles(spark);
      CompletableFuture<Long> ingestTables = async(pool, started, () -> {
        long since = System.nanoTime();
        writer.stage(Tables.INPUT_FILES, inputFiles, 1);
        long rows = writer.stage(Tables.REJECTS, TableWriter.snakeCase(records.filter(functions.col("reason")
            .isNotNull()), Tables.REJECT_COLUMNS), config.outputFiles());
        timings.put("ingest_tables_ms", ms(since));
        return rows;
      });
      timings.put("candidates_ms", ms(t));
      LOG.info("candidates: {} of {} articles to annotate hold trigger words; {} passages go to Spark NLP ({} ms)",
          candidates.articles(), candidates.articlesToAnnotate(), candidates.passages(),
          timings.get("candidates_ms"));

      // annotate and extract (one task per partition of distinct texts, into the cache, by the job that counts the
      // mentions by factuality); then the mentions are written while they are resolved
      t = System.nanoTime();
      Map<String, PipelineModel> pipelines = joined(building, "the annotation pipelines could not be built");
      Dataset<Mention> mentions = cached(increment.allMentions(runId, candidates.toAnnotate(),
          MentionExtraction.extract(candidates.distinct(), pipelines, lx)));
      MentionCounts mentionCounts = MentionCounts.of(mentions);
      Map<String, Long> factuality = mentionCounts.byFactuality();
      timings.put("annotate_extract_ms", ms(t));
      // the records are cached by the job that writes them, and aggregated from the cache: the aggregate tables (a few
      // rows each, mostly Spark's per-job latency) are planned and written beside that job, and their jobs wait for
      // its cached partitions (the resolution is computed once). Over the records (few) read as one partition, each
      // aggregate table is one stage: no shuffle to group or to sort.
      Dataset<Row> defections = cached(TableWriter.snakeCase(Resolution.resolve(mentions),
          Tables.DEFECTION_COLUMNS));
      long since = System.nanoTime();
      CompletableFuture<Long> resolving = async(pool, started, () -> {
        long rows = writer.stageSorted(Tables.DEFECTIONS, defections, config.outputFiles(), "origin_country",
            "event_id");
        timings.put("resolve_ms", ms(since));
        return rows;
      });
      List<CompletableFuture<Long>> aggregates = new ArrayList<>();
      for (Map.Entry<String, Aggregates.Table> e : Aggregates.all(defections.coalesce(1)).entrySet()) {
        aggregates.add(async(pool, started, () -> writer.stage(e.getKey(), e.getValue().sortedRows(), 1)));
      }
      long mentionCount = writer.stage(Tables.MENTIONS, TableWriter.snakeCase(mentions, Tables.MENTION_COLUMNS),
          config.outputFiles());
      LOG.info("annotated and extracted: {} mentions ({} ms)", mentionCount, timings.get("annotate_extract_ms"));
      long recordCount = joined(resolving, "the defections table could not be written");
      LOG.info("resolved: {} defection records ({} ms)", recordCount, timings.get("resolve_ms"));
      aggregates.forEach(f -> joined(f, "an aggregate table could not be written"));
      timings.put("aggregate_ms", ms(since)); // from the same start as resolve_ms: the two run side by side
      long rejected = joined(ingestTables, "the ingest tables could not be written");
      // the census and the rejects table counted apart: they must agree
      if (rejected != census.rejected()) {
        throw new IllegalStateException("input accounting does not add up: " + read + " records read, "
            + census.accepted() + " accepted, " + census.rejected() + " rejected, but " + rejected
            + " rows in the rejects table; nothing was published");
      }
      timings.put("total_ms", ms(t0));

      ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode m = om.createObjectNode();
      m.put("run_id", runId);
      m.put("finished_at", Instant.now().toString());
      m.put("input", config.input());
      m.put("format", parsed.format().name().toLowerCase());
      m.put("output", config.output());
      ObjectNode counts = m.putObject("counts");
      counts.put("read", read);
      counts.put("accepted", census.accepted());
      counts.put("rejected", rejected);
      counts.put("skipped_language", candidates.skippedLanguage());
      counts.put("articles_to_annotate", candidates.articlesToAnnotate());
      counts.put("candidate_articles", candidates.articles());
      counts.put("passages", candidates.passages());
      counts.put("passages_annotated", candidates.distinctPassages());
      counts.put("mentions", mentionCount);
      counts.put("records", recordCount);
      m.set("rejects_by_reason", om.valueToTree(census.rejectsByReason()));
      m.set("articles_by_language", om.valueToTree(candidates.byLanguage()));
      m.set("mentions_by_factuality", om.valueToTree(factuality));
      m.set("mentions_by_rule", om.valueToTree(mentionCounts.byRule()));
      m.set("tables", om.valueToTree(writer.counts()));
      m.set("timings_ms", om.valueToTree(timings));
      increment.describe(m);
      ObjectNode versions = m.putObject("versions");
      versions.put("defection_analytics", VERSION);
      versions.put("spark", spark.version());
      versions.put("spark_nlp", com.johnsnowlabs.util.Build.version());
      versions.put("java", System.getProperty("java.version"));
      writer.publish(om.writeValueAsString(m),
          om.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
      all.unpersist();
      scannedRows.unpersist();
      rescans.forEach(Dataset::unpersist);
      candidates.release();
      mentions.unpersist();
      defections.unpersist();
      pool.shutdown();
      return m;
    } catch (RuntimeException | IOException e) {
      // the writes under way finish (or fail) before the staging folder goes
      for (CompletableFuture<?> f : started) {
        try {
          f.join();
        } catch (RuntimeException other) { // the run fails with e; another failure goes with it
          if (other != e && other.getCause() != e) {
            e.addSuppressed(other);
          }
        }
      }
      pool.shutdown();
      writer.abort();
      if (e instanceof IOException) {
        throw new UncheckedIOException((IOException) e);
      }
      throw (RuntimeException) e;
    }
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
   * (cached, added to {@code rescans} for the caller to release) and those records are marked.
   */
  private Dataset<Row> marked(ArticleReader reader, ArticleReader.Parsed parsed, SharedLexicons lx,
      CandidateSelection.Rows rows, Dataset<Row> scanned, List<Dataset<Row>> rescans) {
    if (rows != CandidateSelection.Rows.FOLDED) {
      return reader.markDuplicates(scanned, functions.col("head"));
    }
    if (!ArticleReader.anyHashRepeats(CandidateSelection.acceptedIdHashes(scanned))) {
      return scanned;
    }
    LOG.info("ingest: ids repeat; the input is scanned again, record by record, to mark the later copies");
    Dataset<Row> every = cached(scan(parsed, lx, CandidateSelection.Rows.EVERY)).toDF();
    rescans.add(every);
    return reader.markDuplicates(every, functions.col("head"));
  }

  /** Columns of the {@code input_files} table. */
  static final org.apache.spark.sql.types.StructType INPUT_FILES_SCHEMA = new org.apache.spark.sql.types.StructType()
      .add("source", "string").add("read", "long").add("accepted", "long").add("rejected", "long");

  /**
   * The counts of the ingest, from one aggregation over the records (columns of {@link ScannedRecord}, duplicates
   * marked or not) by input file, reason (null: accepted), language and whether the article holds candidate passages:
   * rejects by reason, accepted articles by language, the accepted articles with candidate passages, and per input
   * file the accepted and rejected records.
   */
  record Census(Map<String, Long> rejectsByReason, Map<String, Long> acceptedByLanguage, long acceptedCandidates,
      Map<String, long[]> byFile) {
    static Census of(Dataset<Row> records) {
      Map<String, Long> rejects = new java.util.TreeMap<>();
      Map<String, Long> byLanguage = new java.util.TreeMap<>();
      Map<String, long[]> byFile = new java.util.TreeMap<>(java.util.Comparator.nullsFirst(
          java.util.Comparator.naturalOrder()));
      long candidates = 0;
      for (Row r : records.groupBy(functions.col("source"), functions.col("reason"), functions.col("language"),
          functions.coalesce(functions.size(functions.col("passages")).gt(0), functions.lit(false)).as("candidate"))
          .agg(functions.sum("records")).collectAsList()) { // a few rows per input file
        long n = r.getLong(4);
        long[] file = byFile.computeIfAbsent(r.getString(0), k -> new long[2]);
        if (r.isNullAt(1)) {
          byLanguage.merge(r.getString(2), n, Long::sum);
          candidates += r.getBoolean(3) ? n : 0;
          file[0] += n;
        } else {
          rejects.merge(r.getString(1), n, Long::sum);
          file[1] += n;
        }
      }
      return new Census(rejects, byLanguage, candidates, byFile);
    }

    /**
     * The {@code input_files} table: per input file ({@code source}), the records {@code read}, {@code accepted} and
     * {@code rejected} (read = accepted + rejected), ordered by source: the census's rows, no query of their own.
     */
    Dataset<Row> inputFiles(SparkSession spark) {
      List<Row> rows = new ArrayList<>();
      byFile.forEach((source, n) -> rows.add(org.apache.spark.sql.RowFactory.create(source, n[0] + n[1], n[0],
          n[1])));
      return spark.createDataFrame(rows, INPUT_FILES_SCHEMA);
    }

    long accepted() {
      return total(acceptedByLanguage);
    }

    long rejected() {
      return total(rejectsByReason);
    }
  }

  /**
   * What goes to annotation: the records to annotate ({@code toAnnotate}, columns of {@link ScannedRecord}), how many
   * of them per language and with candidate passages, and their distinct passage texts ({@code distinct}, cached, see
   * {@link CandidateSelection#distinct}) with the passages they stand for.
   */
  record Candidates(Dataset<Row> toAnnotate, Map<String, Long> byLanguage, long articles, Dataset<Row> distinct,
      long passages, long distinctPassages) {
    long articlesToAnnotate() {
      return total(byLanguage);
    }

    long skippedLanguage() {
      return byLanguage.entrySet().stream().filter(e -> !LanguageDetector.ANNOTATED.contains(e.getKey()))
          .mapToLong(Map.Entry::getValue).sum();
    }

    void release() {
      distinct.unpersist();
    }
  }

  /** The sum of a map of counts. */
  private static long total(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The candidates of {@code all} (the census's records) for the increment; the distinct texts are cached. */
  private Candidates candidates(Dataset<Row> all, Increment increment, Census census) {
    Dataset<Row> accepted = all.filter(functions.col("reason").isNull());
    Dataset<Row> toAnnotate = increment.toAnnotate(accepted);
    Map<String, Long> byLanguage = census.acceptedByLanguage();
    long articles = census.acceptedCandidates();
    Dataset<Row> candidates = toAnnotate.filter(functions.size(functions.col("passages")).gt(0));
    if (toAnnotate != accepted) { // a nightly run annotates a part of the accepted articles: count that part
      byLanguage = new java.util.TreeMap<>();
      for (Row r : toAnnotate.groupBy("language").agg(functions.sum("records")).collectAsList()) { // per language
        byLanguage.put(r.getString(0), r.getLong(1));
      }
      articles = candidates.count();
    }
    // each distinct text is annotated once, and each of its contexts extracted once; one partition per core
    Dataset<Row> distinct = cached(CandidateSelection.distinct(CandidateSelection.passages(candidates))
        .coalesce(cores()));
    Row counts = distinct.agg(functions.coalesce(functions.sum(functions.aggregate(functions.col(
        CandidateSelection.CONTEXTS), functions.lit(0L), (n, c) -> n.plus(functions.size(c.getField(
        CandidateSelection.COPIES))))), functions.lit(0L)), functions.count(functions.lit(1))).first();
    return new Candidates(toAnnotate, byLanguage, articles, distinct, counts.getLong(0), counts.getLong(1));
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

  /** Runs {@code work} (it submits Spark jobs of its own) on the run's driver pool; remembered in {@code started}. */
  private static <T> CompletableFuture<T> async(ExecutorService pool, List<CompletableFuture<?>> started,
      java.util.function.Supplier<T> work) {
    CompletableFuture<T> f = CompletableFuture.supplyAsync(work, pool);
    started.add(f);
    return f;
  }

  /**
   * The value of work done in the background, or its own exception (a checked one wrapped, with {@code what} failed
   * as the message).
   */
  private static <T> T joined(CompletableFuture<T> work, String what) {
    try {
      return work.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      if (e.getCause() instanceof Error) {
        throw (Error) e.getCause();
      }
      throw new IllegalStateException(what, e.getCause());
    }
  }

  private static long ms(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }
}
