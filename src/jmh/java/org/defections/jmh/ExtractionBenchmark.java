package org.defections.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.defections.annotate.AnnotationPipeline;
import org.defections.candidates.CandidateSelection;
import org.defections.candidates.Passage;
import org.defections.extract.AnnotatedDocument;
import org.defections.extract.MentionExtraction;
import org.defections.extract.MentionExtractor;
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
 * The extraction rules (plain Java) over annotated passages of real articles: the dev set's passages are annotated
 * once by the Spark NLP pipeline at setup (a local Spark session, stopped before measuring), then
 * {@link MentionExtractor#extract} runs over all of them per operation. The score is per sentence: ops/s x sentences
 * per operation (printed at setup) is the rate; its inverse the time per sentence.
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
  private MentionExtractor extractor;

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
    SparkSession spark = SparkSession.builder().master("local[2]").appName("jmh-extraction")
        .config("spark.ui.enabled", "false").getOrCreate();
    try {
      PipelineModel pipeline = AnnotationPipeline.build(spark, lx, Files.createTempDirectory("jmh-matchers"));
      docs = new ArrayList<>();
      for (Row r : pipeline.transform(spark.createDataFrame(passages, Passage.class)).collectAsList()) {
        docs.add(MentionExtraction.toDocument(r));
      }
    } finally {
      spark.stop();
    }
    sentences = docs.stream().mapToInt(d -> d.sentences().size()).sum();
    extractor = new MentionExtractor(lx);
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
