package org.defections.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.defections.annotate.TextAnnotator;
import org.defections.candidates.CandidateSelection;
import org.defections.candidates.Passage;
import org.defections.extract.AnnotatedDocument;
import org.defections.extract.Extractor;
import org.defections.ingest.Article;
import org.defections.lexicon.Lexicons;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The extraction engine (plain Java) over annotated passages of real articles: the dev set's candidate passages are
 * annotated once at setup by the job's Spark NLP pipeline (in this JVM, no Spark job), then the English
 * {@link Extractor} runs over all of them per operation. The score is per sentence: ops/s x sentences per operation
 * (printed at setup) is the rate; its inverse the time per sentence.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExtractionBenchmark {
  @Param("../shared/eval/dev/articles.jsonl")
  public String corpus;

  private List<AnnotatedDocument> docs;
  private int sentences;
  private Extractor extractor;

  @Setup
  public void setUp() throws Exception {
    Lexicons lx = Lexicons.bundled();
    List<Passage> passages = new ArrayList<>();
    com.fasterxml.jackson.databind.ObjectMapper om = new com.fasterxml.jackson.databind.ObjectMapper();
    for (String line : Files.readAllLines(Path.of(corpus))) {
      var n = om.readTree(line);
      Article a = new Article(n.path("id").asText(), null, n.path("published").asText(null), null,
          n.path("text").asText(), corpus);
      passages.addAll(CandidateSelection.passages(a, lx, 3, 20000, true));
    }
    TextAnnotator annotator = new TextAnnotator(lx);
    docs = new ArrayList<>();
    for (Passage p : passages) {
      docs.add(annotator.annotate(p.getArticleId(), p.getText(), "en", p.getPublished() == null ? null
          : java.time.LocalDate.parse(p.getPublished())));
    }
    sentences = docs.stream().mapToInt(d -> d.sentences().size()).sum();
    extractor = Extractor.forLanguage(lx, "en");
    System.out.printf("%n%d annotated passages, %d sentences per operation%n", docs.size(), sentences);
  }

  /** All rules over all passages: divide the time by the sentences printed at setup for the time per sentence. */
  @Benchmark
  public void extractAllPassages(Blackhole bh) {
    for (AnnotatedDocument d : docs) {
      bh.consume(extractor.extract(d));
    }
  }
}
