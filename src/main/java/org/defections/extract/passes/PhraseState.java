package org.defections.extract.passes;

import org.defections.extract.text.Chunks;
import org.defections.extract.text.Document;
import org.defections.extract.text.TokenRange;

/**
 * The state a defector phrase tells: its first demonym, regime, force, possessive state or state name used as a
 * modifier ("Zimbabwe National Army soldiers"), or a state after "of"/"from"; never one after "to", "in", "into",
 * "at" (a place reached).
 */
final class PhraseState {
  private PhraseState() {}

  /** The phrase's state and the word that tells it: {iso3, cue}, or nulls. */
  static String[] of(Extraction x, TokenRange span) {
    Document d = x.doc;
    for (int k = span.begin(); k < span.end(); k++) {
      Chunks.Place p = d.place(k);
      if (p == null) {
        continue;
      }
      boolean reached = k > span.begin() && x.is(k - 1, Words.AT) && !p.possessive();
      if (!reached && (p.tellsOrigin() || (k > span.begin() && x.is(k - 1, Words.OF)) || modifier(x, p, span))) {
        return new String[] {p.iso3(), d.text(k)};
      }
    }
    return new String[] {null, null};
  }

  /**
   * A state's name used as a modifier, as a demonym is: "two Zimbabwe National Army soldiers", "a Syria army
   * colonel" (no preposition before it; a rank or a word of a service after it).
   */
  private static boolean modifier(Extraction x, Chunks.Place p, TokenRange span) {
    Document d = x.doc;
    int before = p.range().begin() - 1;
    int after = p.range().end();
    return p.kind() == Chunks.PlaceKind.NAME && after < span.end()
        && (before < span.begin() || !x.is(before, Words.PREPOSITION))
        && (d.rank(after) != null || x.is(after, Words.SERVICE_WORD));
  }
}
