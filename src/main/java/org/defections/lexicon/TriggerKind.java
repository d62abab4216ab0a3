package org.defections.lexicon;

/**
 * What a trigger phrase is (column 2 of the trigger lexicons): how the defector stands to it and whether it can make
 * a mention of its own.
 */
public enum TriggerKind {
  /** A verb: the defector is its subject ("defected", "fled", "switched sides"). */
  VERB,
  /** A noun: "X's defection", "the defection of X". */
  NOUN,
  /** A noun for the person ("defector"): context only, never a mention on its own. */
  AGENT,
  /** An asylum request or grant ("pidió asilo", "sought asylum"). */
  ASYLUM,
  /** A resignation: a defection only when a diplomat resigns at a post abroad. */
  RESIGN,
  /** Going back: a defection from the state the person had gone to, only after an earlier defection. */
  RETURN;

  /** Triggers whose tense tells when the event was: verbs, asylum requests and resignations. */
  public boolean verbal() {
    return this == VERB || this == ASYLUM || this == RESIGN;
  }

  /** Triggers that make mentions of their own (not agents, not returns). */
  public boolean makesMentions() {
    return this != AGENT && this != RETURN;
  }

  /**
   * The kind named in a lexicon file.
   *
   * @throws IllegalArgumentException naming the value when it is no kind
   */
  public static TriggerKind parse(String name) {
    try {
      return valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a trigger kind: " + name);
    }
  }
}
