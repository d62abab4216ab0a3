package org.defections.extract;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * One candidate passage with its Spark NLP annotations, as plain Java: the input of the extraction rules.
 * Offsets are [begin, end) into {@link #text()}; {@code textOffset} is where the passage starts in the cleaned
 * article, so that provenance can be mapped back to the original text.
 *
 * @param referenceDate date that relative expressions resolve against: the publication date, else a dateline found
 *     in the article, else null
 */
public record AnnotatedDocument(String articleId, String url, LocalDate published, LocalDate referenceDate,
    String text, int textOffset, List<Span> sentences, List<Span> tokens, List<Span> ranks, List<Span> places,
    List<Span> triggers, List<Span> dates) implements Serializable {

  /** An annotation: [begin, end) offsets, covered text, sentence index and a value (dates only, else null). */
  public record Span(int begin, int end, String text, int sentence, String value) implements Serializable {}
}
