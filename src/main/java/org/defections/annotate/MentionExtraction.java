package org.defections.annotate;

import com.johnsnowlabs.nlp.LightPipeline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.defections.candidates.CandidateSelection;
import org.defections.extract.AnnotatedDocument;
import org.defections.extract.Extractor;
import org.defections.extract.Mention;
import org.defections.ingest.ArticleCleaner;
import org.defections.lexicon.SharedLexicons;

/**
 * The annotation and extraction stages' Spark side. Input: distinct passage texts ({@link CandidateSelection#distinct}:
 * text and contexts); each text is annotated once by the Spark NLP pipeline ({@link AnnotationPipeline#annotateOne})
 * and each of its contexts extracted from that one annotation. Output: {@link Mention}s, offsets mapped back to the
 * original article, one per mention and copy of the article. Each context is annotated and extracted in its article's
 * language (the pipeline and {@link Extractor} of that language; English for any other).
 */
public final class MentionExtraction {
  private MentionExtraction() {}

  /**
   * Annotates and extracts, one task per partition of {@code distinct}; the pipeline goes to the executors with the
   * task and is wrapped for one-text-at-a-time annotation once per partition.
   */
  public static Dataset<Mention> extract(Dataset<Row> distinct, Map<String, PipelineModel> pipelines,
      SharedLexicons lexicons) {
    return distinct.mapPartitions((MapPartitionsFunction<Row, Mention>) rows -> {
      Map<String, LightPipeline> light = new HashMap<>();
      List<Mention> out = new ArrayList<>();
      while (rows.hasNext()) {
        Row r = rows.next();
        String text = r.getString(r.fieldIndex(AnnotationPipeline.TEXT));
        Map<String, Annotations> byLanguage = new HashMap<>();
        for (CandidateSelection.Context c : CandidateSelection.mergedContexts(r)) {
          String language = pipelines.containsKey(c.language()) ? c.language() : "en";
          Annotations a = byLanguage.computeIfAbsent(language, l -> Annotations.of(AnnotationPipeline.annotateOne(
              light.computeIfAbsent(l, k -> AnnotationPipeline.light(pipelines.get(k))), text, l)));
          Extractor extractor = Extractor.forLanguage(lexicons.value(), language);
          String[] first = c.copies().get(0);
          AnnotatedDocument doc = a.document(first[0], first[1], c.published(), c.referenceDate(), text,
              c.passageBegin());
          ArticleCleaner.Cleaned map = new ArticleCleaner.Cleaned("", c.segments(), 0);
          for (Mention m : extractor.extract(doc)) {
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

}
