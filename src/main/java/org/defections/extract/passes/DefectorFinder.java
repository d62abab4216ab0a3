package org.defections.extract.passes;

import java.util.ArrayList;
import java.util.List;
import org.defections.extract.Names;
import org.defections.extract.pattern.Match;
import org.defections.extract.rules.Rule;
import org.defections.extract.rules.Stage;
import org.defections.extract.text.Chunks;
import org.defections.extract.text.Clause;
import org.defections.extract.text.Document;
import org.defections.extract.text.NameFinder;
import org.defections.extract.text.TokenRange;

/**
 * Finds the defectors of a trigger with the defector rules ({@code defectors.rules}), tried in file order over the
 * trigger's clause and the rest of its sentence; the first rule whose match takes the trigger as its {@code trigger}
 * group, and whose action finds someone, wins. The actions:
 *
 * <ul>
 *   <li>{@code phrase(g)}: group g is a defector phrase ({@link PhraseSplitter}); a subject phrase is cut to its last
 *       comma segment when that segment holds a head ("As troops swept ... against leader X, a number of officers
 *       defected"), unless it is the name of a "RANK, NAME" apposition;
 *   <li>{@code pronoun(g)}: the referent of the pronoun ({@link Antecedents});
 *   <li>{@code pair()}: the two ranked people last named;
 *   <li>{@code person(name, description)}: a named person, the rank of its title or the most specific rank of its
 *       description, the state of its description;
 *   <li>{@code previous()}: the defectors of the sentence's previous trigger ("X defected and fled to Y");
 *   <li>{@code counted(n, g)}: group g is a defector phrase whose count is group n ("five [deserting] soldiers");
 *   <li>{@code heading(g)}: a clause with no subject after a labelled name: "Ana Ruiz, Judo: Defected in 1993"
 *       (the person named at the sentence's start, a label of at most {@code MAX_LABEL} tokens and a colon before the
 *       clause); group g describes the person;
 *   <li>{@code reporter(g)}: group g is a pronoun whose referent is the subject of the reporting verb just before it
 *       ("Four staff members said on Friday they had joined ...").
 * </ul>
 */
final class DefectorFinder {
  /** The most tokens of the label between a heading's name and its colon ("Ana Ruiz, Water polo:"). */
  private static final int MAX_LABEL = 3;
  /** The most tokens of the one told between a reporting verb and its clause ("told the BBC's radio that"). */
  private static final int MAX_REPORT_OBJECT = 4;
  /** The defectors a rule found, and its id. */
  record Found(String rule, List<Defector> defectors) {
    static final Found NONE = new Found(null, List.of());
  }

  private DefectorFinder() {}

  static Found find(Extraction x, Chunks.Trigger t, Clause c) {
    TokenRange bounds = new TokenRange(c.begin(), c.sentence().end());
    for (Rule r : x.rules.rules(Stage.DEFECTOR)) {
      Match m = r.pattern().findAnchored(x.doc, bounds, "trigger", t.range());
      if (m == null) {
        continue;
      }
      List<Defector> ds = act(x, r, m, t, c);
      if (!ds.isEmpty()) {
        x.fired.add(r.id());
        List<Defector> all = new java.util.ArrayList<>(ds);
        all.addAll(companions(x, t, bounds));
        return new Found(r.id(), all);
      }
    }
    return Found.NONE;
  }

  /** The people who went with a trigger's defectors: the first companion rule whose phrase splits into any. */
  private static List<Defector> companions(Extraction x, Chunks.Trigger t, TokenRange bounds) {
    for (Rule r : x.rules.rules(Stage.COMPANION)) {
      Match m = r.pattern().findAnchored(x.doc, bounds, "trigger", t.range());
      if (m == null) {
        continue;
      }
      List<Defector> ds = PhraseSplitter.split(x, m.group(r.action().arg(0)), true);
      if (!ds.isEmpty()) {
        x.fired.add(r.id());
        return ds;
      }
    }
    return List.of();
  }

  private static List<Defector> act(Extraction x, Rule r, Match m, Chunks.Trigger t, Clause c) {
    switch (r.action().name()) {
      case "phrase": {
        TokenRange np = m.group(r.action().arg(0));
        if (np.end() <= t.range().begin()) {
          np = lastSegment(x, np);
        }
        return withCoordinatedPronoun(x, np, c, PhraseSplitter.split(x, np, true));
      }
      case "pronoun": {
        Defector d = Antecedents.of(x, t.range().begin(), c.sentence().begin());
        return d == null ? List.of() : List.of(d);
      }
      case "plural":
        return Antecedents.plural(x, m.group(r.action().arg(0)).begin(), x.doc.sentenceOf(t.range().begin()));
      case "pair": {
        List<Person> two = Antecedents.lastRanked(x, t.range().begin(), 2);
        List<Defector> out = new ArrayList<>();
        if (two.size() == 2) {
          two.forEach(p -> out.add(People.defector(x, p)));
        }
        return out;
      }
      case "person":
        return person(x, m.group(r.action().arg(0)), m.group(r.action().arg(1)), c);
      case "counted": {
        List<Defector> ds = PhraseSplitter.split(x, m.group(r.action().arg(1)), true);
        Integer n = PhraseSplitter.count(x.doc, m.group(r.action().arg(0)));
        if (ds.size() == 1 && ds.get(0).name == null && n != null) {
          ds.get(0).count = n; // "five deserting soldiers": the count stands before the trigger
        }
        return ds;
      }
      case "heading": {
        TokenRange who = headingName(x, c);
        if (who == null) {
          return List.of();
        }
        List<Defector> ds = person(x, who, m.group(r.action().arg(0)), c);
        for (Defector h : ds) {
          if (h.rank == null && sportLabel(x, who.end() + 1, c.begin() - 1)) {
            h.rank = x.lexicons.rank(Words.ATHLETE); // "NAME, Water Polo: Defected in 1993"
          }
        }
        return ds;
      }
      case "reporter": {
        TokenRange np = reporter(x, m.group(r.action().arg(0)).begin(), c.sentence().begin());
        return np == null ? List.of() : PhraseSplitter.split(x, np, true);
      }
      case "previous": {
        List<Defector> out = new ArrayList<>();
        if (x.previousSentence == x.doc.sentenceOf(t.range().begin())) {
          x.previousDefectors.forEach(d -> out.add(d.copy()));
        }
        return out;
      }
      default:
        throw new IllegalStateException("defector rule " + r.id() + " has action " + r.action());
    }
  }

  /**
   * The name that opens a sentence as a heading of the clause {@code c}: "NAME, LABEL:" just before it, the label
   * at most {@code MAX_LABEL} tokens with no trigger; null otherwise.
   */
  private static TokenRange headingName(Extraction x, Clause c) {
    Document d = x.doc;
    int colon = c.begin() - 1;
    Chunks.Name name = d.nameStarting(c.sentence().begin());
    if (name == null || colon <= name.range().end() || !":".equals(d.key(colon))
        || !",".equals(d.key(name.range().end())) || colon - name.range().end() - 1 > MAX_LABEL) {
      return null;
    }
    for (int i = name.range().end() + 1; i < colon; i++) {
      if (x.inTrigger(i)) {
        return null;
      }
    }
    return name.range();
  }

  /** Whether the heading label [from, to) names a sport ("Boxing", "Water Polo"). */
  private static boolean sportLabel(Extraction x, int from, int to) {
    return from < to && x.anyIs(new TokenRange(from, to), Words.SPORT);
  }

  /** Whether [from, to) holds a head of a defector phrase: a rank, a people noun, a demonym or a subject pronoun. */
  private static boolean hasHead(Extraction x, int from, int to) {
    for (int i = from; i < to; i++) {
      Chunks.Place p = x.doc.place(i);
      if (x.doc.rank(i) != null || x.is(i, Words.PEOPLE) || (p != null && p.kind() == Chunks.PlaceKind.DEMONYM)
          || x.is(i, Words.SUBJECT_PRONOUN)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The subject phrase of the reporting verb before {@code pronoun} ("Four officers [said on Friday that] they ..."),
   * with only a date or {@code REPORT_GAP} words between them; null when there is none.
   */
  private static TokenRange reporter(Extraction x, int pronoun, int sentenceBegin) {
    Document d = x.doc;
    int i = pronoun - 1;
    while (i >= sentenceBegin && (d.date(i) != null || x.is(i, Words.REPORT_GAP))) {
      i--;
    }
    // "told Zimbabwe's Daily News that they": the one told stands between the verb and "that"
    for (int k = 0; k < MAX_REPORT_OBJECT && i > sentenceBegin && !x.is(i, Words.REPORTING)
        && !x.is(i, Words.CLAUSE_PUNCT) && !x.inTrigger(i); k++) {
      i--;
    }
    if (i <= sentenceBegin || !x.is(i, Words.REPORTING)) {
      return null;
    }
    int start = i;
    // the subject may coordinate names: "A, 29, and B, 33, told ... that they"
    while (start > sentenceBegin && !x.is(start - 1, Words.CLAUSE_PUNCT)
        && (!x.is(start - 1, Words.CLAUSE_WORD) || x.is(start - 1, Words.AND))) {
      start--;
    }
    return start < i ? new TokenRange(start, i) : null;
  }

  /**
   * A named person: the name in {@code who}, the rank of the title just before the name or of its apposition, raised
   * to the most specific rank of {@code description} (may be null), and the state the description tells, else the
   * words before the name ("Chinese diplomat X").
   */
  static List<Defector> person(Extraction x, TokenRange who, TokenRange description, Clause c) {
    Document d = x.doc;
    Chunks.Name name = d.nameStarting(who.begin());
    String text = name != null && name.range().end() <= who.end() ? name.text() : d.nameText(who);
    if (!NameFinder.capitalized(d.base(who.end() - 1))) {
      return List.of();
    }
    Defector def = Defector.named(text, People.rankBefore(x, who.begin(), c.sentence().begin()));
    if (def.rank == null) {
      def.rank = People.appositionRank(x, who.end(), c.sentence().end());
    }
    if (description != null) {
      for (int k = description.begin(); k < description.end(); k++) {
        Chunks.Rank rk = d.rank(k);
        if (rk != null && (def.rank == null || rk.entry().specificity() > def.rank.specificity())) {
          def.rank = rk.entry();
        }
      }
      Antecedents.originFrom(x, def, description.begin(), description.end());
    }
    // "Chinese diplomat X, 37, who ...": the words before the name tell the state when the description does not
    Antecedents.originFrom(x, def, People.governor(x, who.begin(), c.sentence().begin()) + 1, who.begin());
    People.enrich(x, def);
    return List.of(def);
  }

  /**
   * "told them he and the three players had stayed on": a singular pronoun joined by "and" before the phrase is one
   * more of its defectors, the pronoun's referent (when named and not among them already).
   */
  private static List<Defector> withCoordinatedPronoun(Extraction x, TokenRange np, Clause c, List<Defector> ds) {
    int p = np.begin() - 2;
    if (ds.isEmpty() || p < c.sentence().begin() || !x.is(p, Words.SINGULAR_PRONOUN) || !x.is(p + 1, Words.AND)) {
      return ds;
    }
    Defector referent = Antecedents.of(x, p, c.sentence().begin());
    if (referent == null || referent.name == null
        || ds.stream().anyMatch(d -> d.name != null && Names.compatible(d.name, referent.name))) {
      return ds;
    }
    List<Defector> all = new ArrayList<>(ds);
    all.add(0, referent);
    return all;
  }

  /**
   * The subject of a phrase that reaches back over commas: its last comma segment when that holds a head (a rank, a
   * people noun, a demonym, a pronoun, a name) and is not the name of a "RANK, NAME" apposition; a phrase that ends
   * with a comma is a closed apposition and stays whole ("X, commander of the military police, has defected").
   */
  private static TokenRange lastSegment(Extraction x, TokenRange np) {
    Document d = x.doc;
    if (np.length() >= 2 && ",".equals(d.key(np.end() - 1)) && np.end() < d.size() && x.is(np.end(), Words.RELATIVE)) {
      // "..., Mr Rusesabagina's wife and his family, who fled": a relative clause tells of the phrase just before it
      for (int i = np.end() - 2; i > np.begin(); i--) {
        if (",".equals(d.key(i))) {
          return new TokenRange(i + 1, np.end() - 1);
        }
      }
      return new TokenRange(np.begin(), np.end() - 1);
    }
    if (np.length() >= 2 && np.end() < d.size() && x.is(np.end(), Words.RELATIVE)) {
      // "villagers gave shelter to 20 police officers who crossed": the object before "who" is whom it tells of
      for (int i = np.end() - 2; i > np.begin(); i--) {
        if (x.is(i, Words.PREPOSITION) && hasHead(x, i + 1, np.end())) {
          return new TokenRange(i + 1, np.end());
        }
      }
    }
    if (np.length() < 2 || ",".equals(d.key(np.end() - 1)) || PhraseSplitter.including(x, np)
        || PhraseSplitter.isList(x, np)) {
      return np; // a closed apposition, or a list: "42 Syrians, including a general, three colonels, ..."
    }
    int comma = -1;
    boolean inside = false;
    for (int i = np.end() - 1; i >= np.begin(); i--) {
      if (x.is(i, Words.DASH) || "(".equals(d.key(i)) || ")".equals(d.key(i))) {
        inside = !inside; // commas inside "– A, B and C –" list the phrase's members
      } else if (!inside && i <= np.end() - 2 && ",".equals(d.key(i))) {
        comma = i;
        break;
      }
    }
    if (comma < 0) {
      return np;
    }
    boolean head = hasHead(x, comma + 1, np.end());
    TokenRange tail = new TokenRange(comma + 1, np.end());
    List<Chunks.Name> names = d.names(tail);
    boolean nameAfterRank = !names.isEmpty() && names.get(0).range().begin() == comma + 1 && comma - 1 >= np.begin()
        && d.rank(comma - 1) != null;
    return (head || !names.isEmpty()) && !nameAfterRank ? tail : np;
  }
}
