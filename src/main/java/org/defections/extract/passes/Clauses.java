package org.defections.extract.passes;

import org.defections.extract.text.Document;
import org.defections.extract.text.NameFinder;

/**
 * Clause bounds around a trigger, read off punctuation and clause words (word classes of the rule set).
 *
 * <p>A clause starts after the nearest clause punctuation or clause word before the trigger ("but", "said", "that").
 * "and" starts a clause only when a new subject follows it and it does not join two parts of one noun phrase ("a
 * captain and three sergeants", "Lt. Gen. X and Brig. Gen. Y"). A clause ends at the next clause punctuation or
 * clause-ending word after the trigger. A clause word that is a participle after "be" ("were reported to have")
 * starts none; nor does "after" or "since" before a gerund in a relative clause ("X, who is in hiding after
 * abandoning his post").
 */
final class Clauses {
  /** How far after "and" a new subject is looked for. */
  private static final int SUBJECT_LOOKAHEAD = 4;

  private Clauses() {}

  static int start(Extraction x, int tb, int ss) {
    Document d = x.doc;
    for (int i = tb - 1; i >= ss; i--) {
      int opening = parenthesisOpening(x, i, ss);
      if (opening >= 0) {
        i = opening; // "Eleven troops – three officers, two warrant officers and six civilians – defected"
        continue;
      }
      if (x.is(i, Words.CLAUSE_PUNCT)) {
        return i + 1;
      }
      if (x.is(i, Words.CLAUSE_WORD) && i > ss && x.is(i - 1, Words.COPULA) && d.key(i).endsWith("ed")) {
        continue; // "two doctors were reported Thursday to have sought refuge": a passive frame, no new clause
      }
      if (i == tb - 1 && x.is(i, Words.GERUND_LINK) && d.key(tb).endsWith("ing") && inRelative(x, i, ss)) {
        continue; // "X, who is in hiding after abandoning his post": the gerund's subject is the relative's
      }
      if (x.is(i, Words.CLAUSE_WORD)) {
        if (x.is(i, Words.AND) && (!startsSubject(x, i + 1, tb) || (i > ss && (d.rank(i - 1) != null
            || x.is(i - 1, Words.PEOPLE) || d.place(i - 1) != null || namesJoined(x, i, tb, ss))))) {
          continue; // coordination inside one noun phrase
        }
        return i + 1;
      }
    }
    return ss;
  }

  /**
   * Where a parenthesis that closes at {@code close} opens: the nearest earlier dash for a dash, "(" for ")", with no
   * trigger between; -1 when {@code close} closes nothing.
   */
  private static int parenthesisOpening(Extraction x, int close, int ss) {
    Document d = x.doc;
    String k = d.key(close);
    boolean dash = x.is(close, Words.DASH);
    if (!dash && !")".equals(k)) {
      return -1;
    }
    for (int j = close - 1; j >= ss; j--) {
      if (x.inTrigger(j) || x.is(j, Words.CLAUSE_END)) {
        return -1;
      }
      if (dash ? x.is(j, Words.DASH) : "(".equals(d.key(j))) {
        return j;
      }
    }
    return -1;
  }

  /**
   * Whether token {@code i} is in a relative clause of a person: a word of {@code PERSON_RELATIVE} ("who") before it in
   * the sentence, no clause punctuation between.
   */
  private static boolean inRelative(Extraction x, int i, int ss) {
    for (int j = i - 1; j >= ss; j--) {
      if (x.is(j, Words.CLAUSE_PUNCT)) {
        return false;
      }
      if (x.is(j, Words.PERSON_RELATIVE)) {
        return true;
      }
    }
    return false;
  }

  static int end(Extraction x, int te, int se) {
    for (int i = te; i < se; i++) {
      if (x.is(i, Words.CLAUSE_PUNCT) || x.is(i, Words.CLAUSE_END)) {
        return i;
      }
    }
    return se;
  }

  /** A subject can start within a few tokens after {@code from}: a rank, a name, a count or a subject pronoun. */
  private static boolean startsSubject(Extraction x, int from, int to) {
    Document d = x.doc;
    for (int i = from; i < Math.min(to, from + SUBJECT_LOOKAHEAD); i++) {
      if (d.possessive(i) && d.place(i) == null && i + 1 < to && d.rank(i + 1) == null && !x.is(i + 1, Words.PEOPLE)
          && !x.is(i + 1, Words.SERVICE_WORD)) {
        return false; // "minister of interior and Qaddafi's No. 2": a possessive before no head of a subject
      }
      if (d.rank(i) != null || NameFinder.capitalized(d.text(i)) || d.number(i) != null
          || x.is(i, Words.SUBJECT_PRONOUN)) {
        return true;
      }
      if (x.inTrigger(i)) {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether {@code and} after a capitalized word joins two parts of one subject: "Colonel A and Major B", "A and B"
   * (a title or a name follows, then no other word), "A and B" at the sentence's start or ", A and B" (the last
   * names of a list), or "pilot A and two airmen" (a count, its rank, and before "and" one noun phrase too).
   */
  private static boolean namesJoined(Extraction x, int and, int tb, int ss) {
    Document d = x.doc;
    if (!NameFinder.capitalized(d.text(and - 1))) {
      return false;
    }
    if ((d.rank(and + 1) != null || NameFinder.capitalized(d.text(and + 1))) && oneNounPhrase(x, and + 1, tb)) {
      return true;
    }
    if (listedName(x, and - 1, ss) && d.nameStarting(and + 1) != null) {
      return true; // "A and B, who ..., fled", "two recruits, A and B, also made contact ... to defect"
    }
    return d.number(and + 1) != null && oneNounPhrase(x, and + 2, tb) && oneNounPhrase(x, phraseStart(x, and, ss), and);
  }

  /** Whether a name ends at {@code last} and starts the sentence or follows a comma ("A and", "..., A and"). */
  private static boolean listedName(Extraction x, int last, int ss) {
    var name = x.doc.name(last);
    return name != null && name.range().end() == last + 1 && (name.range().begin() == ss
        || name.range().begin() - 1 >= ss && ",".equals(x.doc.key(name.range().begin() - 1)));
  }

  /** Where the phrase that ends before {@code and} starts: after the last comma or clause punctuation. */
  private static int phraseStart(Extraction x, int and, int ss) {
    for (int i = and - 1; i >= ss; i--) {
      if (",".equals(x.doc.key(i)) || x.is(i, Words.CLAUSE_PUNCT)) {
        return i + 1;
      }
    }
    return ss;
  }

  /** No lower-case word but ranks, title modifiers, auxiliaries and name particles in [from, to): one noun phrase. */
  private static boolean oneNounPhrase(Extraction x, int from, int to) {
    Document d = x.doc;
    for (int i = from; i < to; i++) {
      String t = d.text(i);
      if (!t.isEmpty() && Character.isLowerCase(t.charAt(0)) && d.rank(i) == null && !x.is(i, Words.TITLE_MODIFIER)
          && !x.is(i, "NP_INNER") && !d.key(i).startsWith("al-") && !d.key(i).startsWith("el-")) {
        return false;
      }
    }
    return true;
  }
}
