package org.defections.extract.passes;

import org.defections.extract.Factuality;
import org.defections.extract.Sense;
import org.defections.extract.pattern.Match;
import org.defections.extract.rules.Rule;
import org.defections.extract.rules.Stage;
import org.defections.extract.text.Chunks;
import org.defections.extract.text.Clause;
import org.defections.extract.text.Document;
import org.defections.extract.text.TokenRange;
import org.defections.lexicon.Lexicons.Cue;

/**
 * What a trigger means and how the text holds it: its sense (the sense rules, then the sense cue table) and its
 * factuality (the factuality cue table, the cue of highest precedence winning; see {@link Factuality}).
 *
 * <p>Cue scopes: SENTENCE (anywhere in the trigger's sentence), BEFORE (between the clause's start and the trigger,
 * at most {@code FACTUALITY_WINDOW} tokens before it), AFTER (after the trigger in its clause), NEAR (for senses: at
 * most {@code SENSE_BEFORE} tokens before it or {@code SENSE_AFTER} after it in its clause; for factuality: the two
 * tokens before it), TRIGGER (the trigger's own words).
 */
final class Judgements {
  /** A factuality and the cue that gave it (null for ASSERTED). */
  record Judged(Factuality factuality, String cue) {}

  /** Tokens before a trigger in which a NEAR factuality cue stands ("no desertaron"). */
  private static final int FACTUALITY_NEAR = 2;

  private Judgements() {}

  /** The sense of a trigger that is not a defection, and the rule or cue that told it; null for a defection. */
  static Sense sense(Extraction x, Chunks.Trigger t, Clause c) {
    Document d = x.doc;
    for (Rule r : x.rules.rules(Stage.SENSE)) {
      Match m = r.pattern().findAnchored(d, c.sentence(), "trigger", t.range());
      if (m != null) {
        x.fired.add(r.id());
        return Sense.parse(r.action().arg(0));
      }
    }
    int tb = t.range().begin();
    int te = t.range().end();
    for (Cue cue : d.lexicon().senseCues()) {
      boolean found;
      if ("SENTENCE".equals(cue.scope())) {
        found = Cues.in(d, cue.phrase(), c.sentence());
      } else {
        found = Cues.find(d, cue.phrase(), Math.max(c.sentence().begin(), tb - x.param(Words.SENSE_BEFORE)), tb) >= 0
            || Cues.find(d, cue.phrase(), te, Math.min(c.end(), te + x.param(Words.SENSE_AFTER))) >= 0;
      }
      if (found) {
        return Sense.parse(cue.cls());
      }
    }
    return null;
  }

  static Judged factuality(Extraction x, Chunks.Trigger t, Clause c) {
    Document d = x.doc;
    int tb = t.range().begin();
    int te = t.range().end();
    boolean noun = t.kind() == org.defections.lexicon.TriggerKind.NOUN;
    Factuality best = Factuality.ASSERTED;
    String bestCue = null;
    for (Cue cue : d.lexicon().factualityCues()) {
      TokenRange scope;
      switch (cue.scope()) {
        case "SENTENCE":
          scope = c.sentence();
          break;
        case "AFTER":
          scope = new TokenRange(te, Math.max(te, c.end()));
          break;
        case "NEAR":
          scope = new TokenRange(Math.max(c.sentence().begin(), tb - FACTUALITY_NEAR), tb);
          break;
        case "TRIGGER":
          scope = t.range();
          break;
        default:
          scope = new TokenRange(Math.min(tb, Math.max(c.begin(), tb - x.param(Words.FACTUALITY_WINDOW))), tb);
          break;
      }
      if (!outsideOtherTriggers(d, cue.phrase(), scope, t)) {
        continue;
      }
      Factuality f = Factuality.parse(cue.cls());
      if (noun && f == Factuality.HYPOTHETICAL) {
        continue; // a noun names an event: a conditional elsewhere in its clause does not govern it
      }
      if (f.precedence() > best.precedence()) {
        best = f;
        bestCue = cue.phrase();
      }
    }
    return new Judged(best, bestCue);
  }

  /**
   * Whether the cue stands in {@code scope} outside every other trigger: the "not" of "have not returned" belongs to
   * that trigger's phrase, not to "are seeking asylum" coordinated after it.
   */
  private static boolean outsideOtherTriggers(Document d, String phrase, TokenRange scope, Chunks.Trigger t) {
    for (int from = scope.begin(); ; ) {
      int i = Cues.find(d, phrase, from, scope.end());
      if (i < 0) {
        return false;
      }
      Chunks.Trigger other = d.trigger(i);
      if (other == null || other.range().equals(t.range())) {
        return true;
      }
      from = i + 1;
    }
  }
}
