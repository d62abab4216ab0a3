package org.defections.annotate;

import com.johnsnowlabs.nlp.JavaAnnotation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.defections.extract.AnnotatedDocument;

/**
 * The annotation columns of one text as the extraction engine reads them ({@link AnnotatedDocument}), from either
 * form the annotation stage gives: the one-text annotation of a {@link com.johnsnowlabs.nlp.LightPipeline}
 * ({@link AnnotationPipeline#annotateOne}) or a row of the DataFrame pipeline. Spark NLP's inclusive end offsets
 * become exclusive; an annotation without a sentence index is of sentence 0.
 */
public record Annotations(List<AnnotatedDocument.Span> sentences, List<AnnotatedDocument.Span> tokens,
    List<AnnotatedDocument.Span> ranks, List<AnnotatedDocument.Span> places, List<AnnotatedDocument.Span> triggers,
    List<AnnotatedDocument.Span> dates) {

  /** The passage of an article these annotations are of, as the engine's input. */
  public AnnotatedDocument document(String articleId, String url, String published, String referenceDate, String text,
      int passageBegin) {
    return new AnnotatedDocument(articleId, url, published == null ? null : LocalDate.parse(published),
        referenceDate == null ? null : LocalDate.parse(referenceDate), text, passageBegin, sentences, tokens, ranks,
        places, triggers, dates);
  }

  /** The annotations of one text by column ({@link AnnotationPipeline#annotateOne}). */
  public static Annotations of(Map<String, List<JavaAnnotation>> byColumn) {
    return of((column, withValue) -> {
      List<AnnotatedDocument.Span> out = new ArrayList<>();
      for (JavaAnnotation a : byColumn.getOrDefault(column, List.of())) {
        out.add(span(a.begin(), a.end(), a.result(), a.metadata().get("sentence"),
            withValue ? a.metadata().get("value") : null));
      }
      return out;
    });
  }

  /** The annotation columns of a row of the DataFrame pipeline ({@link AnnotationPipeline#annotate}). */
  public static Annotations of(Row r) {
    return of((column, withValue) -> {
      List<AnnotatedDocument.Span> out = new ArrayList<>();
      for (Row a : r.<Row>getList(r.fieldIndex(column))) {
        scala.collection.Map<String, String> md = a.getMap(4);
        out.add(span(a.getInt(1), a.getInt(2), a.getString(3), md.contains("sentence") ? md.apply("sentence") : null,
            withValue && md.contains("value") ? md.apply("value") : null));
      }
      return out;
    });
  }

  /** The spans of one annotation column; {@code withValue}: with each annotation's value (dates). */
  private interface ColumnSpans {
    List<AnnotatedDocument.Span> of(String column, boolean withValue);
  }

  private static Annotations of(ColumnSpans spans) {
    return new Annotations(spans.of(AnnotationPipeline.SENTENCE, false), spans.of(AnnotationPipeline.TOKEN, false),
        spans.of(AnnotationPipeline.RANKS, false), spans.of(AnnotationPipeline.PLACES, false),
        spans.of(AnnotationPipeline.TRIGGERS, false), spans.of(AnnotationPipeline.DATES, true));
  }

  private static AnnotatedDocument.Span span(int begin, int endInclusive, String text, String sentence,
      String value) {
    return new AnnotatedDocument.Span(begin, endInclusive + 1, text, sentence == null ? 0 : Integer.parseInt(sentence),
        value);
  }
}
