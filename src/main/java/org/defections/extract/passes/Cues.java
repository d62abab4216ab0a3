package org.defections.extract.passes;

import org.defections.extract.text.Document;
import org.defections.extract.text.TokenRange;

/** Finding the phrases of the cue tables (factuality, sense) in a token range. */
final class Cues {
  /** The words of each cue phrase, split once. */
  private static final java.util.concurrent.ConcurrentHashMap<String, String[]> WORDS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Cues() {}

  /**
   * The first token where the phrase's words stand in order in [from, to), or -1. A word matches a token's key, or
   * its key without a possessive; "n't" matches any contraction ("didn't", "hasn't"); no token of a date, of a
   * multi-word place name or of a person's name matches ("may" in "3 May 1989" or in "May Chidiac", "league" in "the
   * Arab League").
   */
  static int find(Document d, String phrase, int from, int to) {
    String[] words = WORDS.computeIfAbsent(phrase, p -> p.split(" "));
    outer:
    for (int i = Math.max(0, from); i + words.length <= Math.min(to, d.size()); i++) {
      for (int w = 0; w < words.length; w++) {
        String tok = d.key(i + w);
        String word = words[w];
        if (!(tok.equals(word) || stripPossessive(tok).equals(word) || (word.equals("n't") && tok.endsWith("n't")))
            || d.date(i + w) != null || inPlaceName(d, i + w) || d.name(i + w) != null) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static boolean inPlaceName(Document d, int i) {
    var place = d.place(i);
    return place != null && place.range().length() > 1;
  }

  static boolean in(Document d, String phrase, TokenRange r) {
    return find(d, phrase, r.begin(), r.end()) >= 0;
  }

  private static String stripPossessive(String k) {
    if (k.endsWith("'s")) {
      return k.substring(0, k.length() - 2);
    }
    if (k.endsWith("s'")) {
      return k.substring(0, k.length() - 1);
    }
    return k;
  }
}
