package org.defections.annotate;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.defections.ingest.Article;
import org.defections.ingest.ArticleCleaner;
import org.defections.lexicon.Lexicons;

/**
 * Cleaning and candidate selection, before Spark NLP. Input: accepted {@link Article}s. Output: the
 * {@link Passage}s that can hold a defection (articles without a trigger stem produce none).
 */
public final class CandidateSelection {
  private CandidateSelection() {}

  public static Dataset<Passage> select(Dataset<Article> articles, Broadcast<Lexicons> lexicons,
      int contextParagraphs, int maxPassageChars, boolean enabled) {
    // the cleaner and the scanner (a compiled alternation of all trigger stems) are built once per partition
    return articles.mapPartitions((MapPartitionsFunction<Article, Passage>) it -> {
      Lexicons lx = lexicons.value();
      ArticleCleaner cleaner = new ArticleCleaner(lx.boilerplate());
      CandidateScanner scanner = new CandidateScanner(lx, contextParagraphs, maxPassageChars);
      // lazily, article by article: a partition's passages are never all in memory at once
      return new java.util.Iterator<Passage>() {
        private java.util.Iterator<Passage> current = java.util.Collections.emptyIterator();

        @Override
        public boolean hasNext() {
          while (!current.hasNext() && it.hasNext()) {
            current = passages(it.next(), cleaner, scanner, enabled).iterator();
          }
          return current.hasNext();
        }

        @Override
        public Passage next() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException();
          }
          return current.next();
        }
      };
    }, Encoders.bean(Passage.class));
  }

  /** Passages of one article (plain Java; {@code enabled=false} passes the whole cleaned article). */
  public static List<Passage> passages(Article a, Lexicons lx, int contextParagraphs, int maxPassageChars,
      boolean enabled) {
    return passages(a, new ArticleCleaner(lx.boilerplate()), new CandidateScanner(lx, contextParagraphs,
        maxPassageChars), enabled);
  }

  static List<Passage> passages(Article a, ArticleCleaner cleaner, CandidateScanner scanner, boolean enabled) {
    ArticleCleaner.Cleaned cleaned = cleaner.clean(a.getText());
    String text = cleaned.text();
    List<CandidateScanner.Span> spans;
    if (enabled) {
      spans = scanner.passages(text);
    } else {
      spans = List.of(new CandidateScanner.Span(0, text.length()));
    }
    List<Passage> out = new ArrayList<>();
    if (spans.isEmpty()) {
      return out;
    }
    String ref = a.getPublished() != null ? a.getPublished() : dateline(a.getText()); // before datelines are blanked
    List<Integer> segments = new ArrayList<>();
    for (int v : cleaned.segments()) {
      segments.add(v);
    }
    for (CandidateScanner.Span s : spans) {
      Passage p = new Passage();
      p.setArticleId(a.getId());
      p.setUrl(a.getUrl());
      p.setPublished(a.getPublished());
      p.setReferenceDate(ref);
      p.setPassageBegin(s.begin());
      p.setText(text.substring(s.begin(), s.end()));
      p.setSegments(segments);
      p.setLanguage(a.getLanguage() == null ? "en" : a.getLanguage());
      out.add(p);
    }
    return out;
  }

  /** The first full date in the article's opening (a dateline or byline), ISO, or null. */
  static String dateline(String text) {
    String head = text.length() > 1500 ? text.substring(0, 1500) : text;
    for (TemporalTagger.Expression e : TemporalTagger.tag(head)) {
      if (e.value().startsWith("DATE:")) {
        return e.value().substring(5);
      }
    }
    return null;
  }
}
