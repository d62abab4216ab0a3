package org.defections.extract.passes;

import org.defections.lexicon.Lexicons.RankEntry;

/**
 * A defector found for a trigger while its mentions are made: a named person, or a same-rank group of a count (null
 * when the text gives none). {@code vagueLarge}: "hundreds of", "dozens of" (a statistic, never a record).
 */
final class Defector {
  String name;
  RankEntry rank;
  Integer count;
  boolean vagueLarge;
  boolean pluralNoun;
  String origin;
  String originCue;
  String organization;
  /** The phrase rule that recognised this defector inside its phrase, or null. */
  String phraseRule;
  /** A diplomat's post the phrase gives ("ambassadors in China, India and Poland": one defector each), or null. */
  String posting;
  /** A definite description ("the general"): it may refer to a defector told before. */
  boolean definite;
  /** The earlier mention a definite description refers to, or null. */
  org.defections.extract.Mention antecedent;

  static Defector named(String name, RankEntry rank) {
    Defector d = new Defector();
    d.name = name;
    d.rank = rank;
    d.count = 1;
    return d;
  }

  Defector copy() {
    Defector d = new Defector();
    d.name = name;
    d.rank = rank;
    d.count = count;
    d.vagueLarge = vagueLarge;
    d.pluralNoun = pluralNoun;
    d.origin = origin;
    d.originCue = originCue;
    d.organization = organization;
    d.phraseRule = phraseRule;
    d.definite = definite;
    d.posting = posting;
    d.antecedent = antecedent;
    return d;
  }

  @Override
  public String toString() {
    return "Defector{" + name + ", " + (rank == null ? null : rank.canonical()) + ", n=" + count + ", " + origin + "}";
  }
}
