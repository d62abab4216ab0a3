package org.defections.extract.pattern;

import java.util.HashMap;
import java.util.Map;
import org.defections.extract.text.TokenRange;

/**
 * The state of one match attempt: the document, the span searched, the groups captured so far and a budget of atom
 * tests, so that a pathological pattern fails instead of running away.
 */
final class MatchState<D extends TokenSequence> {
  /** Atom tests one attempt may make before it gives up (no rule of the bundled sets comes near it). */
  static final int STEP_BUDGET = 200_000;

  private final D doc;
  private final TokenRange bounds;
  private final Map<String, TokenRange> captures = new HashMap<>();
  private int steps;

  MatchState(D doc, TokenRange bounds) {
    this.doc = doc;
    this.bounds = bounds;
  }

  D doc() {
    return doc;
  }

  TokenRange bounds() {
    return bounds;
  }

  int limit() {
    return bounds.end();
  }

  Map<String, TokenRange> captures() {
    return captures;
  }

  /** Counts one atom test; false once the budget is spent. */
  boolean step() {
    return ++steps <= STEP_BUDGET;
  }
}
