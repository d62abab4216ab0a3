package org.defections.extract.passes;

import java.util.ArrayList;
import java.util.List;
import org.defections.extract.Mention;
import org.defections.extract.Sense;
import org.defections.extract.pattern.PatternException;
import org.defections.extract.rules.Rule;
import org.defections.extract.rules.RuleSet;
import org.defections.extract.rules.Stage;
import org.defections.extract.text.Chunks;
import org.defections.extract.text.Document;
import org.defections.lexicon.Lexicons;
import org.defections.lexicon.TriggerKind;

/**
 * The passes of the extraction engine, in order, over one passage:
 *
 * <ol>
 *   <li>trigger rules add the triggers no phrase list holds ({@link TriggerRules});
 *   <li>the people the passage names are collected ({@link People});
 *   <li>each trigger that makes mentions gets its defectors, sense, factuality, date and states
 *       ({@link TriggerMentions}), and an unnamed group its breakdown by rank ({@link BreakDown});
 *   <li>a list of headings of which some tell defections tells them all ({@link HeadingLists});
 *   <li>an origin borrowed from the passage that is a state its defectors went to is read again ({@link
 *       Places#revisitBorrowedOrigins});
 *   <li>unnamed single defectors get a name given apart or later ({@link Coreference});
 *   <li>unnamed groups get their named or listed members ({@link GroupMembers});
 *   <li>a defector who goes back gets a second defection ({@link Returns});
 *   <li>the passage's sense and later denials are applied ({@link PassageJudgements});
 *   <li>states are named by their codes of the time ({@link Lexicons#stateIn}: Russia in 1976 is SUN).
 * </ol>
 */
public final class Passes {
  private Passes() {}

  /** The mentions of a passage, and the rules whose actions took part in them (in the order they acted). */
  public record Result(List<Mention> mentions, List<String> fired) {}

  /** The mentions of a passage's document. */
  public static Result run(Document doc, RuleSet rules, Lexicons lexicons) {
    java.util.Set<String> triggerRules = new java.util.LinkedHashSet<>();
    TriggerRules.apply(doc, rules.rules(Stage.TRIGGER), triggerRules);
    Extraction x = new Extraction(doc, rules, lexicons);
    x.fired.addAll(triggerRules);
    People.collect(x);
    for (Chunks.Trigger t : doc.triggers()) {
      if (!t.kind().makesMentions()) {
        continue;
      }
      List<Mention> ms = TriggerMentions.of(x, t);
      if (t.rule() != null) {
        ms.forEach(m -> m.setRuleId(t.rule() + "|" + m.getRuleId()));
      }
      x.mentions.addAll(BreakDown.apply(x, ms));
    }
    x.mentions.addAll(HeadingLists.apply(x));
    Places.revisitBorrowedOrigins(x);
    Coreference.apply(x);
    List<Mention> members = GroupMembers.apply(x);
    x.mentions.addAll(members);
    x.mentions.addAll(Returns.apply(x));
    PassageJudgements.passageSense(x);
    PassageJudgements.deniedLater(x);
    formerStates(x, lexicons);
    return new Result(new ArrayList<>(x.mentions), List.copyOf(x.fired));
  }

  /** Origins and destinations by the codes of the event's year, else the publication's. */
  private static void formerStates(Extraction x, Lexicons lexicons) {
    java.time.LocalDate published = x.doc.source().published();
    for (Mention m : x.mentions) {
      Integer year = m.getEventYear() != null ? m.getEventYear() : published == null ? null : published.getYear();
      String origin = lexicons.stateIn(m.getOriginCountry(), year);
      String destination = lexicons.stateIn(m.getDestinationCountry(), year);
      m.setOriginCountry(origin);
      m.setDestinationCountry(destination != null && destination.equals(origin) ? null : destination);
    }
  }

  /**
   * Checks what the passes need of a rule set beyond its syntax: the word classes and parameters they read, and the
   * values of trigger and sense actions.
   *
   * @throws PatternException naming what is missing or wrong
   */
  public static void check(RuleSet rules) {
    for (String cls : Words.REQUIRED) {
      if (!rules.classes().defines(cls)) {
        throw new PatternException("the " + rules.language() + " rules define no word class " + cls
            + " (rules/" + rules.language() + "/words.rules)");
      }
    }
    for (String p : Words.PARAMS) {
      rules.param(p);
    }
    rules.param("NEWS_PAST");
    for (Rule r : rules.rules(Stage.TRIGGER)) {
      try {
        TriggerKind.parse(r.action().arg(0));
      } catch (IllegalArgumentException e) {
        throw new PatternException(r.where() + ", rule " + r.id() + ": " + e.getMessage());
      }
      if (!List.of("STRONG", "WEAK").contains(r.action().arg(1))) {
        throw new PatternException(r.where() + ", rule " + r.id() + ": a trigger is STRONG or WEAK, not "
            + r.action().arg(1));
      }
    }
    for (Rule r : rules.rules(Stage.SENSE)) {
      try {
        Sense.parse(r.action().arg(0));
      } catch (IllegalArgumentException e) {
        throw new PatternException(r.where() + ", rule " + r.id() + ": " + e.getMessage());
      }
    }
  }
}
