package org.defections.extract.passes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.defections.extract.Mention;
import org.defections.extract.Names;
import org.defections.extract.text.Chunks;
import org.defections.extract.text.Document;
import org.defections.extract.text.NameFinder;
import org.defections.extract.text.TokenRange;
import org.defections.lexicon.Lexicons;

/**
 * The referents of pronouns and plural subjects ("he", "his defection", "both"): a person-denoting phrase earlier in
 * the sentence, else the last defector found, else the last person named outside a prepositional phrase.
 */
final class Antecedents {
  /** Tokens after a rank in which a name would make it a title rather than a person ("the colonel X"). */
  private static final int TITLE_NAME_WINDOW = 4;
  /** Tokens after a rank in which the state of its description is read. */
  private static final int DESCRIPTION_WINDOW = 6;

  /** The fewest people "they" can be. */
  private static final int PLURAL = 2;

  private Antecedents() {}

  /** The referent of a pronoun standing before token {@code tb} of a sentence that starts at {@code ss}, or null. */
  static Defector of(Extraction x, int tb, int ss) {
    Document d = x.doc;
    Person head = relativeHead(x, tb, ss);
    if (head != null) {
      return People.defector(x, head);
    }
    for (int i = tb - 1; i >= ss; i--) {
      if (NameFinder.capitalized(d.text(i)) && (i == ss || !NameFinder.capitalized(d.text(i - 1))
          || x.is(i - 1, Words.HONORIFIC))) {
        String surname = Lexicons.key(d.base(i));
        for (int k = x.people.size() - 1; k >= 0; k--) {
          Person p = x.people.get(k);
          if (p.range().begin() < i && Names.surname(p.name()).equals(surname)) {
            return People.defector(x, p);
          }
        }
      }
      Chunks.Rank rank = d.rankStarting(i);
      if (rank != null) {
        Defector described = describedPerson(x, rank, i, tb, ss);
        if (described != null) {
          return described;
        }
      }
    }
    Person p = People.last(x, tb);
    return p == null ? null : People.defector(x, p);
  }

  /**
   * The person a relative clause around the pronoun tells of: "inspired by A B, who was 18 when she defected" (no
   * clause punctuation between "who" and the pronoun); null when the pronoun is in no such clause.
   */
  private static Person relativeHead(Extraction x, int tb, int ss) {
    for (int j = tb - 1; j > ss; j--) {
      if (x.is(j, Words.CLAUSE_PUNCT)) {
        return null;
      }
      if (x.is(j, Words.RELATIVE) && ",".equals(x.doc.key(j - 1))) {
        for (Person p : x.people) {
          if (p.range().end() == j - 1) {
            return p;
          }
        }
        return null;
      }
    }
    return null;
  }

  /**
   * "an alleged captain ..., in which he announces": a singular rank phrase before the pronoun is its referent; when
   * it describes a name before it ("Oleg Ivanov, a senior KGB officer who ..., said he"), the named person is.
   */
  private static Defector describedPerson(Extraction x, Chunks.Rank rank, int i, int tb, int ss) {
    Document d = x.doc;
    int rankEnd = rank.range().end();
    int b = i - 1;
    while (b >= ss && !x.is(b, Words.SINGULAR_DETERMINER) && (x.is(b, Words.RANK_ADJECTIVE) || d.place(b) != null
        || x.is(b, Words.TITLE_MODIFIER))) {
      b--;
    }
    boolean singular = b >= ss && x.is(b, Words.SINGULAR_DETERMINER) && !d.key(rankEnd - 1).endsWith("s")
        && !(b - 1 >= ss && x.is(b - 1, Words.COPULA));
    List<Chunks.Name> named = d.names(new org.defections.extract.text.TokenRange(rankEnd,
        Math.max(rankEnd, Math.min(tb, rankEnd + TITLE_NAME_WINDOW))));
    if (!singular || (!named.isEmpty() && named.get(0).range().begin() == rankEnd)) {
      return null;
    }
    Defector apposed = apposedName(x, rank, tb);
    if (apposed != null) {
      return apposed;
    }
    if (b - 1 >= ss && ",".equals(d.key(b - 1))) {
      for (int k = x.people.size() - 1; k >= 0; k--) {
        Person p = x.people.get(k);
        if (p.range().end() == b - 1 && p.sentence() == d.sentenceOf(i)) {
          Defector named0 = People.defector(x, p);
          if (named0.rank == null) {
            named0.rank = rank.entry();
          }
          return named0;
        }
      }
    }
    Defector out = new Defector();
    out.rank = rank.entry();
    out.count = 1;
    originFrom(x, out, Math.max(ss, b), Math.min(tb, rankEnd + DESCRIPTION_WINDOW));
    return out;
  }

  /**
   * "A clerk at Myanmar's embassy in Berlin, X, posted that she ...": a name between commas after the rank's
   * description names the person it describes.
   */
  private static Defector apposedName(Extraction x, Chunks.Rank rank, int tb) {
    Document d = x.doc;
    int end = Math.min(tb, rank.range().end() + DESCRIPTION_WINDOW + 2);
    for (int c = rank.range().end(); c < end; c++) {
      if (x.inTrigger(c) || x.is(c, Words.CLAUSE_PUNCT)) {
        return null;
      }
      if (",".equals(d.key(c))) {
        Chunks.Name n = d.nameStarting(c + 1);
        if (n == null || n.range().end() >= d.size() || !",".equals(d.key(n.range().end()))) {
          return null;
        }
        for (Person p : x.people) {
          if (p.range().equals(n.range())) {
            Defector named = People.defector(x, p);
            named.rank = People.atEmbassy(x, named.rank != null ? named.rank : rank.entry(), rank.range().end(), c);
            originFrom(x, named, rank.range().begin(), c);
            return named;
          }
        }
        return null;
      }
    }
    return null;
  }

  /** Sets a defector's state, if unknown, from the first demonym, regime or possessive state in [from, to). */
  static void originFrom(Extraction x, Defector d, int from, int to) {
    for (int k = from; k < to && d.origin == null; k++) {
      Chunks.Place p = x.doc.place(k);
      if (p != null && p.tellsOrigin()) {
        d.origin = p.iso3();
        d.originCue = x.doc.text(k);
      }
    }
  }

  /**
   * The referents of "they" in sentence {@code s} before token {@code tb}: the defectors of the last trigger of this
   * sentence or the one before when they are two or more ("Two Eritrean pilots landed in Saudi Arabia. They asked for
   * asylum"), else the last plural rank phrase outside a prepositional phrase in that span ("Several soldiers were
   * seen at the border. They defected"); empty when neither is there.
   */
  static List<Defector> plural(Extraction x, int tb, int s) {
    List<Mention> last = new ArrayList<>();
    for (int k = x.mentions.size() - 1; k >= 0; k--) {
      Mention m = x.mentions.get(k);
      if (m.getSentenceIndex() < s - 1 || !last.isEmpty() && m.getBegin() != last.get(0).getBegin()) {
        break;
      }
      last.add(0, m);
    }
    int people = 0;
    for (Mention m : last) {
      people += m.getGroupSize() == null ? PLURAL : m.getGroupSize(); // a plural of no count is two or more
    }
    List<Defector> out = new ArrayList<>();
    if (people >= PLURAL) {
      for (Mention m : last) {
        Defector d = new Defector();
        d.name = m.getPersonName();
        d.rank = m.getRank() == null ? null : x.doc.lexicon().rank(m.getRank());
        d.count = m.getGroupSize();
        d.pluralNoun = m.getGroupSize() == null;
        d.origin = m.getOriginCountry();
        d.originCue = m.getOriginCountry() == null ? null : "previous defector";
        d.antecedent = m;
        out.add(d);
      }
      return out;
    }
    Document d = x.doc;
    int from = d.sentence(Math.max(0, s - 1)).begin();
    for (int i = tb - 1; i >= from; i--) {
      Chunks.Rank r = d.rankStarting(i);
      if (r != null && r.plural() && r.range().end() <= tb) {
        int gov = People.governor(x, i, from);
        if (gov >= from && x.is(gov, Words.PREPOSITION)) {
          continue; // "arrested by Greek police"
        }
        return PhraseSplitter.split(x, new TokenRange(gov + 1, r.range().end()), false);
      }
    }
    return out;
  }

  /** The last {@code n} ranked people named outside a phrase before token {@code before}, oldest first. */
  static List<Person> lastRanked(Extraction x, int before, int n) {
    List<Person> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int k = x.people.size() - 1; k >= 0 && out.size() < n; k--) {
      Person p = x.people.get(k);
      if (!p.inPhrase() && p.range().begin() < before && p.rank() != null && seen.add(Names.surname(p.name()))) {
        out.add(0, p);
      }
    }
    return out;
  }
}
