package org.defections.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.defections.DefectionJob;
import org.defections.config.JobConfig;
import org.defections.evaluate.Evaluation;
import org.defections.evaluate.RuleStats;
import org.defections.nightly.NightlyJob;

/**
 * Command line: parses options and runs the job. {@code main} only parses and calls; it exits 2 on bad options
 * and 1 on a failed run, printing one clear message.
 */
public final class Main {
  static final String USAGE = String.join("\n",
      "usage: defections run --input PATH --output DIR [--format auto|text|jsonl|csv|parquet] [--conf FILE]",
      "                      [--master URL] [--max-text-chars N] [--max-reject-rate R] [--no-candidate-selection]",
      "",
      "  run                      run the job: ingest, annotate, extract, resolve, aggregate, write Parquet tables",
      "  --input PATH             a directory of .txt files, a JSON-lines file, a CSV file with a header, or Parquet",
      "                           (bin/defections uses the bundled sample corpus when --input is left out)",
      "  --output DIR             where the tables go: defections, mentions, rejects, the four aggregates and",
      "                           _manifest.json; must be empty, absent or an earlier output of this job",
      "  --format F               auto (default: by extension, then content), text, jsonl, csv, parquet",
      "  --conf FILE              a HOCON file (see conf/application.conf); command-line options win over it",
      "  --master URL             Spark master (default: the one given to spark-submit, else local[*])",
      "  --max-text-chars N       articles with longer text are rejected as text_too_large",
      "  --max-reject-rate R      fail (publish nothing) when more than this share of input is rejected (0.5)",
      "  --no-candidate-selection annotate whole articles (slow; for checks)",
      "  --ui                     keep Spark's web UI on a local master (off by default; http://localhost:4040)",
      "  -h, --help               this help",
      "",
      "usage: defections nightly --input PATH --warehouse DIR [--keep N] [--run-date YYYY-MM-DD] [run's options]",
      "",
      "  nightly                  incremental recompute: annotates only articles not seen before (id and content",
      "                           hash), resolves and aggregates over all nights' mentions into a new version of",
      "                           DIR/versions/, then switches DIR/CURRENT (and the DIR/current link) to it",
      "  --warehouse DIR          the warehouse (versions, state, CURRENT, lock)",
      "  --keep N                 complete versions kept (default 7)",
      "  --run-date D             the night computed, recorded in the manifest (default today, UTC)",
      "",
      "usage: defections evaluate --gold FILE --input PATH [--output DIR] [--json] [run's options]",
      "",
      "  evaluate                 runs the job on PATH and scores its records against the gold records in FILE",
      "                           as ../shared/eval/score.py does: missed, spurious and wrong-field lines, then",
      "                           precision, recall, F1, strict F1 and per-field accuracy",
      "  --gold FILE              gold records, one JSON object per line (score.py's format)",
      "  --output DIR             where the run's tables go (default: a new temporary directory)",
      "  --json                   print only the figures, as one JSON line (score.py --json)",
      "",
      "usage: defections bench [--size-mb N] [--positives-share P] [--corpus PATH] [--work DIR]",
      "                        [--baseline-articles N] [--negatives FILE,FILE...] [--positives FILE] [--one-jvm]",
      "                        [--rounds N] [run's options]",
      "",
      "  bench                    measures, on one corpus with the same settings: the scan floor (the job's reader",
      "                           and a trigger-word count), the job end to end, and the baseline (Spark NLP over",
      "                           every whole article, on a sample, extrapolated), each in a fresh JVM with an",
      "                           embedded Spark; prints a table and one JSON line, also appended to",
      "                           WORK/bench-results.jsonl",
      "  --size-mb N              size of the built corpus (default 1024)",
      "  --positives-share P      share of articles that are positives (default 0.01)",
      "  --corpus PATH            benchmark this input instead of building one",
      "  --work DIR               corpus, outputs and results (default out/bench; a built corpus is reused)",
      "  --baseline-articles N    articles the baseline annotates before extrapolating (default 10000)",
      "  --negatives, --positives JSON-lines sources (default ../shared/corpus reuters21578 and bbc; ../shared/eval/",
      "                           dev/articles.jsonl, beside the project)",
      "  --one-jvm                the three phases one after the other in this JVM's Spark session (always so under",
      "                           a cluster's master or spark-submit): each then runs on the code the phases before",
      "                           it compiled",
      "  --rounds N               run the three phases N times in turn (default 1) and report each phase's median",
      "                           run, with its seconds in every round and the ratios round by round",
      "",
      ResolutionBenchCommand.USAGE,
      "",
      "usage: defections inspect PATH",
      "",
      "  inspect                  Parquet footers of a table or of every table of an output: schema, files, row",
      "                           groups, rows, sizes, codecs, column statistics",
      "",
      "usage: defections report --output DIR [--report FILE] [--top N] [--master URL]",
      "",
      "  report                   a static HTML report (charts as inline SVG) of the tables in DIR",
      "  --output DIR             an output directory of `defections run`",
      "  --report FILE            where the report goes (default DIR/report.html)",
      "  --top N                  records listed (default 25)",
      "",
      SqlCommand.USAGE,
      "",
      TryCommand.USAGE);

  private Main() {}

  public static void main(String[] args) {
    int code = run(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the command line; returns the exit code. */
  public static int run(String[] args) {
    if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
      System.out.println(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    switch (args[0]) {
      case "run":
      case "nightly":
        return handled(() -> job(args, args[0].equals("nightly")));
      case "evaluate":
        return handled(() -> evaluate(args));
      case "inspect":
        return handled(() -> ReportCommand.inspect(args));
      case "bench":
        return handled(() -> BenchCommand.bench(args));
      case "bench-phase":
        return handled(() -> benchPhase(args));
      case "report":
        return handled(() -> ReportCommand.report(args));
      case "try":
        return handled(() -> TryCommand.run(args, System.out));
      case "sql":
        return handled(() -> SqlCommand.run(args, System.out));
      default:
        System.err.println("defections: unknown command '" + args[0] + "'\n" + USAGE);
        return 2;
    }
  }

  /** A command's body: returns its exit code; throws on bad options (exit 2) or a failed run (exit 1). */
  private interface Command {
    int run() throws IOException;
  }

  /** Runs a command, turning its failure into one clear message: 2 for bad options, 1 for a failed run. */
  private static int handled(Command c) {
    try {
      return c.run();
    } catch (org.defections.extract.pattern.PatternException e) {
      System.err.println("defections: a rule file is wrong: " + e.getMessage());
      return 2;
    } catch (IllegalStateException | IOException | UncheckedIOException e) {
      System.err.println("defections: " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      System.err.println("defections: " + e.getMessage());
      return 2;
    }
  }

  /** Command-line options of the job to configuration keys (without the "defections." prefix). */
  private static final Map<String, String> JOB_OPTIONS = Map.of("--input", "input", "--output", "output",
      "--format", "format", "--master", "spark.master", "--max-text-chars", "ingest.max-text-chars",
      "--max-reject-rate", "ingest.max-reject-rate", "--warehouse", "nightly.warehouse",
      "--keep", "nightly.keep-versions", "--run-date", "nightly.run-date");
  static final Set<String> NIGHTLY_OPTIONS = Set.of("--warehouse", "--keep", "--run-date");

  /** The job options shared by run, nightly and evaluate: configuration overrides and the --conf file. */
  static final class JobOptions {
    final Map<String, String> overrides = new LinkedHashMap<>();
    String conf;

    /** Takes the job option at {@code args[i]}; returns the index of its last token, or -1 when it is none. */
    int take(String[] args, int i) {
      String a = args[i];
      if (a.equals("--conf")) {
        conf = value(args, i + 1, a);
        return i + 1;
      }
      if (a.equals("--no-candidate-selection")) {
        overrides.put("candidates.enabled", "false");
        return i;
      }
      if (a.equals("--ui")) {
        overrides.put("spark.ui", "true");
        return i;
      }
      String key = JOB_OPTIONS.get(a);
      if (key == null) {
        return -1;
      }
      overrides.put(key, value(args, i + 1, a));
      return i + 1;
    }
  }

  /** {@code run} and {@code nightly}: the job once into --output, or one night into --warehouse. */
  static int job(String[] args, boolean nightly) {
    JobOptions options = new JobOptions();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) {
        System.out.println(USAGE);
        return 0;
      }
      if (!nightly && NIGHTLY_OPTIONS.contains(a)) {
        throw new IllegalArgumentException("option " + a + " is for `defections nightly`, not run");
      }
      i = taken(options.take(args, i), a, "");
    }
    if (nightly && options.overrides.containsKey("output")) {
      throw new IllegalArgumentException("nightly writes versions into --warehouse DIR; --output is for run");
    }
    JobConfig config = JobConfig.load(options.conf, options.overrides);
    if (nightly && config.warehouse().isBlank()) {
      throw new IllegalArgumentException("nightly needs --warehouse DIR");
    }
    SparkSession spark = session(nightly ? "defections-nightly" : "defections", config.master(), config.ui());
    Progress progress = new Progress(System.err, config.progressSeconds() * 1000L);
    spark.sparkContext().addSparkListener(progress);
    try (progress) {
      ObjectNode manifest = nightly ? new NightlyJob(spark, config).run() : new DefectionJob(spark, config).run();
      System.out.println(summary(manifest));
    } finally {
      spark.stop();
    }
    return 0;
  }

  /** {@code evaluate}: runs the job on an annotated input and scores its records against the gold file. */
  static int evaluate(String[] args) throws IOException {
    JobOptions options = new JobOptions();
    String gold = null;
    boolean json = false;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--gold")) {
        gold = value(args, ++i, a);
      } else if (a.equals("--json")) {
        json = true;
      } else if (NIGHTLY_OPTIONS.contains(a)) {
        throw new IllegalArgumentException("unknown option '" + a + "' for evaluate");
      } else {
        i = taken(options.take(args, i), a, " for evaluate");
      }
    }
    if (gold == null) {
      throw new IllegalArgumentException("evaluate needs --gold FILE (gold records, one JSON object per line)");
    }
    if (!options.overrides.containsKey("output")) {
      options.overrides.put("output", Files.createTempDirectory("defections-evaluate").resolve("out").toString());
    }
    List<JsonNode> goldRecords = Evaluation.readGold(Paths.get(gold)); // a bad gold file fails before the run
    JobConfig config = JobConfig.load(options.conf, options.overrides);
    SparkSession spark = session("defections-evaluate", config.master());
    try {
      Evaluation.Scored s = new Evaluation(spark).run(config, goldRecords);
      if (json) {
        com.fasterxml.jackson.databind.node.ObjectNode figures = s.result().figures();
        figures.set("rules", RuleStats.json(s.rules()));
        System.out.print(figures + "\n");
      } else {
        System.out.print(Evaluation.show(s.result()) + RuleStats.show(s.rules()));
      }
    } finally {
      spark.stop();
    }
    return 0;
  }

  /**
   * {@code bench-phase INPUT RESULT} (internal, started by {@code bench}): one benchmark phase ({@link
   * org.defections.bench.PhaseInput} as JSON in INPUT) on an embedded Spark with the run's master; writes what it
   * measured to RESULT.
   */
  static int benchPhase(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: defections bench-phase INPUT RESULT (started by bench)");
    }
    com.fasterxml.jackson.databind.ObjectMapper om = new com.fasterxml.jackson.databind.ObjectMapper();
    org.defections.bench.PhaseInput in = om.readValue(Paths.get(args[1]).toFile(),
        org.defections.bench.PhaseInput.class);
    SparkSession spark = session("defections-bench-" + in.phase(), in.overrides().getOrDefault("spark.master", ""));
    try {
      ObjectNode result = new org.defections.bench.Phases(spark).run(in);
      Path out = Paths.get(args[2]);
      Path partial = out.resolveSibling(out.getFileName() + ".partial");
      om.writeValue(partial.toFile(), result);
      Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      spark.stop();
    }
    return 0;
  }

  static long positiveNumber(String v, String option) {
    try {
      long n = Long.parseLong(v);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " must be a positive integer, got '" + v + "'");
  }





  /** The index {@link JobOptions#take} returned, or a bad-option error when the option was not a job option. */
  static int taken(int last, String option, String where) {
    if (last < 0) {
      throw new IllegalArgumentException("unknown option '" + option + "'" + where);
    }
    return last;
  }

  /** The master a session gets: {@code master} (--master) if given, else spark-submit's, else local[*]. */
  static String effectiveMaster(String master) {
    String submitted = System.getProperty("spark.master");
    return !master.isEmpty() ? master : submitted == null ? "local[*]" : submitted;
  }

  static SparkSession session(String appName, String master) {
    return session(appName, master, false);
  }

  /**
   * The job's SparkSession. {@code master} empty means: the master spark-submit set (system property
   * {@code spark.master}), else an embedded {@code local[*]}. The web UI of a local master is off unless {@code ui}
   * ({@code --ui}) or {@code spark.ui.enabled} is set (e.g. {@code spark-submit --conf spark.ui.enabled=true}).
   */
  static SparkSession session(String appName, String master, boolean ui) {
    String effective = effectiveMaster(master);
    SparkSession.Builder b = SparkSession.builder().appName(appName).config("spark.sql.session.timeZone", "UTC");
    if (!effective.equals(System.getProperty("spark.master"))) { // --master, or nothing submitted: set it here
      b.master(effective);
    }
    if (ui) {
      b.config("spark.ui.enabled", "true");
    } else if (effective.startsWith("local") && System.getProperty("spark.ui.enabled") == null) {
      b.config("spark.ui.enabled", "false");
    }
    SparkSession spark = b.getOrCreate();
    if (effective.startsWith("local")) {
      localDefaults(spark.sparkContext().getConf(), spark.sparkContext().defaultParallelism())
          .forEach((k, v) -> spark.conf().set(k, v));
    }
    return spark;
  }

  /**
   * SQL settings for an embedded local Spark that the user has not set ({@code -Dspark...}, spark-submit or its
   * properties file): one shuffle partition per core ({@code spark.sql.shuffle.partitions}, else 200) and no
   * adaptive execution ({@code spark.sql.adaptive.enabled}). After the one pass over the text the job's shuffles
   * are small, and with a few cores Spark's per-query planning is their cost: adaptive execution plans every query
   * again after each stage. Measured with the bench (docs/decisions/003). A cluster keeps its own settings.
   */
  static java.util.Map<String, String> localDefaults(org.apache.spark.SparkConf conf, int cores) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    if (!conf.contains("spark.sql.shuffle.partitions")) {
      out.put("spark.sql.shuffle.partitions", Integer.toString(Math.max(1, cores)));
    }
    if (!conf.contains("spark.sql.adaptive.enabled")) {
      out.put("spark.sql.adaptive.enabled", "false");
    }
    return out;
  }

  static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException("option " + option + " needs a value");
    }
    return args[i];
  }

  static String summary(ObjectNode m) {
    var c = m.get("counts");
    return String.format("defections: run %s wrote %s%n  read %d = accepted %d + rejected %d %s%n"
            + "  languages %s (skipped, not annotated: %d)%n"
            + "  candidate articles %d, passages %d (distinct texts annotated %d), mentions %d, records %d%n"
            + "  time %d ms",
        m.get("run_id").asText(), m.get("output").asText(), c.get("read").asLong(), c.get("accepted").asLong(),
        c.get("rejected").asLong(), m.get("rejects_by_reason").toString(), m.get("articles_by_language").toString(),
        c.get("skipped_language").asLong(), c.get("candidate_articles").asLong(),
        c.get("passages").asLong(), c.get("passages_annotated").asLong(), c.get("mentions").asLong(), c.get("records").asLong(),
        m.get("timings_ms").get("total_ms").asLong())
        + (m.has("nightly") ? String.format("%n  nightly %s: %d articles in input, %d new (annotated), %d already seen;"
            + " version %s is current (previous %s); versions deleted %s", m.at("/nightly/run_date").asText(),
            m.at("/nightly/articles_in_input").asLong(), m.at("/nightly/articles_new").asLong(),
            m.at("/nightly/articles_already_seen").asLong(), m.at("/nightly/version").asText(),
            m.at("/nightly/previous_version").asText(), m.at("/nightly/versions_deleted")) : "");
  }
}
