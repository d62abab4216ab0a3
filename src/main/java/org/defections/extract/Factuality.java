package org.defections.extract;

/**
 * How a text presents a defection. Only ASSERTED and REPORTED mentions become records. When cues of several classes
 * govern a trigger, the one of highest precedence wins: DENIED, NEGATED, UNCLEAR, PLANNED and HYPOTHETICAL,
 * STATISTIC, REPORTED, ASSERTED.
 */
public enum Factuality {
  ASSERTED(1), REPORTED(2), STATISTIC(3), PLANNED(4), HYPOTHETICAL(4), UNCLEAR(5), NEGATED(6), DENIED(7);

  private final int precedence;

  Factuality(int precedence) {
    this.precedence = precedence;
  }

  public int precedence() {
    return precedence;
  }

  /** Stated as fact or attributed: a record may come of it. */
  public boolean countable() {
    return this == ASSERTED || this == REPORTED;
  }

  /** The record status a countable mention gets. */
  public String status() {
    return this == REPORTED ? "REPORTED" : "CONFIRMED";
  }

  /**
   * The class named in a cue table.
   *
   * @throws IllegalArgumentException naming the value when it is no class
   */
  public static Factuality parse(String name) {
    try {
      return valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a factuality class: " + name);
    }
  }
}
