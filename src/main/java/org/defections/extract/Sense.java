package org.defections.extract;

/** Senses of a trigger word that are not a state defection (the sense cue tables and the sense rules). */
public enum Sense {
  /** Crossing the floor between parties of one state. */
  PARTY,
  /** A league, club or code switch. */
  SPORT,
  /** Defects of things: products, births, software. */
  PRODUCT,
  /** Game theory. */
  GAME,
  /** Films, novels and games about defectors. */
  FICTION,
  /** Customers, members of a cartel. */
  CUSTOMER,
  /** Deserted places: "a deserted street". */
  PLACE,
  /** Leaving school ("desertaron de la escuela"). */
  EDUCATION;

  public static Sense parse(String name) {
    try {
      return valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a sense: " + name);
    }
  }
}
