package org.defections.extract;

/**
 * Why a mention with a countable factuality still makes no record (the {@code kept_out_reason} column). A trigger of
 * another sense is {@code sense:<SENSE>} (see {@link #sense}).
 */
public enum KeptOutReason {
  /** The trigger has another sense ({@code sense:PARTY}, {@code sense:PRODUCT} ...). */
  SENSE("sense:"),
  /** A group whose members the passage names: the members are the records. */
  NAMED_MEMBERS("named_members"),
  /** A group the next sentence lists member by member. */
  ENUMERATED_MEMBERS("enumerated_members"),
  /** A resignation that is no diplomat's at a post abroad. */
  RESIGNATION_NOT_ABROAD("resignation_not_abroad"),
  /** A weak trigger ("fled", "crossed the border") with no state to leave or reach. */
  WEAK_TRIGGER_WITHOUT_STATE_CONTEXT("weak_trigger_without_state_context"),
  /** A ruler fleeing his own state: not a defection. */
  OUSTED_RULER("ousted_ruler"),
  /** No state left could be told. */
  ORIGIN_UNKNOWN("origin_unknown"),
  /** Nobody could be told as the defector. */
  NO_DEFECTOR("no_defector");

  private final String code;

  KeptOutReason(String code) {
    this.code = code;
  }

  /** The value written in the mentions table (for SENSE, the prefix of {@link #sense}). */
  public String code() {
    return code;
  }

  /** The kept-out value of a trigger of another sense: {@code sense:PARTY}. */
  public static String sense(Sense s) {
    return SENSE.code + s.name();
  }

  /** Whether a kept-out value is of a sense ({@code sense:...}). */
  public static boolean isSense(String value) {
    return value != null && value.startsWith(SENSE.code);
  }
}
