package org.defections.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.defections.DefectionJob;
import org.defections.config.JobConfig;
import org.defections.nightly.NightlyJob;
import org.defections.report.HtmlReport;
import org.defections.report.ReportData;
import org.defections.report.ReportLoader;

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
      "  --top N                  records listed (default 25)");

  private Main() {}

  public static void main(String[] args) {
    int code = run(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the command line; returns the exit code. */
  public static int run(String[] args) {
    Map<String, String> overrides = new LinkedHashMap<>();
    String conf = null;
    if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
      System.out.println(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    if (args[0].equals("report")) {
      return report(args);
    }
    if (args[0].equals("evaluate")) {
      return evaluate(args);
    }
    if (args[0].equals("inspect")) {
      return inspect(args);
    }
    boolean nightly = args[0].equals("nightly");
    if (!args[0].equals("run") && !nightly) {
      System.err.println("defections: unknown command '" + args[0] + "'\n" + USAGE);
      return 2;
    }
    try {
      for (int i = 1; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "-h":
          case "--help":
            System.out.println(USAGE);
            return 0;
          case "--input":
            overrides.put("input", value(args, ++i, a));
            break;
          case "--output":
            overrides.put("output", value(args, ++i, a));
            break;
          case "--format":
            overrides.put("format", value(args, ++i, a));
            break;
          case "--conf":
            conf = value(args, ++i, a);
            break;
          case "--master":
            overrides.put("spark.master", value(args, ++i, a));
            break;
          case "--max-text-chars":
            overrides.put("ingest.max-text-chars", value(args, ++i, a));
            break;
          case "--max-reject-rate":
            overrides.put("ingest.max-reject-rate", value(args, ++i, a));
            break;
          case "--no-candidate-selection":
            overrides.put("candidates.enabled", "false");
            break;
          case "--warehouse":
          case "--keep":
          case "--run-date":
            if (!nightly) {
              throw new IllegalArgumentException("option " + a + " is for `defections nightly`, not run");
            }
            overrides.put(a.equals("--warehouse") ? "nightly.warehouse" : a.equals("--keep")
                ? "nightly.keep-versions" : "nightly.run-date", value(args, ++i, a));
            break;
          default:
            throw new IllegalArgumentException("unknown option '" + a + "'");
        }
      }
      if (nightly && overrides.containsKey("output")) {
        throw new IllegalArgumentException("nightly writes versions into --warehouse DIR; --output is for run");
      }
      JobConfig config = JobConfig.load(conf, overrides);
      if (nightly && config.warehouse().isBlank()) {
        throw new IllegalArgumentException("nightly needs --warehouse DIR");
      }
      SparkSession spark = session(nightly ? "defections-nightly" : "defections", config.master());
      Progress progress = new Progress(System.err, config.progressSeconds() * 1000L);
      spark.sparkContext().addSparkListener(progress);
      try (progress) {
        ObjectNode manifest = nightly ? new NightlyJob(spark, config).run() : new DefectionJob(spark, config).run();
        System.out.println(summary(manifest));
      } finally {
        spark.stop();
      }
      return 0;
    } catch (IllegalStateException e) {
      System.err.println("defections: " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      System.err.println("defections: " + e.getMessage());
      return 2;
    }
  }

  /** {@code evaluate}: runs the job on an annotated input and scores its records against the gold file. */
  static int evaluate(String[] args) {
    Map<String, String> overrides = new LinkedHashMap<>();
    String conf = null;
    String gold = null;
    boolean json = false;
    try {
      for (int i = 1; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--gold":
            gold = value(args, ++i, a);
            break;
          case "--json":
            json = true;
            break;
          case "--input":
          case "--output":
          case "--format":
          case "--master":
            overrides.put(a.equals("--master") ? "spark.master" : a.substring(2), value(args, ++i, a));
            break;
          case "--conf":
            conf = value(args, ++i, a);
            break;
          case "--max-text-chars":
            overrides.put("ingest.max-text-chars", value(args, ++i, a));
            break;
          default:
            throw new IllegalArgumentException("unknown option '" + a + "' for evaluate");
        }
      }
      if (gold == null) {
        throw new IllegalArgumentException("evaluate needs --gold FILE (gold records, one JSON object per line)");
      }
      if (!overrides.containsKey("output")) {
        overrides.put("output", java.nio.file.Files.createTempDirectory("defections-evaluate").resolve("out")
            .toString());
      }
      java.nio.file.Path goldPath = java.nio.file.Paths.get(gold);
      org.defections.evaluate.Evaluation.readGold(goldPath); // a bad gold file fails before the run
      JobConfig config = JobConfig.load(conf, overrides);
      SparkSession spark = session("defections-evaluate", config.master());
      try {
        org.defections.evaluate.Scorer.Result r = new org.defections.evaluate.Evaluation(spark).run(config, goldPath);
        System.out.print(json ? r.figures().toString() + "\n" : org.defections.evaluate.Evaluation.show(r));
      } finally {
        spark.stop();
      }
      return 0;
    } catch (IllegalStateException e) {
      System.err.println("defections: " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      System.err.println("defections: " + e.getMessage());
      return 2;
    } catch (java.io.IOException e) {
      System.err.println("defections: " + e.getMessage());
      return 1;
    }
  }

  /** {@code inspect}: prints the Parquet footers of a table folder or of an output's tables. */
  static int inspect(String[] args) {
    if (args.length != 2 || args[1].startsWith("-")) {
      System.err.println("defections: inspect needs one PATH (a table folder, a Parquet file or an output directory)");
      return 2;
    }
    try {
      System.out.print(new org.defections.write.ParquetInspector(new org.apache.hadoop.conf.Configuration())
          .describe(args[1]));
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("defections: " + e.getMessage());
      return 2;
    }
  }

  /** {@code report}: reads the tables of an output directory and writes the HTML report. */
  static int report(String[] args) {
    String output = null;
    String file = null;
    String master = "";
    int top = 25;
    try {
      for (int i = 1; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "-h":
          case "--help":
            System.out.println(USAGE);
            return 0;
          case "--output":
            output = value(args, ++i, a);
            break;
          case "--report":
            file = value(args, ++i, a);
            break;
          case "--master":
            master = value(args, ++i, a);
            break;
          case "--top":
            String v = value(args, ++i, a);
            try {
              top = Integer.parseInt(v);
            } catch (NumberFormatException e) {
              top = -1;
            }
            if (top < 1) {
              throw new IllegalArgumentException("--top must be a positive integer, got '" + v + "'");
            }
            break;
          default:
            throw new IllegalArgumentException("unknown option '" + a + "' for report");
        }
      }
      if (output == null) {
        throw new IllegalArgumentException("report needs --output DIR (an output directory of `defections run`)");
      }
      java.nio.file.Path target = java.nio.file.Paths.get(file != null ? file : output + "/report.html");
      SparkSession spark = session("defections-report", master);
      try {
        ReportData data = new ReportLoader(spark).load(output, top, 20);
        java.nio.file.Files.writeString(target, HtmlReport.render(data), java.nio.charset.StandardCharsets.UTF_8);
        System.out.printf("defections: report of run %s written to %s (%d records, %d people known)%n", data.runId,
            target, data.totals.get("records"), data.totals.get("people_known"));
      } finally {
        spark.stop();
      }
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("defections: " + e.getMessage());
      return 2;
    } catch (java.io.IOException e) {
      System.err.println("defections: cannot write the report: " + e.getMessage());
      return 1;
    }
  }

  /**
   * The job's SparkSession. {@code master} empty means: the master spark-submit set (system property
   * {@code spark.master}), else an embedded {@code local[*]}; the web UI is off only for the embedded one.
   */
  static SparkSession session(String appName, String master) {
    String submitted = System.getProperty("spark.master");
    SparkSession.Builder b = SparkSession.builder().appName(appName).config("spark.sql.session.timeZone", "UTC");
    if (!master.isEmpty()) {
      b.master(master);
    } else if (submitted == null) {
      b.master("local[*]");
    }
    String effective = !master.isEmpty() ? master : submitted == null ? "local[*]" : submitted;
    if (effective.startsWith("local")) {
      b.config("spark.ui.enabled", "false");
    }
    return b.getOrCreate();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException("option " + option + " needs a value");
    }
    return args[i];
  }

  static String summary(ObjectNode m) {
    var c = m.get("counts");
    return String.format("defections: run %s wrote %s%n  read %d = accepted %d + rejected %d %s%n"
            + "  languages %s (skipped, not annotated: %d)%n"
            + "  candidate articles %d, passages annotated %d, mentions %d, records %d%n  time %d ms",
        m.get("run_id").asText(), m.get("output").asText(), c.get("read").asLong(), c.get("accepted").asLong(),
        c.get("rejected").asLong(), m.get("rejects_by_reason").toString(), m.get("articles_by_language").toString(),
        c.get("skipped_language").asLong(), c.get("candidate_articles").asLong(),
        c.get("passages_annotated").asLong(), c.get("mentions").asLong(), c.get("records").asLong(),
        m.get("timings_ms").get("total_ms").asLong())
        + (m.has("nightly") ? String.format("%n  nightly %s: %d articles in input, %d new (annotated), %d already seen;"
            + " version %s is current (previous %s); versions deleted %s", m.at("/nightly/run_date").asText(),
            m.at("/nightly/articles_in_input").asLong(), m.at("/nightly/articles_new").asLong(),
            m.at("/nightly/articles_already_seen").asLong(), m.at("/nightly/version").asText(),
            m.at("/nightly/previous_version").asText(), m.at("/nightly/versions_deleted")) : "");
  }
}
