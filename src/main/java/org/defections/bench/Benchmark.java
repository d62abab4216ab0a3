package org.defections.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.defections.DefectionJob;
import org.defections.annotate.AnnotationPipeline;
import org.defections.annotate.CandidateScanner;
import org.defections.config.JobConfig;
import org.defections.ingest.ArticleReader;
import org.defections.ingest.ParsedRecord;
import org.defections.ingest.InputFormat;
import org.defections.lexicon.Lexicons;

/**
 * {@code defections bench}: three measurements on the same corpus, in the same Spark session.
 * <ol>
 *   <li>scan floor: the job's reader (parse and checks, not cached), then a count of trigger-phrase hits per accepted
 *   article, nothing else;</li>
 *   <li>the job, end to end, every table written (under {@code work/job-output});</li>
 *   <li>baseline: the job's Spark NLP pipeline over whole articles, as a peer without candidate selection would run
 *   it; on the first {@code baselineArticles} articles when the corpus has more, extrapolated by bytes and labelled
 *   so.</li>
 * </ol>
 * When the corpus was built here, a records check runs the job on the positives alone and counts the records of
 * that run that the benchmark run does not have (by person, origin, month and rank): candidate selection and the
 * mixing must not lose any. The result is one JSON object (see {@link #summary} for the human-readable table).
 */
public final class Benchmark {
  /** Options of one benchmark. {@code corpus} null means: build one from the sources. */
  public record Options(Path corpus, long sizeMb, double positivesShare, List<Path> negatives, List<Path> positives,
      Path work, int baselineArticles, String confFile, Map<String, String> overrides) {}

  private final SparkSession spark;

  public Benchmark(SparkSession spark) {
    this.spark = spark;
  }

  public ObjectNode run(Options o) throws IOException {
    if (o.baselineArticles() < 1) {
      throw new IllegalArgumentException("--baseline-articles must be a positive integer");
    }
    ObjectMapper om = new ObjectMapper();
    ObjectNode out = om.createObjectNode();
    Files.createDirectories(o.work());
    BenchCorpus.Built corpus;
    if (o.corpus() != null) {
      if (!Files.exists(o.corpus())) {
        throw new IllegalArgumentException("--corpus " + o.corpus() + " does not exist");
      }
      corpus = new BenchCorpus.Built(o.corpus(), sizeOf(o.corpus()), -1, -1, true);
    } else {
      Path file = o.work().resolve(String.format(java.util.Locale.ROOT, "corpus-%dmb-%s.jsonl", o.sizeMb(),
          Double.toString(o.positivesShare())));
      corpus = BenchCorpus.build(o.negatives(), o.positives(), o.sizeMb() * 1024 * 1024, o.positivesShare(), file);
    }
    ObjectNode c = out.putObject("corpus");
    c.put("path", corpus.file().toString());
    c.put("bytes", corpus.bytes());
    c.put("built", !corpus.reused());
    if (o.corpus() == null) {
      c.put("positives_share", o.positivesShare());
    }
    out.put("spark_master", spark.sparkContext().master());
    out.put("cores", spark.sparkContext().defaultParallelism());
    out.put("max_heap_bytes", ProcessStats.maxHeap());

    Map<String, String> overrides = new HashMap<>(o.overrides());
    overrides.put("input", corpus.file().toString());
    overrides.put("output", o.work().resolve("job-output").toString());
    JobConfig config = JobConfig.load(o.confFile(), overrides);
    Lexicons lexicons = Lexicons.load(config.lexiconsDir());

    try (ProcessStats stats = new ProcessStats()) {
      // 1. scan floor
      stats.reset();
      long t = System.nanoTime();
      long[] floor = scanFloor(config, lexicons);
      ObjectNode f = phase(out, "floor", seconds(t), corpus.bytes(), floor[0], stats.peak());
      f.put("trigger_hits", floor[1]);
      c.put("articles", floor[0]);

      // 2. the job
      stats.reset();
      t = System.nanoTime();
      ObjectNode manifest = new DefectionJob(spark, config).run();
      ObjectNode j = phase(out, "job", seconds(t), corpus.bytes(), manifest.at("/counts/read").asLong(),
          stats.peak());
      j.set("counts", manifest.get("counts"));
      j.set("stage_ms", manifest.get("timings_ms"));

      // 3. baseline on a sample
      Path sample = o.work().resolve("baseline-sample.jsonl");
      long sampleArticles = writeSample(corpus.file(), config, sample, o.baselineArticles());
      long sampleBytes = Files.size(sample);
      // the pipeline is built before the clock starts: a fixed cost must not be extrapolated with the sample
      PipelineModel pipeline = AnnotationPipeline.build(spark, lexicons, o.work().resolve("matchers"));
      stats.reset();
      t = System.nanoTime();
      baseline(sample.toString(), pipeline);
      double sampleSeconds = seconds(t);
      boolean whole = sampleArticles >= floor[0];
      double baselineSeconds = whole ? sampleSeconds : sampleSeconds * corpus.bytes() / sampleBytes;
      ObjectNode b = phase(out, "baseline", baselineSeconds, corpus.bytes(), floor[0], stats.peak());
      b.put("extrapolated", !whole);
      b.put("sample_articles", sampleArticles);
      b.put("sample_bytes", sampleBytes);
      b.put("sample_seconds", round(sampleSeconds));

      ObjectNode r = out.putObject("ratios");
      r.put("job_over_floor", round(out.at("/job/mb_per_s").asDouble() / out.at("/floor/mb_per_s").asDouble()));
      r.put("job_over_baseline", round(baselineSeconds / out.at("/job/seconds").asDouble()));

      // records check: what the job finds in the positives alone, it finds in the benchmark corpus
      if (o.corpus() == null && o.positivesShare() > 0) {
        out.set("records_check", recordsCheck(o, config, om));
      }
    }
    return out;
  }

  /** Articles read and trigger-stem hits: the cheapest job that still reads every article and looks at its text. */
  long[] scanFloor(JobConfig config, Lexicons lexicons) {
    Broadcast<Lexicons> lx = spark.sparkContext().broadcast(lexicons,
        scala.reflect.ClassTag$.MODULE$.apply(Lexicons.class));
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

  /** The first {@code n} accepted articles of the corpus as JSON lines; returns how many were written. */
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
  ObjectNode recordsCheck(Options o, JobConfig config, ObjectMapper om) {
    Map<String, String> overrides = new HashMap<>(o.overrides());
    overrides.put("input", o.positives().get(0).toString());
    overrides.put("output", o.work().resolve("positives-output").toString());
    JobConfig alone = JobConfig.load(o.confFile(), overrides);
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

  private static ObjectNode phase(ObjectNode out, String name, double seconds, long bytes, long articles,
      ProcessStats.Peak peak) {
    ObjectNode p = out.putObject(name);
    p.put("seconds", round(seconds));
    p.put("mb_per_s", round(bytes / 1048576.0 / seconds));
    p.put("articles_per_s", Math.round(articles / seconds));
    p.put("peak_heap_bytes", peak.heapBytes());
    p.put("peak_rss_bytes", peak.rssBytes());
    p.put("rss_peak_of_phase", peak.rssSincePhase());
    p.put("cpu_seconds", peak.cpuSeconds());
    p.put("jit_seconds", peak.jitSeconds());
    p.put("gc_seconds", peak.gcSeconds());
    return p;
  }

  /** The human-readable table of a result. */
  public static String summary(ObjectNode r) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(java.util.Locale.ROOT, "corpus %s: %.1f MB, %d articles%s; %s, %d cores, max heap %.1f "
            + "GiB%n", r.at("/corpus/path").asText(), r.at("/corpus/bytes").asLong() / 1048576.0,
        r.at("/corpus/articles").asLong(), r.at("/corpus").has("positives_share") ? ", positives share "
            + r.at("/corpus/positives_share").asDouble() : "", r.get("spark_master").asText(), r.get("cores").asInt(),
        r.get("max_heap_bytes").asLong() / 1073741824.0));
    s.append(String.format("%-10s %10s %10s %12s %14s %14s %8s %8s %8s%n", "phase", "seconds", "MB/s", "articles/s",
        "peak heap MB", "peak RSS MB", "CPU s", "JIT s", "GC s"));
    for (String p : List.of("floor", "job", "baseline")) {
      ObjectNode n = (ObjectNode) r.get(p);
      s.append(String.format(java.util.Locale.ROOT, "%-10s %10.1f %10.2f %12d %14d %14d %8.1f %8.1f %8.1f%s%n", p,
          n.get("seconds").asDouble(), n.get("mb_per_s").asDouble(), n.get("articles_per_s").asLong(),
          n.get("peak_heap_bytes").asLong() >> 20, n.get("peak_rss_bytes").asLong() >> 20,
          n.path("cpu_seconds").asDouble(-1), n.path("jit_seconds").asDouble(-1), n.path("gc_seconds").asDouble(-1),
          p.equals("baseline") && n.get("extrapolated").asBoolean() ? String.format(java.util.Locale.ROOT,
              "   (extrapolated from %d articles, %.1f MB, %.1f s; CPU, JIT and GC of that sample)",
              n.get("sample_articles").asLong(), n.get("sample_bytes").asLong() / 1048576.0,
              n.get("sample_seconds").asDouble()) : ""));
    }
    s.append(String.format(java.util.Locale.ROOT, "job / floor throughput %.2f; job / baseline throughput %.1f%n",
        r.at("/ratios/job_over_floor").asDouble(), r.at("/ratios/job_over_baseline").asDouble()));
    Map<String, Long> stages = new LinkedHashMap<>();
    r.at("/job/stage_ms").fields().forEachRemaining(e -> stages.put(e.getKey(), e.getValue().asLong()));
    s.append("job stages (ms): ").append(stages).append('\n');
    s.append(String.format("reached Spark NLP: %d of %d articles (%d passages, %d distinct texts annotated); %d "
            + "mentions, %d records%n", r.at("/job/counts/candidate_articles").asLong(),
        r.at("/job/counts/accepted").asLong(), r.at("/job/counts/passages").asLong(),
        r.at("/job/counts/passages_annotated").asLong(), r.at("/job/counts/mentions").asLong(),
        r.at("/job/counts/records").asLong()));
    if (r.has("records_check")) {
      s.append(String.format("records check: %d records in the positives alone, %d of them missing in the benchmark"
              + " run %s%n", r.at("/records_check/records_in_positives_alone").asLong(),
          r.at("/records_check/of_them_missing_in_benchmark_run").asLong(), r.at("/records_check/missing")));
    }
    return s.toString();
  }

  private static long sizeOf(Path p) throws IOException {
    if (Files.isRegularFile(p)) {
      return Files.size(p);
    }
    try (var files = Files.walk(p)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
