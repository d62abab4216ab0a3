package org.defections.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.defections.SparkTestSession;
import org.junit.jupiter.api.Test;

/** The bench command's measurements on a small corpus of real text: every figure present and consistent. */
class BenchmarkTest {
  private static final Path SHARED = Paths.get(System.getProperty("shared.dir", "../shared"));

  private static Benchmark.Options options(Path work, long sizeMb) {
    return new Benchmark.Options(null, sizeMb, 0.05, List.of(SHARED.resolve("corpus/reuters21578/articles.jsonl")),
        List.of(SHARED.resolve("eval/dev/articles.jsonl")), work, 200, null, Map.of(), 1);
  }

  @Test
  void measuresFloorJobAndBaselineOnOneCorpus() throws Exception {
    Path work = Files.createTempDirectory("bench");
    ObjectNode r = new Benchmark(new Phases(SparkTestSession.get())).run(options(work, 2));
    String summary = Benchmark.summary(r);
    System.out.print(summary);
    long articles = r.at("/corpus/articles").asLong();
    assertTrue(articles > 1000, r.toString());
    assertEquals(articles, r.at("/job/counts/accepted").asLong());
    for (String phase : List.of("floor", "job", "baseline")) {
      assertTrue(r.at("/" + phase + "/seconds").asDouble() > 0, phase);
      assertTrue(r.at("/" + phase + "/mb_per_s").asDouble() > 0, phase);
      assertTrue(r.at("/" + phase + "/peak_heap_bytes").asLong() > 0, phase);
      // the process's CPU time in the phase; the JIT's and the collectors' parts of it are measured, not -1
      assertTrue(r.at("/" + phase + "/cpu_seconds").asDouble() > 0, phase);
      assertTrue(r.at("/" + phase + "/jit_seconds").asDouble() >= 0, phase);
      assertTrue(r.at("/" + phase + "/gc_seconds").asDouble() >= 0, phase);
      assertEquals(ProcessHandle.current().pid(), r.at("/" + phase + "/pid").asLong(), "in this JVM: " + phase);
    }
    assertTrue(r.get("jvm").asText().startsWith("one for all phases"), r.get("jvm").asText());
    // extrapolated: the sample's first pass for its own bytes, a second pass's speed for the rest of the corpus
    assertTrue(r.at("/baseline/extrapolated").asBoolean(), "200 of more articles: extrapolated");
    assertEquals(200, r.at("/baseline/sample_articles").asLong());
    double cold = r.at("/baseline/sample_seconds").asDouble();
    double again = r.at("/baseline/sample_seconds_again").asDouble();
    double bytes = r.at("/corpus/bytes").asDouble();
    double sample = r.at("/baseline/sample_bytes").asDouble();
    assertEquals(cold + again * (bytes - sample) / sample, r.at("/baseline/seconds").asDouble(),
        0.02 + 0.01 * (bytes - sample) / sample, r.get("baseline").toString());
    assertTrue(r.at("/floor/trigger_hits").asLong() > 0);
    // every record of the positives alone is found in the mixed corpus
    assertTrue(r.at("/records_check/records_in_positives_alone").asLong() > 10, r.get("records_check").toString());
    assertEquals(0, r.at("/records_check/of_them_missing_in_benchmark_run").asLong(), r.get("records_check")
        .toString());
    assertTrue(summary.contains("job / floor throughput") && summary.contains("(extrapolated: 200 articles")
        && summary.contains("CPU s") && summary.contains("JVM: one for all phases"), summary);
  }

  /** The default: each phase in a JVM of its own (no phase runs on code another one compiled), same figures. */
  @Test
  void runsEachPhaseInAFreshJvm() throws Exception {
    Path work = Files.createTempDirectory("bench-forked");
    ObjectNode r = new Benchmark(new ForkedPhases()).run(options(work, 1));
    Set<Long> pids = new HashSet<>();
    for (String phase : List.of("floor", "job", "baseline")) {
      assertTrue(r.at("/" + phase + "/seconds").asDouble() > 0, phase);
      assertTrue(r.at("/" + phase + "/cpu_seconds").asDouble() > 0, phase);
      long pid = r.at("/" + phase + "/pid").asLong();
      assertNotEquals(ProcessHandle.current().pid(), pid, phase);
      pids.add(pid);
      assertTrue(Files.isRegularFile(work.resolve("phase-" + phase + ".log")), phase);
    }
    assertEquals(3, pids.size(), r.toString());
    assertEquals(r.at("/corpus/articles").asLong(), r.at("/job/counts/accepted").asLong());
    assertEquals(0, r.at("/records_check/of_them_missing_in_benchmark_run").asLong(), r.get("records_check")
        .toString());
    assertTrue(r.get("jvm").asText().startsWith("a fresh one per phase"), r.get("jvm").asText());
    assertTrue(r.at("/job/counts/records").asLong() > 10, r.get("job").toString());
  }

  /** A phase whose JVM fails fails the bench, with the phase named and the end of its log in the message. */
  @Test
  void aFailedPhaseFailsTheBenchWithItsLog() throws Exception {
    Path work = Files.createTempDirectory("bench-failed");
    PhaseInput in = new PhaseInput(PhaseInput.FLOOR, work.resolve("no-such-corpus.jsonl").toString(), 1, -1,
        work.toString(), 10, null, Map.of(), null);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ForkedPhases().run(in));
    assertTrue(e.getMessage().startsWith("the floor phase of the benchmark failed (exit 2); the end of its log "
        + work.resolve("phase-floor.log")), e.getMessage());
    // the child's own message, from its log: a missing input is a bad option (exit 2)
    String child = "defections: input " + work.resolve("no-such-corpus.jsonl") + " does not exist";
    assertTrue(e.getMessage().contains(child), e.getMessage());
  }

  /** Forking needs the project's classes on the JVM's class path; loaded by another loader (spark-submit), no. */
  @Test
  void forksOnlyWhenAChildFindsTheClasses() throws Exception {
    assertTrue(ForkedPhases.possible());
    java.net.URL classes = ForkedPhases.class.getProtectionDomain().getCodeSource().getLocation();
    // as spark-submit loads an application jar: the project's classes by a loader of their own, the rest by its parent
    try (java.net.URLClassLoader own = new java.net.URLClassLoader(new java.net.URL[] {classes},
        ClassLoader.getSystemClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith("org.defections.")) {
          return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
          Class<?> c = findLoadedClass(name);
          return c != null ? c : findClass(name);
        }
      }
    }) {
      Class<?> loaded = own.loadClass(ForkedPhases.class.getName());
      assertNotEquals(ForkedPhases.class, loaded);
      assertEquals(false, loaded.getMethod("possible").invoke(null));
    }
  }

  @Test
  void rejectsAnUnknownPhase() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PhaseInput("warmup", "c",
        1, -1, "w", 10, null, Map.of(), null));
    assertEquals("unknown benchmark phase 'warmup' (floor, job or baseline)", e.getMessage());
  }

  /**
   * Rounds: the phases in turn, each phase's median run reported with its seconds by round, ratios of the median runs
   * and round by round, the records check from the first round's job only. Scripted phases (no Spark): the figures
   * are known.
   */
  @Test
  void roundsReportEachPhasesMedianRun() throws Exception {
    Path work = Files.createTempDirectory("bench-rounds");
    Path corpus = Files.writeString(work.resolve("corpus.jsonl"), "{\"id\":\"a\",\"text\":\"x\"}\n");
    // seconds by round: floor 10, 30, 20; job 40, 20, 50; baseline 900, 1000, 800
    Map<String, double[]> seconds = Map.of(PhaseInput.FLOOR, new double[] {10, 30, 20}, PhaseInput.JOB,
        new double[] {40, 20, 50}, PhaseInput.BASELINE, new double[] {900, 1000, 800});
    List<String> calls = new java.util.ArrayList<>();
    List<String> checked = new java.util.ArrayList<>(); // the phases given positives to check, with their round
    PhaseRunner scripted = new PhaseRunner() {
      @Override
      public ObjectNode run(PhaseInput in) {
        long round = calls.stream().filter(in.phase()::equals).count();
        calls.add(in.phase());
        if (in.positives() != null) {
          checked.add(in.phase() + " " + (round + 1));
        }
        ObjectNode out = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        out.put("spark_master", "local[2]");
        out.put("cores", 2);
        out.put("max_heap_bytes", 1L << 30);
        ObjectNode p = out.putObject("phase");
        p.put("seconds", seconds.get(in.phase())[(int) round]);
        p.put("pid", 100 * (round + 1));
        for (String figure : List.of("mb_per_s", "articles_per_s", "peak_heap_bytes", "peak_rss_bytes")) {
          p.put(figure, 1);
        }
        p.put("extrapolated", false);
        if (in.phase().equals(PhaseInput.FLOOR)) {
          p.put("articles", 7);
        } else {
          assertEquals(7, in.corpusArticles(), in.phase());
        }
        if (in.positives() != null) {
          out.putObject("records_check").put("round", round + 1);
        }
        return out;
      }

      @Override
      public String jvm() {
        return "scripted";
      }
    };
    Benchmark.Options o = new Benchmark.Options(corpus, 0, 0, List.of(), List.of(), work, 10, null, Map.of(), 3);
    ObjectNode r = new Benchmark(scripted).run(o);
    assertEquals(List.of("floor", "job", "baseline", "floor", "job", "baseline", "floor", "job", "baseline"), calls);
    assertEquals(3, r.get("rounds").asInt());
    // medians: floor 20 s (round 3), job 40 s (round 1), baseline 900 s (round 1)
    assertEquals(20, r.at("/floor/seconds").asDouble());
    assertEquals(3, r.at("/floor/round").asInt());
    assertEquals(300, r.at("/floor/pid").asLong());
    assertEquals("[10.0,30.0,20.0]", r.at("/floor/seconds_by_round").toString());
    assertEquals(40, r.at("/job/seconds").asDouble());
    assertEquals(1, r.at("/job/round").asInt());
    assertEquals(900, r.at("/baseline/seconds").asDouble());
    assertTrue(r.at("/floor/articles").isMissingNode(), "the floor's article count goes to the corpus");
    assertEquals(7, r.at("/corpus/articles").asLong());
    assertEquals(0.5, r.at("/ratios/job_over_floor").asDouble());
    assertEquals(22.5, r.at("/ratios/job_over_baseline").asDouble());
    assertEquals("[{\"job_over_floor\":0.25,\"job_over_baseline\":22.5},{\"job_over_floor\":1.5,"
        + "\"job_over_baseline\":50.0},{\"job_over_floor\":0.4,\"job_over_baseline\":16.0}]",
        r.at("/ratios/by_round").toString());
    // a given corpus: no positives, no records check
    assertTrue(r.at("/records_check").isMissingNode(), r.toString());
    assertEquals(List.of(), checked);
    // a built corpus (from two small files of this test's own): the first round's job checks the positives
    Path negatives = Files.writeString(work.resolve("negatives.jsonl"),
        "{\"id\":\"n1\",\"text\":\"Wheat prices rose on Monday.\"}\n");
    Path positivesFile = Files.writeString(work.resolve("positives.jsonl"),
        "{\"id\":\"p1\",\"text\":\"A pilot defected to the South on Monday.\"}\n");
    calls.clear();
    ObjectNode built = new Benchmark(scripted).run(new Benchmark.Options(null, 1, 0.5, List.of(negatives),
        List.of(positivesFile), work, 10, null, Map.of(), 3));
    assertEquals(List.of("job 1"), checked);
    assertEquals(1, built.at("/records_check/round").asInt(), built.toString());
    // with an even count, the lower of the two middle runs
    calls.clear();
    ObjectNode two = new Benchmark(scripted).run(new Benchmark.Options(corpus, 0, 0, List.of(), List.of(), work, 10,
        null, Map.of(), 2));
    assertEquals(10, two.at("/floor/seconds").asDouble());
    assertEquals(20, two.at("/job/seconds").asDouble());
    String summary = Benchmark.summary(two);
    assertTrue(summary.contains("2 rounds (floor, job, baseline in turn); each phase above is its median run"), summary);
    assertTrue(summary.contains("  round 2: floor 30.0 s, job 20.0 s, baseline 1000.0 s; job / floor 1.50, job / "
        + "baseline 50.0"), summary);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Benchmark(scripted).run(
        new Benchmark.Options(corpus, 0, 0, List.of(), List.of(), work, 10, null, Map.of(), 0)));
    assertEquals("--rounds must be a positive integer", e.getMessage());
  }
}
