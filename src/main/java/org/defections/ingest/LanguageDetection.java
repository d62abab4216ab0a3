package org.defections.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.defections.lexicon.Lexicons;

/**
 * The language step of ingest. Input: accepted articles. Output: the same articles with {@code language} set by
 * {@link LanguageDetector}. Articles in a language outside {@link #SUPPORTED} are not annotated; the job counts them
 * per language in its manifest (they are accepted, not rejected: the input is valid).
 */
public final class LanguageDetection {
  /** Languages the extraction rules read. */
  public static final Set<String> SUPPORTED = Set.of("en", "es");

  private LanguageDetection() {}

  public static Dataset<Article> tag(Dataset<Article> articles, Broadcast<Lexicons> lexicons) {
    return articles.mapPartitions((MapPartitionsFunction<Article, Article>) it -> {
      LanguageDetector detector = new LanguageDetector(lexicons.value());
      List<Article> out = new ArrayList<>();
      while (it.hasNext()) {
        Article a = it.next();
        a.setLanguage(detector.detect(a.getText()));
        out.add(a);
      }
      return out.iterator();
    }, Encoders.bean(Article.class));
  }
}
