package org.defections.annotate;

import com.johnsnowlabs.collections.SearchTrie$;
import com.johnsnowlabs.nlp.Annotation;
import com.johnsnowlabs.nlp.Annotation$;
import com.johnsnowlabs.nlp.DocumentAssembler;
import com.johnsnowlabs.nlp.IAnnotation;
import com.johnsnowlabs.nlp.JavaAnnotation;
import com.johnsnowlabs.nlp.LightPipeline;
import com.johnsnowlabs.nlp.annotators.TextMatcherModel;
import com.johnsnowlabs.nlp.annotators.Tokenizer;
import com.johnsnowlabs.nlp.annotators.TokenizerModel;
import com.johnsnowlabs.nlp.annotators.sbd.pragmatic.SentenceDetector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.defections.lexicon.LanguageLexicon;
import org.defections.lexicon.Lexicons;

/**
 * The Spark NLP annotation stage: one {@link PipelineModel} of rule-based, offline annotators.
 *
 * <p>Input: a DataFrame with a string column {@value #TEXT}. Output: the same rows plus annotation columns
 * {@value #DOCUMENT}, {@value #SENTENCE}, {@value #TOKEN} and the matcher columns {@value #RANKS} (ranks, titles,
 * roles), {@value #PLACES} (countries, demonyms, capitals, regime phrases; case-sensitive), {@value #TRIGGERS}
 * (defection triggers) and {@value #DATES} (our {@link TemporalAnnotator}).
 *
 * <p>One pipeline per extracted language: the matchers hold that language's lexicon phrases, the temporal annotator
 * its date expressions. The sentence detector splits only on our own boundary pattern, which refuses abbreviations
 * such as "Lt.", "Gen.", "Brig.", "Col.", "Capt." and single capitals; the tokenizer keeps those abbreviations whole.
 * The fitted model embeds the matchers' tries, so executors need no files.
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
  public static Map<String, List<JavaAnnotation>> annotateOne(LightPipeline light, String text, String language) {
    Map<String, List<JavaAnnotation>> out = new HashMap<>();
    for (Map.Entry<String, List<IAnnotation>> e : light.fullAnnotateJava(text).entrySet()) {
      List<JavaAnnotation> anns = new ArrayList<>(e.getValue().size());
      for (IAnnotation a : e.getValue()) {
        anns.add((JavaAnnotation) a); // text annotators give JavaAnnotation
      }
      out.put(e.getKey(), anns);
    }
    out.put(DATES, TemporalAnnotator.tag(out.getOrDefault(SENTENCE, List.of()), language));
    return out;
  }

  /**
   * Builds the pipeline of one language ({@link Lexicons#EXTRACTED_LANGUAGES}) without a SparkSession: the tokenizer
   * is fitted from its own parameters, and each matcher's search trie is built from the language's lexicon phrases as
   * Spark NLP's TextMatcher builds it (each phrase tokenized by the pipeline's tokenizer), in memory, so that no file
   * is written or read and no Spark session is started. The same annotators serve the job and the rule tests. The
   * result is an ordinary {@link PipelineModel}: it transforms DataFrames, saves and loads.
   */
  public static PipelineModel build(Lexicons lexicons, String language) {
    LanguageLexicon lx = lexicons.language(language);
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
    // the tokenizer's rules come from its parameters: fitting reads no data
    TokenizerModel fittedTokenizer = tokenizer.copyValues(tokenizer.train(null, scala.Option.empty()),
        ParamMap.empty());

    TextMatcherModel ranks = matcher(fittedTokenizer, RANKS, "RANK", false, lx.rankPhrases());
    TextMatcherModel places = matcher(fittedTokenizer, PLACES, "PLACE", lx.placesCaseSensitive(), lx.placePhrases());
    TextMatcherModel triggers = matcher(fittedTokenizer, TRIGGERS, "TRIGGER", false, lx.triggerPhrases());
    TemporalAnnotator dates = new TemporalAnnotator().setInputCol(SENTENCE).setOutputCol(DATES).setLanguage(language);
    return new PipelineModel(Identifiable$.MODULE$.randomUID("defections_" + language),
        List.<Transformer>of(document, sentences, fittedTokenizer, ranks, places, triggers, dates));
  }

  /** The pipelines of every extracted language, by language. */
  public static Map<String, PipelineModel> buildAll(Lexicons lexicons) {
    Map<String, PipelineModel> out = new java.util.LinkedHashMap<>();
    for (String language : Lexicons.EXTRACTED_LANGUAGES) {
      out.put(language, build(lexicons, language));
    }
    return out;
  }

  /**
   * A fitted TextMatcher over {@code phrases}: the trie of the phrases as the pipeline's tokenizer splits them
   * (merging overlaps, so that the longest phrase wins).
   */
  private static TextMatcherModel matcher(TokenizerModel tokenizer, String out, String label, boolean caseSensitive,
      List<String> phrases) {
    List<String> distinct = new ArrayList<>(new java.util.TreeSet<>(phrases));
    String[][] tokens = new String[distinct.size()][];
    for (int i = 0; i < distinct.size(); i++) {
      scala.collection.Seq<Annotation> document = scala.collection.JavaConverters.asScalaBuffer(
          List.of(Annotation$.MODULE$.apply(distinct.get(i)))).toSeq();
      tokens[i] = scala.collection.JavaConverters.seqAsJavaList(tokenizer.annotate(document)).stream()
          .map(Annotation::result).toArray(String[]::new);
    }
    TextMatcherModel m = new TextMatcherModel();
    m.setSearchTrie(SearchTrie$.MODULE$.apply(tokens, caseSensitive));
    m.setInputCols(new String[] {SENTENCE, TOKEN});
    m.setOutputCol(out);
    m.setEntityValue(label);
    m.setMergeOverlapping(true);
    m.setBuildFromTokens(false);
    return m;
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
