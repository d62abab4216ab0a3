package org.defections.extract.passes;

import org.defections.extract.pattern.Match;
import org.defections.extract.rules.Rule;
import org.defections.extract.text.Chunks;
import org.defections.extract.text.Document;
import org.defections.extract.text.TokenRange;
import org.defections.lexicon.Lexicons.TriggerEntry;

/**
 * Adds the triggers of the trigger rules ({@code triggers.rules}): constructions a phrase list cannot hold, with gaps
 * or conditions ("went over to the rebels", "stayed behind after the tournament"). The match's {@code trigger} group
 * becomes a trigger of the rule's kind and strength, unless a lexicon trigger already covers its first token.
 */
final class TriggerRules {
  private TriggerRules() {}

  static void apply(Document d, Iterable<Rule> rules, java.util.Set<String> fired) {
    for (Rule r : rules) {
      TriggerEntry entry = null;
      for (TokenRange s : d.sentences()) {
        for (Match m : r.pattern().findAll(d, s)) {
          TokenRange t = m.group("trigger");
          if (t == null || t.isEmpty()) {
            continue;
          }
          if (entry == null) {
            entry = new TriggerEntry(d.textOf(t), r.action().arg(0), r.action().arg(1));
          }
          d.addTrigger(new Chunks.Trigger(t, new TriggerEntry(d.textOf(t), entry.kind(), entry.strength()), r.id()));
          fired.add(r.id());
        }
      }
    }
  }
}
