package org.defections.lexicon;

/** The rank classes of the record contract ({@code ../shared/spec/defection-records.md}). */
public enum RankClass {
  GENERAL_OFFICER, SENIOR_OFFICER, JUNIOR_OFFICER, ENLISTED, POLITICAL_LEADER, DIPLOMAT, OFFICIAL, CIVILIAN, UNKNOWN;

  /** Officers and enlisted ranks of an armed force. */
  public boolean military() {
    return this == GENERAL_OFFICER || this == SENIOR_OFFICER || this == JUNIOR_OFFICER || this == ENLISTED;
  }

  public boolean officer() {
    return this == GENERAL_OFFICER || this == SENIOR_OFFICER || this == JUNIOR_OFFICER;
  }

  /**
   * The class named in a lexicon file.
   *
   * @throws IllegalArgumentException naming the value when it is no class
   */
  public static RankClass parse(String name) {
    try {
      return valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a rank class: " + name);
    }
  }
}
