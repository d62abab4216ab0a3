package org.defections.extract.rules;

/**
 * When a rule runs, and over what. Rules of one stage are tried in file order; what a stage does with a match is its
 * rule's action (see {@code docs/extraction.md}).
 */
public enum Stage {
  /** Over each sentence: adds triggers the lexicon cannot list ("went over to the rebels", "stayed behind"). */
  TRIGGER,
  /** Around a trigger: a sense that is not a state defection (a product defect, a party switch). */
  SENSE,
  /** Around a trigger: the phrase that names its defectors; the first rule whose action finds someone wins. */
  DEFECTOR,
  /** Inside a defector phrase: each match is one defector (a named person, a same-rank group). */
  PHRASE,
  /** Around a trigger: people who went with its defectors ("with 40 of his soldiers"); read once defectors are found. */
  COMPANION,
  /** Around a trigger: the state left, when the defector phrase does not tell it. */
  ORIGIN,
  /** Around a trigger: the state reached. */
  DESTINATION,
  /** Around a diplomat's rank: the country of the post ("ambassador to India"). */
  POSTING,
  /** In a defector's sentence: a name given apart ("a soldier surnamed Kim"). */
  SURNAME,
  /** At the start of the sentence after a group's: the sentence lists the group's members ("They included"). */
  ENUMERATION;

  public static Stage parse(String s, String where) {
    try {
      return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new org.defections.extract.pattern.PatternException(where + ": unknown stage '" + s.trim() + "'; stages: "
          + java.util.Arrays.toString(values()).toLowerCase(java.util.Locale.ROOT));
    }
  }
}
