package org.defections.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** {@code bench}: the benchmark's options, then the phases (or the resolution benchmark). */
final class BenchCommand {
  private BenchCommand() {}

  /** {@code bench}: builds or takes a corpus and measures the scan floor, the job and the baseline on it. */
  static int bench(String[] args) throws IOException {
    if (java.util.Arrays.asList(args).contains("--resolution")) {
      return ResolutionBenchCommand.run(args, System.out);
    }
    Main.JobOptions options = new Main.JobOptions();
    Path shared = Paths.get(System.getProperty("defections.home", ".")).toAbsolutePath().normalize()
        .resolveSibling("shared");
    long sizeMb = 1024;
    double share = 0.01;
    Path corpus = null;
    Path work = Paths.get("out/bench");
    int baseline = 10_000; // fewer would carry the pipeline's fixed costs into every extrapolated megabyte
    List<Path> negatives = List.of(shared.resolve("corpus/reuters21578/articles.jsonl"),
        shared.resolve("corpus/bbc/articles.jsonl"));
    List<Path> positives = List.of(shared.resolve("eval/dev/articles.jsonl"));
    boolean oneJvm = false;
    int rounds = 1;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "-h", "--help" -> {
          System.out.println(Main.USAGE);
          return 0;
        }
        case "--size-mb" -> sizeMb = Main.positiveNumber(Main.value(args, ++i, a), a);
        case "--positives-share" -> share = fraction(Main.value(args, ++i, a), a);
        case "--corpus" -> corpus = Paths.get(Main.value(args, ++i, a));
        case "--work" -> work = Paths.get(Main.value(args, ++i, a));
        case "--baseline-articles" -> baseline = (int) Math.min(Integer.MAX_VALUE,
            Main.positiveNumber(Main.value(args, ++i, a), a));
        case "--one-jvm" -> oneJvm = true;
        case "--rounds" -> rounds = (int) Math.min(Integer.MAX_VALUE, Main.positiveNumber(Main.value(args, ++i, a), a));
        case "--negatives" -> negatives = paths(Main.value(args, ++i, a));
        case "--positives" -> positives = paths(Main.value(args, ++i, a));
        case "--input", "--output" -> throw new IllegalArgumentException("bench chooses the job's input and output; "
            + "use --corpus PATH and --work DIR");
        default -> {
          if (Main.NIGHTLY_OPTIONS.contains(a)) {
            throw new IllegalArgumentException("unknown option '" + a + "' for bench");
          }
          i = Main.taken(options.take(args, i), a, " for bench");
        }
      }
    }
    // the session's master: --master, else the configuration's, else local[*]
    String master = options.overrides.getOrDefault("spark.master", "");
    String effective = Main.effectiveMaster(master);
    org.defections.bench.Benchmark.Options o = new org.defections.bench.Benchmark.Options(corpus, sizeMb, share,
        negatives, positives, work, baseline, options.conf, options.overrides, rounds);
    ObjectNode result;
    if (!oneJvm && effective.startsWith("local") && org.defections.bench.ForkedPhases.possible()) {
      // each phase in a JVM of its own, an embedded Spark in each
      result = new org.defections.bench.Benchmark(new org.defections.bench.ForkedPhases()).run(o);
    } else { // --one-jvm, a cluster's master or spark-submit: the phases one after the other in this SparkSession
      SparkSession spark = Main.session("defections-bench", master);
      try {
        result = new org.defections.bench.Benchmark(new org.defections.bench.Phases(spark)).run(o);
      } finally {
        spark.stop();
      }
    }
    String line = result.toString();
    System.out.print(org.defections.bench.Benchmark.summary(result));
    System.out.println(line);
    Files.writeString(work.resolve("bench-results.jsonl"), line + "\n", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    return 0;
  }

  private static double fraction(String v, String option) {
    try {
      double d = Double.parseDouble(v);
      if (d >= 0 && d <= 1) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " must be a number from 0 to 1, got '" + v + "'");
  }
  private static List<Path> paths(String v) {
    List<Path> out = new java.util.ArrayList<>();
    for (String p : v.split(",")) {
      if (!p.isBlank()) {
        out.add(Paths.get(p.trim()));
      }
    }
    return out;
  }
}
