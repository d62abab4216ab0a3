package org.defections.extract.passes;

import java.util.regex.Pattern;
import org.defections.extract.text.Chunks;
import org.defections.extract.text.Document;
import org.defections.extract.text.TokenRange;
import org.defections.lexicon.Lexicons.RankEntry;
import org.defections.lexicon.RankClass;
import org.defections.lexicon.TriggerKind;

/**
 * The people a passage names, and how a name stands in its sentence: the title before it ("Lt. Gen. X"), the rank of
 * an apposition after it ("X, a senior colonel in ..."), the state of its description ("Syrian Colonel X", "X, a
 * Syrian pilot"), and what governs it (a preposition makes it an object: "close to President X").
 */
final class People {
  /** Tokens before a name in which a demonym or possessive state describes it ("Syrian Brig. Gen. X"). */
  private static final int ORIGIN_BEFORE = 3;
  /** Tokens after the comma of an apposition in which its state is read ("X, a Syrian pilot"). */
  private static final int ORIGIN_AFTER = 5;
  /** The rank an embassy's officer of no class takes. */
  private static final String DIPLOMAT = "diplomat";

  private People() {}

  /** Collects every name of the passage that can be a person's (surnames alone are names already: Layers). */
  static void collect(Extraction x) {
    Document d = x.doc;
    for (int s = 0; s < d.sentences().size(); s++) {
      TokenRange sent = d.sentence(s);
      RankEntry pluralTitle = null; // "Corporals A and B": a plural title covers the names joined after it
      int lastEnd = -1;
      for (Chunks.Name n : d.names(sent)) {
        if (n.possessive()) {
          continue;
        }
        TokenRange r = n.range();
        RankEntry rank = rankBefore(x, r.begin(), sent.begin());
        Chunks.Rank title = r.begin() > sent.begin() ? d.rank(r.begin() - 1) : null;
        if (rank == null && pluralTitle != null && joined(x, lastEnd, r.begin())) {
          rank = pluralTitle;
        } else {
          pluralTitle = title != null && title.plural() ? title.entry() : null;
        }
        lastEnd = r.end();
        if (rank == null) {
          rank = appositionRank(x, r.end(), sent.end());
        }
        if (rank == null) {
          rank = titleBefore(x, r.begin(), sent.begin());
        }
        if (rank == null) {
          rank = copularRank(x, r.end(), sent.end());
        }
        x.people.add(new Person(n.text(), rank, originNear(x, r, sent), s, r,
            inPrepositionalPhrase(x, r.begin(), sent.begin())));
      }
    }
  }

  /**
   * "a clerk at Myanmar's embassy", "the No. 2 officer at the Czechoslovak Embassy": a person of a generic rank (no
   * class, or a civilian's) described as working at an embassy, before the next comma, is a diplomat (no class) or
   * embassy staff (a civilian's).
   */
  static RankEntry atEmbassy(Extraction x, RankEntry rank, int from, int end) {
    if (rank != null && rank.type() != RankClass.UNKNOWN && rank.type() != RankClass.CIVILIAN) {
      return rank;
    }
    for (int i = from; i < end && !",".equals(x.doc.key(i)) && !x.inTrigger(i); i++) {
      if (x.is(i, Words.EMBASSY) && rank != null) {
        // an embassy's officer is a diplomat; its clerk or driver is its staff
        RankEntry at = x.doc.lexicon().rank(rank.type() == RankClass.UNKNOWN ? DIPLOMAT : Words.EMBASSY_STAFF);
        return at != null ? at : rank;
      }
    }
    return rank;
  }

  /** Whether only commas and "and" stand between two names. */
  private static boolean joined(Extraction x, int from, int to) {
    if (from < 0 || from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!",".equals(x.doc.key(i)) && !x.is(i, Words.AND)) {
        return false;
      }
    }
    return true;
  }

  /** An age before a rank: "was a 35-year-old forest worker". */
  private static final Pattern AGE = Pattern.compile("\\d+-year-old");

  /**
   * "X was the chargé d'affaires at ...", "X, 32, is a diplomat", "X was a 35-year-old forest worker": the rank a
   * copula gives a name right after it (an age between commas, or before the rank, allowed).
   */
  static RankEntry copularRank(Extraction x, int after, int end) {
    Document d = x.doc;
    int i = after;
    if (i + 2 < end && ",".equals(d.key(i)) && d.number(i + 1) != null && ",".equals(d.key(i + 2))) {
      i += 3;
    }
    if (i >= end || !x.is(i, Words.COPULA)) {
      return null;
    }
    i++;
    while (i < end && d.rank(i) == null && (x.is(i, Words.SINGULAR_DETERMINER) || x.is(i, Words.RANK_ADJECTIVE)
        || x.is(i, Words.TITLE_MODIFIER) || d.place(i) != null || AGE.matcher(d.key(i)).matches())) {
      i++;
    }
    Chunks.Rank r = d.rankStarting(i);
    return r == null ? null : r.entry();
  }

  /** The token that governs a name: the first one before it that is not a title, rank, place or modifier. */
  static int governor(Extraction x, int nameStart, int floor) {
    Document d = x.doc;
    int b = nameStart - 1;
    while (true) {
      // "Iranian defector Captain X": a defector noun before a title is a description of the name, as a rank is
      while (b >= floor && (d.rank(b) != null || d.place(b) != null || x.is(b, Words.TITLE_MODIFIER)
          || x.is(b, Words.RANK_ADJECTIVE) || x.is(b, Words.SERVICE_WORD) || x.is(b, Words.HONORIFIC)
          || (d.trigger(b) != null && d.trigger(b).kind() == TriggerKind.AGENT))) {
        b--;
      }
      // "Ethiopian marathon runner X", "Cuban boxing coach X": a field before a title is part of it
      if (b >= floor && b + 1 < nameStart && (x.is(b, Words.SPORT) || x.is(b, Words.SPECIALTY))
          && (d.rank(b + 1) != null || x.is(b + 1, Words.SPORT) || x.is(b + 1, Words.SPECIALTY))) {
        b--;
        continue;
      }
      // "Libya's ambassador to India Ali al-Essawi": a diplomat's posting belongs to the title before the name
      if (b - 1 >= floor && b + 1 < nameStart && x.is(b, Words.POST_PREPOSITION) && d.place(b + 1) != null
          && d.rank(b - 1) != null && d.rank(b - 1).type() == RankClass.DIPLOMAT) {
        b--;
        continue;
      }
      // "el ministro de Defensa de Guinea Ecuatorial Pedro X": the state of a title belongs to it
      if (b - 1 >= floor && b + 1 < nameStart && x.is(b, Words.OF) && d.place(b + 1) != null
          && d.rank(b - 1) != null) {
        b--;
        continue;
      }
      return b;
    }
  }

  /** "close to President X", "the account of Major X": the name is the object of a preposition. */
  static boolean inPrepositionalPhrase(Extraction x, int nameStart, int floor) {
    int b = governor(x, nameStart, floor);
    return b >= floor && x.is(b, Words.PREPOSITION);
  }

  /**
   * A name can be the subject of a clause that starts at {@code floor} only at its start or after a joiner (comma,
   * "and", "including"); after a preposition, a determiner or a verb ("flew their Dassault Mirage") it is an object.
   */
  static boolean startsNounPhrase(Extraction x, int nameStart, int floor) {
    int b = governor(x, nameStart, floor);
    // a fronted date is no governor: "On 3 May 1989 Cuban captain X landed"
    return b < floor || x.is(b, Words.NP_JOINER) || x.is(b, Words.CLAUSE_WORD) || x.doc.date(b) != null;
  }

  /** The rank chunk that ends right before token {@code i}: "Lt. Gen. X", "Syrian Colonel X". */
  static RankEntry rankBefore(Extraction x, int i, int floor) {
    if (i - 2 >= floor && x.is(i - 1, Words.HONORIFIC)) {
      i--; // "Colonel Dr Ahmad Hassan"
    }
    Chunks.Rank r = i - 1 >= floor ? x.doc.rank(i - 1) : null;
    return r == null ? null : r.entry();
  }

  /**
   * "X, Syria's ambassador to Iraq" / "X, a senior colonel in ...": the head rank of an apposition after a name, within
   * the name's sentence and before any trigger.
   */
  static RankEntry appositionRank(Extraction x, int after, int end) {
    Document d = x.doc;
    RankEntry head = null;
    int last = Math.min(end, after < d.size() ? d.sentenceAt(after).end() : end);
    if (after < last && ",".equals(d.key(after))) {
      for (int i = after + 1; i < Math.min(last, after + 1 + x.param(Words.TITLE_WINDOW)); i++) {
        if (x.is(i, Words.APPOSITION_STOP) || x.is(i, Words.PEOPLE) || x.is(i, Words.PREPOSITION)
            || x.is(i, Words.CLAUSE_PUNCT) || x.inTrigger(i)) {
          break;
        }
        Chunks.Rank r = d.rank(i);
        // the head noun of the apposition is its last rank; "Workers' party official": a possessive modifies
        if (r != null && !d.possessive(r.range().end() - 1) && !d.text(r.range().end() - 1).endsWith("'")
            && !d.text(r.range().end() - 1).endsWith("\u2019")) {
          head = r.entry();
        }
      }
    }
    return head;
  }

  /**
   * "Libya's ambassador to the Arab League, Abdel Monein al-Honi": the title of a name given before it and a comma,
   * the first rank of the comma segment before the name (no trigger, reporting verb or clause word in it), within
   * {@code TITLE_WINDOW} tokens.
   */
  static RankEntry titleBefore(Extraction x, int nameStart, int floor) {
    Document d = x.doc;
    int comma = nameStart - 1;
    if (comma <= floor || !",".equals(d.key(comma))) {
      return null;
    }
    RankEntry first = null;
    for (int i = comma - 1; i >= Math.max(floor, comma - x.param(Words.TITLE_WINDOW)); i--) {
      if (",".equals(d.key(i)) || x.is(i, Words.CLAUSE_PUNCT) || x.is(i, Words.CLAUSE_WORD) || x.is(i, Words.REPORTING)
          || x.inTrigger(i)) {
        break;
      }
      if (d.rankStarting(i) != null) {
        first = d.rankStarting(i).entry();
      }
    }
    return first;
  }

  /** The state a name's description tells: a demonym or possessive state just before it, or in its apposition. */
  static String originNear(Extraction x, TokenRange name, TokenRange sentence) {
    Document d = x.doc;
    for (int i = Math.max(sentence.begin(), name.begin() - ORIGIN_BEFORE); i < name.begin(); i++) {
      Chunks.Place p = d.place(i);
      if (p != null && p.tellsOrigin()) {
        return p.iso3();
      }
    }
    int to = name.end();
    if (to < sentence.end() && ",".equals(d.key(to))) {
      for (int i = to + 1; i < Math.min(sentence.end(), to + 1 + ORIGIN_AFTER); i++) {
        if (",".equals(d.key(i))) {
          break;
        }
        Chunks.Place p = d.place(i);
        if (p != null && p.tellsOrigin()) {
          return p.iso3();
        }
      }
    }
    return null;
  }

  /**
   * A named defector completed from the people of the passage with a compatible name: the most specific rank, a
   * state, and the fullest spelling.
   */
  static void enrich(Extraction x, Defector d) {
    if (d.name == null) {
      return;
    }
    for (Person p : x.people) {
      if (org.defections.extract.Names.compatible(p.name(), d.name)) {
        if (p.rank() != null && (d.rank == null || p.rank().specificity() > d.rank.specificity())) {
          d.rank = p.rank();
        }
        if (d.origin == null && p.origin() != null) {
          d.origin = p.origin();
          d.originCue = "entity";
        }
        if (p.name().split(" ").length > d.name.split(" ").length) {
          d.name = p.name();
        }
      }
    }
  }

  static Defector defector(Extraction x, Person p) {
    Defector d = Defector.named(p.name(), p.rank());
    d.origin = p.origin();
    d.originCue = p.origin() == null ? null : "entity";
    enrich(x, d);
    return d;
  }

  /** The last defector named within a few sentences before {@code before}, else the last person not in a phrase. */
  static Person last(Extraction x, int before) {
    int sentence = x.doc.sentenceOf(before);
    for (int k = x.defectors.size() - 1; k >= 0; k--) {
      Person p = x.defectors.get(k);
      if (p.range().begin() < before && sentence - p.sentence() <= x.param(Words.COREFERENCE_SENTENCES) + 1) {
        return p;
      }
    }
    Person best = null;
    for (Person p : x.people) {
      if (!p.inPhrase() && p.range().begin() < before && (best == null || p.range().begin() > best.range().begin())) {
        best = p;
      }
    }
    return best;
  }
}
