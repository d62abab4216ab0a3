package org.defections.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.defections.DefectionJob;
import org.defections.annotate.AnnotationPipeline;
import org.defections.candidates.CandidateScanner;
import org.defections.config.JobConfig;
import org.defections.ingest.ArticleReader;
import org.defections.ingest.InputFormat;
import org.defections.ingest.ParsedRecord;
import org.defections.lexicon.Lexicons;
import org.defections.lexicon.SharedLexicons;

/**
 * The benchmark's phases, run in this JVM on the session given. Each phase is timed around its work, the session
 * already started, with its process figures ({@link ProcessStats}):
 * <ul>
 *   <li>{@code floor}: the job's reader (parse and checks, not cached), then a count of trigger-phrase hits per
 *   accepted article, nothing else;</li>
 *   <li>{@code job}: the job, end to end, every table written (under {@code work/job-output}); then, untimed, the
 *   records check when positives are given;</li>
 *   <li>{@code baseline}: the job's Spark NLP pipeline over whole articles, as a peer without candidate selection would
 *   run it, on the first {@code baselineArticles} articles. When the corpus has more, the sample is annotated twice:
 *   the first pass (cold, as a peer's run begins) stands for the sample's bytes, the second (the code compiled) for
 *   the rest of the corpus, extrapolated by bytes and labelled so; a one-off cost is not multiplied with the
 *   corpus.</li>
 * </ul>
 */
public final class Phases implements PhaseRunner {
  private final SparkSession spark;
  private final ObjectMapper om = new ObjectMapper();

  public Phases(SparkSession spark) {
    this.spark = spark;
  }

  @Override
  public String jvm() {
    return "one for all phases, in the order floor, job, baseline: each runs on the code the ones before compiled";
  }

  @Override
  public ObjectNode run(PhaseInput in) throws IOException {
    JobConfig config = config(in, in.corpus(), "job-output");
    ObjectNode out = om.createObjectNode();
    out.put("spark_master", spark.sparkContext().master());
    out.put("cores", spark.sparkContext().defaultParallelism());
    out.put("max_heap_bytes", ProcessStats.maxHeap());
    try (ProcessStats stats = new ProcessStats()) {
      switch (in.phase()) {
        case PhaseInput.FLOOR -> {
          Lexicons lexicons = Lexicons.load(config.lexiconsDir());
          stats.reset();
          long t = System.nanoTime();
          long[] floor = scanFloor(config, lexicons);
          ObjectNode f = figures(out, seconds(t), in.corpusBytes(), floor[0], stats.peak());
          f.put("articles", floor[0]);
          f.put("trigger_hits", floor[1]);
        }
        case PhaseInput.JOB -> {
          stats.reset();
          long t = System.nanoTime();
          ObjectNode manifest = new DefectionJob(spark, config).run();
          ObjectNode j = figures(out, seconds(t), in.corpusBytes(), manifest.at("/counts/read").asLong(),
              stats.peak());
          j.set("counts", manifest.get("counts"));
          j.set("stage_ms", manifest.get("timings_ms"));
          if (in.positives() != null) {
            out.set("records_check", recordsCheck(in, config));
          }
        }
        default -> baseline(in, config, stats, out);
      }
    }
    return out;
  }

  /** The run's configuration with {@code input} as the input and {@code work/outputDir} as the output. */
  private static JobConfig config(PhaseInput in, String input, String outputDir) {
    Map<String, String> overrides = new HashMap<>(in.overrides());
    overrides.put("input", input);
    overrides.put("output", Paths.get(in.work()).resolve(outputDir).toString());
    return JobConfig.load(in.confFile(), overrides);
  }

  /** Articles read and trigger-stem hits: the cheapest job that still reads every article and looks at its text. */
  long[] scanFloor(JobConfig config, Lexicons lexicons) {
    SharedLexicons lx = SharedLexicons.broadcast(spark.sparkContext(), lexicons);
    int context = config.contextParagraphs();
    int max = config.maxPassageChars();
    // the job's reader, not cached: every record is parsed and checked once, as in the job's one pass
    ArticleReader.Parsed input = new ArticleReader(spark, config.maxTextChars()).parse(config.input(),
        config.format());
    Dataset<Long> hits = input.mapRecords((MapPartitionsFunction<ParsedRecord, Long>) it -> {
      CandidateScanner scanner = new CandidateScanner(lx.value(), context, max);
      long n = 0;
      long h = 0;
      while (it.hasNext()) {
        ParsedRecord r = it.next();
        if (r.getReason() == null) {
          h += scanner.countHits(r.getText());
          n++;
        }
      }
      return List.of(n, h).iterator();
    }, Encoders.LONG());
    // pairs (articles, hits) per partition, summed on the driver: two numbers per partition
    List<Long> parts = hits.collectAsList();
    long n = 0;
    long h = 0;
    for (int i = 0; i + 1 < parts.size(); i += 2) {
      n += parts.get(i);
      h += parts.get(i + 1);
    }
    return new long[] {n, h};
  }

  /** The baseline phase: the sample written, the pipeline built (untimed), then one or two timed passes. */
  private void baseline(PhaseInput in, JobConfig config, ProcessStats stats, ObjectNode out) throws IOException {
    Path work = Paths.get(in.work());
    Path sample = work.resolve("baseline-sample.jsonl");
    long sampleArticles = writeSample(Paths.get(in.corpus()), config, sample, in.baselineArticles());
    long sampleBytes = Files.size(sample);
    boolean whole = in.corpusArticles() >= 0 && sampleArticles >= in.corpusArticles();
    // the pipeline is built before the clock starts: a fixed cost, the same for any corpus
    PipelineModel pipeline = AnnotationPipeline.build(Lexicons.load(config.lexiconsDir()), "en");
    stats.reset();
    long t = System.nanoTime();
    baseline(sample.toString(), pipeline);
    double cold = seconds(t);
    double warm = -1;
    double total = cold;
    if (!whole) {
      t = System.nanoTime();
      baseline(sample.toString(), pipeline);
      warm = seconds(t);
      total = cold + warm * Math.max(0, in.corpusBytes() - sampleBytes) / sampleBytes;
    }
    ObjectNode b = figures(out, total, in.corpusBytes(), Math.max(in.corpusArticles(), sampleArticles),
        stats.peak());
    b.put("extrapolated", !whole);
    b.put("sample_articles", sampleArticles);
    b.put("sample_bytes", sampleBytes);
    b.put("sample_seconds", round(cold));
    if (!whole) {
      b.put("sample_seconds_again", round(warm));
    }
  }

  /** The first {@code n} records of the corpus as JSON lines; returns how many were written. */
  long writeSample(Path corpus, JobConfig config, Path sample, int n) throws IOException {
    if (Files.isRegularFile(corpus) && new ArticleReader(spark, config.maxTextChars()).detect(corpus.toString())
        == InputFormat.JSONL) {
      long written = 0;
      try (BufferedReader r = Files.newBufferedReader(corpus, StandardCharsets.UTF_8);
          BufferedWriter w = Files.newBufferedWriter(sample, StandardCharsets.UTF_8)) {
        String line;
        while (written < n && (line = r.readLine()) != null) {
          if (!line.isBlank()) {
            w.write(line);
            w.write('\n');
            written++;
          }
        }
      }
      return written;
    }
    ArticleReader.Ingested in = new ArticleReader(spark, config.maxTextChars()).read(config.input(),
        config.format());
    List<String> lines = in.articles().limit(n).select("id", "url", "published", "title", "text").toJSON()
        .collectAsList();
    in.release();
    Files.write(sample, lines, StandardCharsets.UTF_8);
    return lines.size();
  }

  /** A peer's run: every article, whole, through the job's Spark NLP pipeline (all annotation columns computed). */
  void baseline(String sample, PipelineModel pipeline) {
    ArticleReader.Ingested in = new ArticleReader(spark, Integer.MAX_VALUE).read(sample, InputFormat.JSONL);
    pipeline.transform(in.articles().select(functions.col("text"))).write().format("noop").mode("overwrite").save();
    in.release();
  }

  /** Runs the job on the positives alone and looks up each of its records in the benchmark run's records. */
  ObjectNode recordsCheck(PhaseInput in, JobConfig config) {
    JobConfig alone = config(in, in.positives(), "positives-output");
    new DefectionJob(spark, alone).run();
    Set<String> expected = keys(alone.output());
    Set<String> found = keys(config.output());
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(found);
    ObjectNode r = om.createObjectNode();
    r.put("records_in_positives_alone", expected.size());
    r.put("of_them_missing_in_benchmark_run", missing.size());
    r.set("missing", om.valueToTree(missing));
    return r;
  }

  private Set<String> keys(String output) {
    Set<String> out = new TreeSet<>();
    for (Row row : spark.read().parquet(output + "/defections").select(functions.concat_ws(" | ",
        functions.coalesce(functions.col("person_name"), functions.lit("-")), functions.col("origin_country"),
        functions.coalesce(functions.col("event_month"), functions.lit("-")),
        functions.coalesce(functions.col("rank"), functions.lit("-")))).distinct().collectAsList()) {
      out.add(row.getString(0)); // the records table: small, one row per defection
    }
    return out;
  }

  /** The phase's figures, as {@code out.phase}: throughput from the corpus's size, and the process's. */
  private static ObjectNode figures(ObjectNode out, double seconds, long bytes, long articles,
      ProcessStats.Peak peak) {
    ObjectNode p = out.putObject("phase");
    p.put("seconds", round(seconds));
    p.put("mb_per_s", round(bytes / 1048576.0 / seconds));
    p.put("articles_per_s", Math.round(articles / seconds));
    p.put("peak_heap_bytes", peak.heapBytes());
    p.put("peak_rss_bytes", peak.rssBytes());
    p.put("rss_peak_of_phase", peak.rssSincePhase());
    p.put("cpu_seconds", peak.cpuSeconds());
    p.put("jit_seconds", peak.jitSeconds());
    p.put("gc_seconds", peak.gcSeconds());
    p.put("pid", ProcessHandle.current().pid());
    return p;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
