package org.defections.extract.text;

import org.defections.lexicon.Lexicons.RankEntry;
import org.defections.lexicon.Lexicons.TriggerEntry;
import org.defections.lexicon.RankClass;
import org.defections.lexicon.TriggerKind;

/** The annotation chunks of a passage, each over a token range, with what the lexicons say of it. */
public final class Chunks {
  private Chunks() {}

  /** A rank, title or role ("Lt. Col.", "ambassador", "sargentos"); plural when it names several people. */
  public record Rank(TokenRange range, RankEntry entry, boolean plural) {
    public RankClass type() {
      return entry.type();
    }
  }

  /**
   * Where a place phrase comes from: a name, demonym, capital, regime phrase, armed force, a region of context, a
   * region or city inside one state (REGION: "Magway Region", "Kirkuk"), or an international body (BODY: a diplomat's
   * post only, never a state left or reached).
   */
  public enum PlaceKind {
    NAME, DEMONYM, CAPITAL, REGIME, FORCE, CONTEXT, REGION, BODY;

    public static PlaceKind of(String lexiconKind) {
      return lexiconKind.startsWith("CONTEXT") ? CONTEXT : valueOf(lexiconKind);
    }
  }

  /**
   * A state named by a place phrase: its ISO alpha-3 code and kind; {@code possessive} for "Syria's", which like a
   * demonym tells whose a person is.
   */
  public record Place(TokenRange range, String iso3, PlaceKind kind, boolean possessive) {
    /** Whether the phrase can tell the state a person serves (demonym, regime, force, possessive, context region). */
    public boolean tellsOrigin() {
      return kind == PlaceKind.DEMONYM || kind == PlaceKind.REGIME || kind == PlaceKind.FORCE
          || kind == PlaceKind.CONTEXT || possessive;
    }
  }

  /** A trigger phrase; {@code rule} is the trigger rule that made it, or null for a lexicon phrase. */
  public record Trigger(TokenRange range, TriggerEntry entry, String rule) {
    public TriggerKind kind() {
      return entry.type();
    }

    public boolean strong() {
      return entry.strong();
    }
  }

  /** A temporal expression with its normalised value (see {@code TemporalTagger}). */
  public record Date(TokenRange range, String value) {}

  /** A person-like name: two or more capitalised words; {@code possessive} when its last word is ("X's"). */
  public record Name(TokenRange range, String text, boolean possessive) {}
}
