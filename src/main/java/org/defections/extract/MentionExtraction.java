package org.defections.extract;

import com.johnsnowlabs.nlp.JavaAnnotation;
import com.johnsnowlabs.nlp.LightPipeline;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.defections.annotate.AnnotationPipeline;
import org.defections.candidates.CandidateSelection;
import org.defections.ingest.ArticleCleaner;
import org.defections.lexicon.Lexicons;

/**
 * The annotation and extraction stages' Spark side. Input: distinct passage texts ({@link CandidateSelection#distinct}:
 * text and contexts); each text is annotated once by the Spark NLP pipeline ({@link AnnotationPipeline#annotateOne})
 * and each of its contexts extracted from that one annotation. Output: {@link Mention}s, offsets mapped back to the
 * original article, one per mention and copy of the article. Passages of Spanish articles go to {@link
 * SpanishMentionExtractor}, the others to {@link MentionExtractor}.
 */
public final class MentionExtraction {
  private MentionExtraction() {}

  /**
   * Annotates and extracts, one task per partition of {@code distinct}; the pipeline goes to the executors with the
   * task and is wrapped for one-text-at-a-time annotation once per partition.
   */
  public static Dataset<Mention> extract(Dataset<Row> distinct, PipelineModel pipeline,
      Broadcast<Lexicons> lexicons) {
    return distinct.mapPartitions((MapPartitionsFunction<Row, Mention>) rows -> {
      LightPipeline light = AnnotationPipeline.light(pipeline);
      MentionExtractor extractor = new MentionExtractor(lexicons.value());
      SpanishMentionExtractor spanish = new SpanishMentionExtractor(lexicons.value());
      List<Mention> out = new ArrayList<>();
      while (rows.hasNext()) {
        Row r = rows.next();
        String text = r.getString(r.fieldIndex(AnnotationPipeline.TEXT));
        Annotations a = annotations(AnnotationPipeline.annotateOne(light, text));
        for (CandidateSelection.Context c : CandidateSelection.mergedContexts(r)) {
          String[] first = c.copies().get(0);
          AnnotatedDocument doc = a.document(first[0], first[1], c.published(), c.referenceDate(), text,
              c.passageBegin());
          ArticleCleaner.Cleaned map = new ArticleCleaner.Cleaned("", c.segments(), 0);
          for (Mention m : "es".equals(c.language()) ? spanish.extract(doc) : extractor.extract(doc)) {
            m.setReportKey(c.reportKey());
            m.setBegin(map.toOriginal(m.getBegin()));
            m.setEnd(map.toOriginal(m.getEnd()));
            for (String[] copy : c.copies()) { // the first copy is the passage extracted
              out.add(copy[0].equals(m.getArticleId()) ? m : m.inCopy(copy[0], copy[1]));
            }
          }
        }
      }
      return out.iterator();
    }, Encoders.bean(Mention.class));
  }

  /** The annotation columns of a row, as the rules read them (one text, any number of contexts). */
  record Annotations(List<AnnotatedDocument.Span> sentences, List<AnnotatedDocument.Span> tokens,
      List<AnnotatedDocument.Span> ranks, List<AnnotatedDocument.Span> places, List<AnnotatedDocument.Span> triggers,
      List<AnnotatedDocument.Span> dates) {
    AnnotatedDocument document(String articleId, String url, String published, String referenceDate, String text,
        int passageBegin) {
      return new AnnotatedDocument(articleId, url, published == null ? null : LocalDate.parse(published),
          referenceDate == null ? null : LocalDate.parse(referenceDate), text, passageBegin, sentences, tokens, ranks,
          places, triggers, dates);
    }
  }

  /** The annotations of one text by column ({@link AnnotationPipeline#annotateOne}), as the rules read them. */
  static Annotations annotations(Map<String, List<JavaAnnotation>> byColumn) {
    return annotations((column, withValue) -> {
      List<AnnotatedDocument.Span> out = new ArrayList<>();
      for (JavaAnnotation a : byColumn.getOrDefault(column, List.of())) {
        out.add(span(a.begin(), a.end(), a.result(), a.metadata().get("sentence"),
            withValue ? a.metadata().get("value") : null));
      }
      return out;
    });
  }

  /** The annotation columns of a row of the DataFrame pipeline ({@link AnnotationPipeline#annotate}). */
  static Annotations annotations(Row r) {
    return annotations((column, withValue) -> {
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

  private static Annotations annotations(ColumnSpans spans) {
    return new Annotations(spans.of(AnnotationPipeline.SENTENCE, false), spans.of(AnnotationPipeline.TOKEN, false),
        spans.of(AnnotationPipeline.RANKS, false), spans.of(AnnotationPipeline.PLACES, false),
        spans.of(AnnotationPipeline.TRIGGERS, false), spans.of(AnnotationPipeline.DATES, true));
  }

  /** One annotation as the rules read it: Spark NLP's inclusive end made exclusive; no sentence index means 0. */
  private static AnnotatedDocument.Span span(int begin, int endInclusive, String text, String sentence,
      String value) {
    return new AnnotatedDocument.Span(begin, endInclusive + 1, text, sentence == null ? 0 : Integer.parseInt(sentence),
        value);
  }

  /**
   * Converts a row of one annotated passage (the {@code Passage} columns plus the annotation columns) into the rules'
   * input (Spark NLP end offsets are inclusive).
   */
  public static AnnotatedDocument toDocument(Row r) {
    return annotations(r).document(r.getString(r.fieldIndex("articleId")), r.getString(r.fieldIndex("url")),
        r.getString(r.fieldIndex("published")), r.getString(r.fieldIndex("referenceDate")), r.getString(
            r.fieldIndex("text")), r.getInt(r.fieldIndex("passageBegin")));
  }
}
