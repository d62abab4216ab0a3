package org.defections.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code defections bench}: three measurements on the same corpus with the same settings, each by a {@link
 * PhaseRunner}: the scan floor, the job and the baseline ({@link Phases} says what each is). By default ({@link
 * ForkedPhases}) each phase runs in a fresh JVM, as a nightly run starts: in one JVM, a phase would run on the code
 * the phases before it had compiled (the job after the floor's reader, the baseline after the job's Spark NLP).
 * When the corpus was built here, a records check runs the job on the positives alone and counts the records of
 * that run that the benchmark run does not have (by person, origin, month and rank): candidate selection and the
 * mixing must not lose any. The result is one JSON object (see {@link #summary} for the human-readable table).
 *
 * <p>With {@code rounds} above one, the three phases run that many times in turn (floor, job, baseline, floor, ...),
 * so that a slow spell of the machine weighs on every phase alike. Each phase reports the figures of its median run
 * by seconds (the lower of the two middle ones for an even count), with its seconds in every round ({@code
 * seconds_by_round}); the ratios are those of the median runs, and {@code ratios.by_round} pairs each round's job with
 * that round's floor and baseline. The records check runs after the first round's job only.
 */
public final class Benchmark {
  /** Options of one benchmark. {@code corpus} null means: build one from the sources. */
  public record Options(Path corpus, long sizeMb, double positivesShare, List<Path> negatives, List<Path> positives,
      Path work, int baselineArticles, String confFile, Map<String, String> overrides, int rounds) {}

  /** The phases' names in the order each round runs them. */
  private static final List<String> PHASES = List.of(PhaseInput.FLOOR, PhaseInput.JOB, PhaseInput.BASELINE);

  private final PhaseRunner phases;

  public Benchmark(PhaseRunner phases) {
    this.phases = phases;
  }

  public ObjectNode run(Options o) throws IOException {
    if (o.baselineArticles() < 1) {
      throw new IllegalArgumentException("--baseline-articles must be a positive integer");
    }
    if (o.rounds() < 1) {
      throw new IllegalArgumentException("--rounds must be a positive integer");
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
    String work = o.work().toAbsolutePath().toString();
    String file = corpus.file().toAbsolutePath().toString();
    // the records check: what the job finds in the positives alone, it finds in the benchmark corpus
    String positives = o.corpus() == null && o.positivesShare() > 0 ? o.positives().get(0).toAbsolutePath()
        .toString() : null;

    // the phases differ in their name, the floor's article count (unknown to the floor) and the records check (after
    // the first round's job only)
    java.util.function.BiFunction<String, Long, PhaseInput> input = (phase, articles) -> new PhaseInput(phase, file,
        corpus.bytes(), articles, work, o.baselineArticles(), o.confFile(), o.overrides(), null);
    List<Map<String, ObjectNode>> rounds = new java.util.ArrayList<>();
    ObjectNode recordsCheck = null;
    for (int k = 0; k < o.rounds(); k++) {
      Map<String, ObjectNode> round = new LinkedHashMap<>();
      round.put(PhaseInput.FLOOR, phases.run(input.apply(PhaseInput.FLOOR, -1L)));
      long articles = round.get(PhaseInput.FLOOR).at("/phase/articles").asLong();
      PhaseInput job = input.apply(PhaseInput.JOB, articles);
      round.put(PhaseInput.JOB, phases.run(k == 0 ? job.checking(positives) : job));
      round.put(PhaseInput.BASELINE, phases.run(input.apply(PhaseInput.BASELINE, articles)));
      if (k == 0) {
        c.put("articles", articles);
        recordsCheck = (ObjectNode) round.get(PhaseInput.JOB).get("records_check");
      }
      rounds.add(round);
    }
    ObjectNode first = rounds.get(0).get(PhaseInput.JOB);
    out.put("spark_master", first.get("spark_master").asText());
    out.put("cores", first.get("cores").asInt());
    out.put("max_heap_bytes", first.get("max_heap_bytes").asLong());
    out.put("jvm", phases.jvm());
    out.put("rounds", rounds.size());
    for (String phase : PHASES) {
      List<Integer> order = new java.util.ArrayList<>();
      ArrayNode seconds = om.createArrayNode();
      for (int k = 0; k < rounds.size(); k++) {
        order.add(k);
        seconds.add(seconds(rounds.get(k), phase));
      }
      order.sort(java.util.Comparator.comparingDouble(k -> seconds(rounds.get(k), phase)));
      int median = order.get((order.size() - 1) / 2);
      ObjectNode p = rounds.get(median).get(phase).get("phase").deepCopy();
      p.remove("articles");
      p.put("round", median + 1);
      p.set("seconds_by_round", seconds);
      out.set(phase, p);
    }

    ObjectNode r = out.putObject("ratios");
    r.put("job_over_floor", Phases.round(out.at("/floor/seconds").asDouble() / out.at("/job/seconds").asDouble()));
    r.put("job_over_baseline", Phases.round(out.at("/baseline/seconds").asDouble() / out.at("/job/seconds")
        .asDouble()));
    ArrayNode byRound = r.putArray("by_round");
    for (Map<String, ObjectNode> round : rounds) {
      ObjectNode x = byRound.addObject();
      x.put("job_over_floor", Phases.round(seconds(round, PhaseInput.FLOOR) / seconds(round, PhaseInput.JOB)));
      x.put("job_over_baseline", Phases.round(seconds(round, PhaseInput.BASELINE) / seconds(round,
          PhaseInput.JOB)));
    }
    if (recordsCheck != null) {
      out.set("records_check", recordsCheck);
    }
    return out;
  }

  /** The human-readable table of a result. */
  public static String summary(ObjectNode r) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(java.util.Locale.ROOT, "corpus %s: %.1f MB, %d articles%s; %s, %d cores, max heap %.1f "
            + "GiB%n", r.at("/corpus/path").asText(), r.at("/corpus/bytes").asLong() / 1048576.0,
        r.at("/corpus/articles").asLong(), r.at("/corpus").has("positives_share") ? ", positives share "
            + r.at("/corpus/positives_share").asDouble() : "", r.get("spark_master").asText(), r.get("cores").asInt(),
        r.get("max_heap_bytes").asLong() / 1073741824.0));
    s.append("JVM: ").append(r.get("jvm").asText()).append('\n');
    s.append(String.format("%-10s %10s %10s %12s %14s %14s %8s %8s %8s%n", "phase", "seconds", "MB/s", "articles/s",
        "peak heap MB", "peak RSS MB", "CPU s", "JIT s", "GC s"));
    for (String p : List.of("floor", "job", "baseline")) {
      ObjectNode n = (ObjectNode) r.get(p);
      s.append(String.format(java.util.Locale.ROOT, "%-10s %10.1f %10.2f %12d %14d %14d %8.1f %8.1f %8.1f%s%n", p,
          n.get("seconds").asDouble(), n.get("mb_per_s").asDouble(), n.get("articles_per_s").asLong(),
          n.get("peak_heap_bytes").asLong() >> 20, n.get("peak_rss_bytes").asLong() >> 20,
          n.path("cpu_seconds").asDouble(-1), n.path("jit_seconds").asDouble(-1), n.path("gc_seconds").asDouble(-1),
          p.equals("baseline") && n.get("extrapolated").asBoolean() ? String.format(java.util.Locale.ROOT,
              "   (extrapolated: %d articles, %.1f MB, in %.1f s, then again in %.1f s for the rest of the corpus; "
                  + "CPU, JIT and GC of the two passes)", n.get("sample_articles").asLong(),
              n.get("sample_bytes").asLong() / 1048576.0, n.get("sample_seconds").asDouble(),
              n.get("sample_seconds_again").asDouble()) : ""));
    }
    s.append(String.format(java.util.Locale.ROOT, "job / floor throughput %.2f; job / baseline throughput %.1f%n",
        r.at("/ratios/job_over_floor").asDouble(), r.at("/ratios/job_over_baseline").asDouble()));
    int rounds = r.path("rounds").asInt(1);
    if (rounds > 1) {
      s.append(String.format("%d rounds (floor, job, baseline in turn); each phase above is its median run; by round:"
          + "%n", rounds));
      for (int k = 0; k < rounds; k++) {
        s.append(String.format(java.util.Locale.ROOT, "  round %d: floor %.1f s, job %.1f s, baseline %.1f s; job / "
                + "floor %.2f, job / baseline %.1f%n", k + 1, r.at("/floor/seconds_by_round/" + k).asDouble(),
            r.at("/job/seconds_by_round/" + k).asDouble(), r.at("/baseline/seconds_by_round/" + k).asDouble(),
            r.at("/ratios/by_round/" + k + "/job_over_floor").asDouble(), r.at("/ratios/by_round/" + k
                + "/job_over_baseline").asDouble()));
      }
    }
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

  /** A phase's seconds in one round. */
  private static double seconds(Map<String, ObjectNode> round, String phase) {
    return round.get(phase).at("/phase/seconds").asDouble();
  }

  private static long sizeOf(Path p) throws IOException {
    if (Files.isRegularFile(p)) {
      return Files.size(p);
    }
    try (var files = Files.walk(p)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
