package org.defections.extract.passes;

import java.util.ArrayList;
import java.util.List;
import org.defections.extract.Mention;
import org.defections.extract.rules.RuleSet;
import org.defections.extract.text.Chunks;
import org.defections.extract.text.Clause;
import org.defections.extract.text.Document;
import org.defections.extract.text.TokenRange;
import org.defections.lexicon.Lexicons;

/**
 * The state of one passage's extraction, shared by its passes: the document, the rules, the people the passage
 * names, the defectors found so far (for pronouns and coreference), the last state defected from, and the mentions.
 */
final class Extraction {
  final Document doc;
  final RuleSet rules;
  final Lexicons lexicons;
  final List<Person> people = new ArrayList<>();
  /** Named defectors found so far, in order: the likeliest referents of a later "he". */
  final List<Person> defectors = new ArrayList<>();
  final List<Mention> mentions = new ArrayList<>();
  /** The ids of the rules whose actions took part in this passage's mentions, in order. */
  final java.util.Set<String> fired = new java.util.LinkedHashSet<>();
  String lastOrigin;
  int lastOriginSentence = Integer.MIN_VALUE / 2;
  /** The defectors of the last trigger with any, and its sentence (for predicates that share a subject). */
  List<Defector> previousDefectors = List.of();
  int previousSentence = -1;

  Extraction(Document doc, RuleSet rules, Lexicons lexicons) {
    this.doc = doc;
    this.rules = rules;
    this.lexicons = lexicons;
  }

  boolean is(int i, String cls) {
    return doc.is(i, cls);
  }

  /** Whether a token of {@code r} is of word class {@code cls}. */
  boolean anyIs(TokenRange r, String cls) {
    for (int i = r.begin(); i < r.end(); i++) {
      if (doc.is(i, cls)) {
        return true;
      }
    }
    return false;
  }

  int param(String name) {
    return rules.param(name);
  }

  String natoCode(String canonicalRank, String origin) {
    return lexicons.natoCode(canonicalRank, origin);
  }

  Clause clause(Chunks.Trigger t) {
    TokenRange s = doc.sentenceAt(t.range().begin());
    return new Clause(s, new TokenRange(Clauses.start(this, t.range().begin(), s.begin()),
        Clauses.end(this, t.range().end(), s.end())));
  }

  /** Whether token {@code i} lies in a trigger that makes mentions (not an agent noun, not a return). */
  boolean inTrigger(int i) {
    Chunks.Trigger t = doc.trigger(i);
    return t != null && t.kind() != org.defections.lexicon.TriggerKind.RETURN;
  }
}
