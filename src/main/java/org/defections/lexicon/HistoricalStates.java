package org.defections.lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Former states by the codes of their successors and years ({@code historical_states.tsv}): Russia in 1976 is the
 * Soviet Union (SUN), Slovakia in 1968 Czechoslovakia (CSK).
 */
final class HistoricalStates implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** A former state and the years (inclusive) in which it stood for a successor. */
  private record Span(String former, int from, int to) implements java.io.Serializable {}

  private final Map<String, List<Span>> bySuccessor = new HashMap<>();

  /**
   * Reads rows (successor, former, from year, to year).
   *
   * @throws IllegalArgumentException naming the file and row when a year is no number or the span is empty
   */
  static HistoricalStates of(String file, List<String[]> rows) {
    HistoricalStates h = new HistoricalStates();
    for (String[] r : rows) {
      try {
        Span s = new Span(r[1], Integer.parseInt(r[2]), Integer.parseInt(r[3]));
        if (s.from() > s.to()) {
          throw new IllegalArgumentException("the years " + r[2] + "-" + r[3] + " are empty");
        }
        h.bySuccessor.computeIfAbsent(r[0], k -> new ArrayList<>()).add(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("lexicon " + file + ", row " + String.join(" ", r)
            + ": the years must be numbers");
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("lexicon " + file + ", row " + String.join(" ", r) + ": "
            + e.getMessage());
      }
    }
    return h;
  }

  /** The code of {@code iso3} in {@code year}; {@code iso3} itself outside any former state's years or without one. */
  String stateIn(String iso3, Integer year) {
    if (iso3 == null || year == null) {
      return iso3;
    }
    for (Span s : bySuccessor.getOrDefault(iso3, List.of())) {
      if (year >= s.from() && year <= s.to()) {
        return s.former();
      }
    }
    return iso3;
  }
}
