package org.defections.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.defections.annotate.AnnotationPipeline;
import org.defections.annotate.CandidateSelection;
import org.defections.ingest.ArticleCleaner;
import org.defections.lexicon.Lexicons;

/**
 * The extraction stage's Spark side. Input: annotated distinct passages ({@link CandidateSelection#distinct}: the
 * {@code Passage} columns, the copies, plus the annotation columns of {@link AnnotationPipeline}). Output:
 * {@link Mention}s, offsets mapped back to the original article, one per mention and copy of the article.
 * Passages of Spanish articles go to {@link SpanishMentionExtractor}, the others to {@link MentionExtractor}.
 */
public final class MentionExtraction {
  private MentionExtraction() {}

  public static Dataset<Mention> extract(Dataset<Row> annotated, Broadcast<Lexicons> lexicons) {
    return annotated.mapPartitions((MapPartitionsFunction<Row, Mention>) rows -> {
      MentionExtractor extractor = new MentionExtractor(lexicons.value());
      SpanishMentionExtractor spanish = new SpanishMentionExtractor(lexicons.value());
      List<Mention> out = new ArrayList<>();
      while (rows.hasNext()) {
        Row r = rows.next();
        AnnotatedDocument doc = toDocument(r);
        int[] segments = segments(r);
        ArticleCleaner.Cleaned map = new ArticleCleaner.Cleaned("", segments, 0);
        boolean es = "es".equals(r.getString(r.fieldIndex("language")));
        String reportKey = r.getString(r.fieldIndex("reportKey"));
        List<Row> copies = r.getList(r.fieldIndex(CandidateSelection.COPIES));
        for (Mention m : es ? spanish.extract(doc) : extractor.extract(doc)) {
          m.setReportKey(reportKey);
          m.setBegin(map.toOriginal(m.getBegin()));
          m.setEnd(map.toOriginal(m.getEnd()));
          for (Row copy : copies) { // the first copy is the passage extracted
            out.add(copy.getString(0).equals(m.getArticleId()) ? m : m.inCopy(copy.getString(0), copy.getString(1)));
          }
        }
      }
      Iterator<Mention> it = out.iterator();
      return it;
    }, Encoders.bean(Mention.class));
  }

  private static int[] segments(Row r) {
    List<Integer> s = r.getList(r.fieldIndex("segments"));
    int[] out = new int[s.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = s.get(i);
    }
    return out;
  }

  /** Converts a row of annotated passage into the rules' input (Spark NLP end offsets are inclusive). */
  public static AnnotatedDocument toDocument(Row r) {
    String published = r.getString(r.fieldIndex("published"));
    String ref = r.getString(r.fieldIndex("referenceDate"));
    return new AnnotatedDocument(r.getString(r.fieldIndex("articleId")), r.getString(r.fieldIndex("url")),
        published == null ? null : LocalDate.parse(published), ref == null ? null : LocalDate.parse(ref),
        r.getString(r.fieldIndex("text")), r.getInt(r.fieldIndex("passageBegin")),
        spans(r, AnnotationPipeline.SENTENCE, false), spans(r, AnnotationPipeline.TOKEN, false),
        spans(r, AnnotationPipeline.RANKS, false), spans(r, AnnotationPipeline.PLACES, false),
        spans(r, AnnotationPipeline.TRIGGERS, false), spans(r, AnnotationPipeline.DATES, true));
  }

  private static List<AnnotatedDocument.Span> spans(Row r, String column, boolean withValue) {
    List<Row> anns = r.getList(r.fieldIndex(column));
    List<AnnotatedDocument.Span> out = new ArrayList<>(anns.size());
    for (Row a : anns) {
      scala.collection.Map<String, String> md = a.getMap(4);
      int sentence = md.contains("sentence") ? Integer.parseInt(md.apply("sentence")) : 0;
      String value = withValue && md.contains("value") ? md.apply("value") : null;
      out.add(new AnnotatedDocument.Span(a.getInt(1), a.getInt(2) + 1, a.getString(3), sentence, value));
    }
    return out;
  }
}
