package org.defections.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.defections.candidates.CandidateScanner;
import org.defections.ingest.ArticleCleaner;
import org.defections.lexicon.Lexicons;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The candidate scan on real newswire text: the first {@value #ARTICLES} articles of a JSON-lines corpus (default
 * Reuters-21578 from ../shared), scanned for trigger phrases, as the scan floor and candidate selection do; and the
 * cleaning that only candidate articles pay. Scores are per article; the corpus's bytes are printed at setup, so
 * MB/s = bytes / articles x ops/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CandidateScanBenchmark {
  static final int ARTICLES = 2000;

  @Param("../shared/corpus/reuters21578/articles.jsonl")
  public String corpus;

  private List<String> texts;
  private CandidateScanner scanner;
  private ArticleCleaner cleaner;

  @Setup
  public void setUp() throws IOException {
    texts = firstTexts(Path.of(corpus), ARTICLES);
    Lexicons lx = Lexicons.bundled();
    scanner = new CandidateScanner(lx, 3, 20000);
    cleaner = new ArticleCleaner(lx.boilerplate());
    long bytes = texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
    System.out.printf("%n%d articles, %d bytes of text (%.0f bytes per article)%n", texts.size(), bytes,
        (double) bytes / texts.size());
  }

  static List<String> firstTexts(Path file, int n) throws IOException {
    ObjectMapper om = new ObjectMapper();
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (out.size() == n) {
        break;
      }
      String text = om.readTree(line).path("text").asText("");
      if (!text.isBlank()) {
        out.add(text);
      }
    }
    if (out.size() < n) {
      throw new IllegalStateException(file + " holds fewer than " + n + " articles with text");
    }
    return out;
  }

  /** Trigger-phrase hits per article: the work of the scan floor. */
  @Benchmark
  @OperationsPerInvocation(ARTICLES)
  public void countHits(Blackhole bh) {
    for (String t : texts) {
      bh.consume(scanner.countHits(t));
    }
  }

  /** Candidate passages per article: the check on raw text, then passages where there is a hit. */
  @Benchmark
  @OperationsPerInvocation(ARTICLES)
  public void passages(Blackhole bh) {
    for (String t : texts) {
      bh.consume(scanner.hasTrigger(t) ? scanner.passages(t) : null);
    }
  }

  /** Cleaning a whole article (boilerplate, repeated paragraphs, datelines): paid by candidate articles only. */
  @Benchmark
  @OperationsPerInvocation(ARTICLES)
  public void clean(Blackhole bh) {
    for (String t : texts) {
      bh.consume(cleaner.clean(t));
    }
  }
}
