package org.defections.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import org.apache.spark.sql.SparkSession;
import org.defections.bench.ResolutionBench;
import org.defections.bench.ResolutionCorpus;

/**
 * {@code defections bench --resolution}: the resolution stage alone over generated mentions with known truth
 * ({@link ResolutionBench}); prints one JSON line, also appended to {@code WORK/resolution-results.jsonl}.
 */
final class ResolutionBenchCommand {
  static final String USAGE = String.join("\n",
      "usage: defections bench --resolution [--mentions N] [--people N] [--unnamed-events N] [--seed N]",
      "                        [--work DIR] [--master URL]",
      "  --resolution             the resolution stage alone, over N generated mentions of one origin (default",
      "                           10000) telling --people named people (default N/5) and --unnamed-events unnamed",
      "                           group defections (default N/20); prints seconds, peak heap, records against the",
      "                           truth, and pairwise precision and recall");

  private ResolutionBenchCommand() {}

  static int run(String[] args, PrintStream out) throws IOException {
    long mentions = 10_000;
    Long people = null;
    Long events = null;
    long seed = 1;
    Path work = Paths.get("out/bench");
    String master = "";
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--resolution" -> { }
        case "--mentions" -> mentions = Main.positiveNumber(Main.value(args, ++i, a), a);
        case "--people" -> people = Main.positiveNumber(Main.value(args, ++i, a), a);
        case "--unnamed-events" -> events = Main.positiveNumber(Main.value(args, ++i, a), a);
        case "--seed" -> seed = Main.positiveNumber(Main.value(args, ++i, a), a);
        case "--work" -> work = Paths.get(Main.value(args, ++i, a));
        case "--master" -> master = Main.value(args, ++i, a);
        default -> throw new IllegalArgumentException("unknown option '" + a + "' for bench --resolution\n" + USAGE);
      }
    }
    ResolutionCorpus corpus = new ResolutionCorpus(seed, mentions,
        (int) Math.min(Integer.MAX_VALUE, people != null ? people : Math.max(1, mentions / 5)),
        (int) Math.min(Integer.MAX_VALUE, events != null ? events : Math.max(1, mentions / 20)));
    SparkSession spark = Main.session("defections-resolution-bench", master);
    ObjectNode result;
    try {
      result = new ResolutionBench(spark).run(corpus);
    } finally {
      spark.stop();
    }
    out.println(result);
    Files.createDirectories(work);
    Files.writeString(work.resolve("resolution-results.jsonl"), result + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return 0;
  }
}
