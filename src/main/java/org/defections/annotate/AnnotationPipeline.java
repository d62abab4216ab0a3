package org.defections.annotate;

import com.johnsnowlabs.nlp.DocumentAssembler;
import com.johnsnowlabs.nlp.IAnnotation;
import com.johnsnowlabs.nlp.JavaAnnotation;
import com.johnsnowlabs.nlp.LightPipeline;
import com.johnsnowlabs.nlp.annotators.TextMatcher;
import com.johnsnowlabs.nlp.annotators.TextMatcherModel;
import com.johnsnowlabs.nlp.annotators.Tokenizer;
import com.johnsnowlabs.nlp.annotators.TokenizerModel;
import com.johnsnowlabs.nlp.annotators.sbd.pragmatic.SentenceDetector;
import com.johnsnowlabs.nlp.util.io.ExternalResource;
import com.johnsnowlabs.nlp.util.io.ReadAs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.defections.lexicon.Lexicons;

/**
 * The Spark NLP annotation stage: one {@link PipelineModel} of rule-based, offline annotators.
 *
 * <p>Input: a DataFrame with a string column {@value #TEXT}. Output: the same rows plus annotation columns
 * {@value #DOCUMENT}, {@value #SENTENCE}, {@value #TOKEN} and the matcher columns {@value #RANKS} (ranks, titles,
 * roles), {@value #PLACES} (countries, demonyms, capitals, regime phrases; case-sensitive), {@value #TRIGGERS}
 * (defection triggers) and {@value #DATES} (our {@link TemporalAnnotator}).
 *
 * <p>The sentence detector splits only on our own boundary pattern, which refuses abbreviations such as "Lt.",
 * "Gen.", "Brig.", "Col.", "Capt." and single capitals; the tokenizer keeps those abbreviations whole. Matchers
 * read phrase files written from the {@link Lexicons} into a work directory (Spark NLP reads files, not classpath
 * resources); the fitted model embeds the phrases, so executors do not need the files.
 */
public final class AnnotationPipeline {
  public static final String TEXT = "text";
  public static final String DOCUMENT = "document";
  public static final String SENTENCE = "sentence";
  public static final String TOKEN = "token";
  public static final String RANKS = "rank_chunks";
  public static final String PLACES = "place_chunks";
  public static final String TRIGGERS = "trigger_chunks";
  public static final String DATES = "date_chunks";

  /** Abbreviations after which a full stop does not end a sentence. */
  static final List<String> ABBREVIATIONS = List.of("Lt", "Gen", "Gens", "Brig", "Col", "Capt", "Maj", "Sgt", "Cpl",
      "Pvt", "Adm", "Cmdr", "Cdr", "Lieut", "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "No", "Gov", "Sen", "Rep",
      "Prof", "Rev", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "vs", "Mt",
      "Ft", "Sgt. Maj", "U.S", "U.N", "U.K", "a.m", "p.m");

  /**
   * Sentence boundaries: a full stop not after a listed abbreviation or a single capital, or "!" / "?", then
   * spaces and a capital or digit; a full stop glued to the next sentence ("defectors.North"); a blank line; a line
   * break after anything but a lower-case letter, comma or hyphen (hard-wrapped lines stay one sentence).
   */
  static String boundaryPattern() {
    StringBuilder noAbbreviation = new StringBuilder();
    for (String a : ABBREVIATIONS) {
      noAbbreviation.append("(?<!\\b").append(a.replace(".", "\\.")).append(")");
    }
    String close = "[\"'\u201d\u2019)\\]]?";
    String next = "(?=[\"'\u201c\u2018(\\[]?[\\p{Lu}\\d])";
    String period = noAbbreviation + "(?<!\\b\\p{Lu})\\." + close + "[ \\t]+" + next;
    String glued = "(?<=\\p{Ll}\\p{Ll})\\.(?=\\p{Lu}\\p{Ll})";
    String bang = "[!?]" + close + "[ \\t]+" + next;
    String blank = "[ \\t]*\\n[ \\t]*\\n\\s*";
    String line = "(?<![\\p{Ll},\\-])[ \\t]*\\n\\s*";
    return period + "|" + glued + "|" + bang + "|" + blank + "|" + line;
  }

  private AnnotationPipeline() {}

  /**
   * Annotates a DataFrame of texts. Input: rows with a {@value #TEXT} column; output: the same rows plus the
   * annotation columns. No shuffle. The bench's baseline runs this over whole articles; the job annotates its
   * distinct passages with {@link #annotateOne}, which gives the same annotations.
   */
  public static Dataset<Row> annotate(PipelineModel pipeline, Dataset<Row> texts) {
    return pipeline.transform(texts);
  }

  /**
   * The pipeline for annotating texts one at a time, without a DataFrame ({@link #annotateOne}); built once per
   * partition from the fitted pipeline.
   */
  public static LightPipeline light(PipelineModel pipeline) {
    return new LightPipeline(pipeline, false);
  }

  /**
   * Annotates one text: the annotations by output column ({@value #SENTENCE}, {@value #TOKEN}, {@value #RANKS},
   * {@value #PLACES}, {@value #TRIGGERS} from the Spark NLP annotators, {@value #DATES} from our {@link
   * TemporalAnnotator}), the same as {@link #annotate} gives in a row for that text. This is how the job annotates its
   * distinct candidate passages: they are few (hundreds in a gigabyte of news), and a DataFrame of annotation
   * columns costs more in Spark's conversions and code generation than the annotators themselves.
   */
  public static Map<String, List<JavaAnnotation>> annotateOne(LightPipeline light, String text) {
    Map<String, List<JavaAnnotation>> out = new HashMap<>();
    for (Map.Entry<String, List<IAnnotation>> e : light.fullAnnotateJava(text).entrySet()) {
      List<JavaAnnotation> anns = new ArrayList<>(e.getValue().size());
      for (IAnnotation a : e.getValue()) {
        anns.add((JavaAnnotation) a); // text annotators give JavaAnnotation
      }
      out.put(e.getKey(), anns);
    }
    out.put(DATES, TemporalAnnotator.tag(out.getOrDefault(SENTENCE, List.of())));
    return out;
  }

  /** Builds and fits the pipeline; {@code workDir} receives the matcher phrase files. */
  public static PipelineModel build(SparkSession spark, Lexicons lexicons, Path workDir) {
    DocumentAssembler document = new DocumentAssembler();
    document.setInputCol(TEXT);
    document.setOutputCol(DOCUMENT);
    document.setCleanupMode("disabled");

    SentenceDetector sentences = new SentenceDetector();
    sentences.setInputCols(new String[] {DOCUMENT});
    sentences.setOutputCol(SENTENCE);
    sentences.setUseCustomBoundsOnly(true);
    sentences.setCustomBounds(new String[] {boundaryPattern()});
    sentences.setCustomBoundsStrategy("append");
    sentences.setMaxLength(4000);

    Tokenizer tokenizer = new Tokenizer();
    tokenizer.setInputCols(new String[] {SENTENCE});
    tokenizer.setOutputCol(TOKEN);
    tokenizer.setContextChars(new String[] {".", ",", ";", ":", "!", "?", "*", "(", ")", "[", "]", "\"", "'",
        "\u201c", "\u201d", "\u2018", "\u2019", "\u2014", "\u2013"});
    List<String> exceptions = new ArrayList<>();
    for (String a : ABBREVIATIONS) {
      exceptions.add(a + ".");
    }
    exceptions.addAll(List.of("Lt.-Gen.", "Brig.-Gen.", "Maj.-Gen.", "Lt.-Col.", "1st Lt.", "2nd Lt."));
    // Spark NLP reads exceptions as regular expressions: an unescaped "St." would glue "last week." together
    exceptions.replaceAll(e -> "\\b" + e.replace(".", "\\."));
    tokenizer.setExceptions(exceptions.toArray(new String[0]));
    tokenizer.setCaseSensitiveExceptions(false);

    // each estimator is fitted on an empty frame of the columns it reads, their schema computed by the stages before
    // it (transformSchema): fitting reads no rows, and a pipeline fitted on a frame would transform it stage by
    // stage, planning each stage's UDF (and starting Scala reflection) only to find no rows
    StructType texts = new StructType().add(TEXT, DataTypes.StringType);
    StructType withSentences = sentences.transformSchema(document.transformSchema(texts));
    TokenizerModel fittedTokenizer = tokenizer.fit(empty(spark, withSentences));
    Dataset<Row> withTokens = empty(spark, fittedTokenizer.transformSchema(withSentences));

    TextMatcherModel ranks = matcher(fittedTokenizer, RANKS, "RANK", false,
        write(workDir, "ranks.txt", lexicons.phrases(Lexicons.RANKS))).fit(withTokens);
    TextMatcherModel places = matcher(fittedTokenizer, PLACES, "PLACE", true,
        write(workDir, "places.txt", lexicons.phrases(Lexicons.PLACES))).fit(withTokens);
    TextMatcherModel triggers = matcher(fittedTokenizer, TRIGGERS, "TRIGGER", false,
        write(workDir, "triggers.txt", lexicons.phrases(Lexicons.TRIGGERS))).fit(withTokens);
    TemporalAnnotator dates = new TemporalAnnotator().setInputCol(SENTENCE).setOutputCol(DATES);

    // only transformers: fitting checks the stages' columns against the schema and transforms nothing
    return new Pipeline()
        .setStages(new PipelineStage[] {document, sentences, fittedTokenizer, ranks, places, triggers, dates})
        .fit(empty(spark, texts));
  }

  private static Dataset<Row> empty(SparkSession spark, StructType schema) {
    return spark.createDataFrame(new ArrayList<Row>(), schema);
  }

  private static TextMatcher matcher(TokenizerModel tokenizer, String out, String label, boolean caseSensitive,
      Path phrases) {
    TextMatcher m = new TextMatcher();
    m.setInputCols(new String[] {SENTENCE, TOKEN});
    m.setOutputCol(out);
    m.setEntityValue(label);
    m.setCaseSensitive(caseSensitive);
    m.setMergeOverlapping(true);
    m.setTokenizer(tokenizer);
    m.setEntities(ExternalResource.fromJava(phrases.toString(), ReadAs.TEXT().toString(), new HashMap<>()));
    return m;
  }

  private static Path write(Path dir, String name, List<String> lines) {
    try {
      Files.createDirectories(dir);
      Path p = dir.resolve(name);
      Files.write(p, new java.util.TreeSet<>(lines), StandardCharsets.UTF_8);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write matcher phrases to " + dir, e);
    }
  }

  /** Saves the fitted model (overwriting). */
  public static void save(PipelineModel model, String path) {
    try {
      model.write().overwrite().save(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the annotation pipeline to " + path, e);
    }
  }

  public static PipelineModel load(String path) {
    return PipelineModel.load(path);
  }
}
