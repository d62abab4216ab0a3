package org.defections.annotate;

import com.johnsnowlabs.nlp.LightPipeline;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.defections.extract.AnnotatedDocument;
import org.defections.lexicon.Lexicons;

/**
 * Annotates single texts with the job's own Spark NLP pipelines, in this JVM and without a SparkSession: the
 * annotations the extraction engine reads, for rule examples, tests and {@code defections try}. Not thread-safe.
 */
public final class TextAnnotator {
  private final Map<String, LightPipeline> pipelines = new HashMap<>();

  /** Builds the pipelines of every extracted language (no file is written, no Spark session started). */
  public TextAnnotator(Lexicons lexicons) {
    AnnotationPipeline.buildAll(lexicons).forEach((lang, model) -> pipelines.put(lang, AnnotationPipeline.light(model)));
  }

  /**
   * A text annotated as one passage of an article in {@code language}, published on {@code published} (may be
   * null: relative dates then stay unresolved).
   */
  public AnnotatedDocument annotate(String articleId, String text, String language, LocalDate published) {
    String day = published == null ? null : published.toString();
    return annotate(articleId, text, language, day, day, 0);
  }

  /**
   * A passage of an article annotated as the job annotates it: {@code passageBegin} is where it starts in the cleaned
   * article, {@code referenceDate} what relative dates resolve against (dates yyyy-mm-dd, or null).
   */
  public AnnotatedDocument annotate(String articleId, String text, String language, String published,
      String referenceDate, int passageBegin) {
    LightPipeline light = pipelines.get(language);
    if (light == null) {
      throw new IllegalArgumentException("no pipeline for language " + language + "; have " + pipelines.keySet());
    }
    return Annotations.of(AnnotationPipeline.annotateOne(light, text, language)).document(articleId, null, published,
        referenceDate, text, passageBegin);
  }
}
