package org.defections.jmh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import org.defections.candidates.CandidateScanner;
import org.defections.candidates.CandidateSelection;
import org.defections.candidates.RecordScanner;
import org.defections.candidates.ScannedRecord;
import org.defections.ingest.LanguageDetector;
import org.defections.ingest.ParsedRecord;
import org.defections.ingest.RecordValidator;
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
 * What the scan floor's task and the job's one-pass task each do per input line, in plain Java (no Spark): the first
 * {@value #LINES} lines of a JSON-lines corpus (default Reuters-21578 from ../shared, whose empty stories are rejects
 * as in the bench corpus; {@code -p corpus=PATH} for another, such as a bench corpus), held as bytes, then
 * <ul>
 *   <li>{@code parse}: the reader's parse and checks of each line ({@link RecordValidator}), what both pay;</li>
 *   <li>{@code floor}: parse, then a count of trigger-phrase hits in each accepted article: the floor's work;</li>
 *   <li>{@code pass}: parse, then the job's scan of each record ({@link RecordScanner}, folded rows: language,
 *   candidate passages, folding), the job's work before Spark encodes and caches the rows;</li>
 *   <li>{@code language}: the language detector alone, over the accepted articles' texts (parsed at setup).</li>
 * </ul>
 * Scores are per line (µs); the bytes per line are printed at setup. The difference {@code pass − floor} is what the
 * job's pass costs beyond the floor's per line, before Spark's encoding and cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OnePassBenchmark {
  static final int LINES = 20_000;
  /** The default of {@code ingest.max-text-chars}. */
  private static final int MAX_TEXT_CHARS = 5_000_000;
  private static final String SOURCE = "articles.jsonl";

  @Param("../shared/corpus/reuters21578/articles.jsonl")
  public String corpus;

  private List<byte[]> lines;
  private List<String> texts;
  private Lexicons lexicons;
  private RecordValidator validator;
  private CandidateScanner scanner;

  @Setup
  public void setUp() throws IOException {
    lines = firstLines(Path.of(corpus), LINES);
    lexicons = Lexicons.bundled();
    validator = new RecordValidator(MAX_TEXT_CHARS);
    scanner = new CandidateScanner(lexicons, 3, 20_000);
    texts = new ArrayList<>();
    Iterator<ParsedRecord> parsed = parsed();
    while (parsed.hasNext()) {
      ParsedRecord r = parsed.next();
      if (r.getReason() == null) {
        texts.add(r.getText());
      }
    }
    long bytes = lines.stream().mapToLong(l -> l.length).sum();
    System.out.printf("%n%d lines, %d bytes (%.0f per line), %d accepted articles%n", lines.size(), bytes,
        (double) bytes / lines.size(), texts.size());
  }

  /** The first {@code n} non-blank lines of {@code file}, as bytes (the reader gets each line's bytes). */
  static List<byte[]> firstLines(Path file, int n) throws IOException {
    List<byte[]> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file);
        BufferedReader r = new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
      String line; // ISO-8859-1 maps each byte to one char: the bytes come back unchanged
      while (out.size() < n && (line = r.readLine()) != null) {
        byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
        if (!RecordValidator.isBlank(b)) {
          out.add(b);
        }
      }
    }
    if (out.size() < n) { // the scores are per line of LINES
      throw new IllegalStateException(file + " holds fewer than " + n + " lines");
    }
    return out;
  }

  /** The lines parsed one at a time, as the reader hands them to a task. */
  private Iterator<ParsedRecord> parsed() {
    return new Iterator<ParsedRecord>() {
      private int i;

      @Override
      public boolean hasNext() {
        return i < lines.size();
      }

      @Override
      public ParsedRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int at = i++;
        return validator.fromJsonLine(SOURCE, at, lines.get(at));
      }
    };
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void parse(Blackhole bh) {
    Iterator<ParsedRecord> it = parsed();
    while (it.hasNext()) {
      bh.consume(it.next());
    }
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public long floor() {
    long hits = 0;
    Iterator<ParsedRecord> it = parsed();
    while (it.hasNext()) {
      ParsedRecord r = it.next();
      if (r.getReason() == null) {
        hits += scanner.countHits(r.getText());
      }
    }
    return hits;
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void pass(Blackhole bh) {
    // built per operation, as per partition in the job (its automaton and detector come from the lexicons' cache)
    Iterator<ScannedRecord> it = new RecordScanner(lexicons, LanguageDetector.ANNOTATED, 3, 20_000, true,
        CandidateSelection.Rows.FOLDED).scanAll(parsed());
    while (it.hasNext()) {
      bh.consume(it.next());
    }
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void language(Blackhole bh) {
    LanguageDetector detector = lexicons.derived("language-detector", LanguageDetector.class,
        LanguageDetector::new);
    for (String t : texts) {
      bh.consume(detector.detect(t));
    }
  }
}
