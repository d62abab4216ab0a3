package org.defections.extract.passes;

import java.util.ArrayList;
import java.util.List;
import org.defections.extract.pattern.Match;
import org.defections.extract.rules.Rule;
import org.defections.extract.rules.Stage;
import org.defections.extract.text.Chunks;
import org.defections.extract.text.Document;
import org.defections.extract.text.TokenRange;
import org.defections.lexicon.Lexicons.RankEntry;
import org.defections.lexicon.RankClass;

/**
 * Splits a defector phrase into defectors. The phrase rules recognise its units left to right (at each token the
 * first rule that matches; see {@code phrases.rules}): a named person with a title, a same-rank group with a count,
 * people of no rank with a count, a count of nationals ("13 North Koreans"). Then:
 *
 * <ol>
 *   <li>a name that stands as an object ("close to President X") or a possessor ("Assad's army") is no defector;
 *   <li>when the phrase names people, they are its defectors, each with its title, else the rank of an apposition,
 *       else the phrase's one rank, and the state its own part of a list tells, else the phrase's; a group with a
 *       count of two or more beside them is a defector too ("Lt. Col. X and two sergeants");
 *   <li>"including": the listed subgroups replace the total ("42 Syrians, including a general, three colonels");
 *   <li>a rank with no count after a group describes it ("two senior army officers, brigadier generals");
 *   <li>a singular rank with no count is one person; a plural with none is a group of unknown size;
 *   <li>the phrase's state is its first demonym, regime, force, possessive state or state name used as a modifier
 *       ("Zimbabwe National Army soldiers"), or a state after "of"/"from";
 *   <li>a phrase of nothing but a demonym names a national ("a North Korean defected").
 * </ol>
 */
final class PhraseSplitter {
  /** Tokens after a phrase in which an apposition's rank is read ("X, a senior colonel in ..., defected"). */
  private static final int APPOSITION_REACH = 8;
  /** Tokens after a list segment's count in which its rank or noun stands ("two warrant officers"). */
  private static final int LIST_HEAD_REACH = 5;

  private enum Kind { PERSON, GROUP, PEOPLE }

  /** A unit a phrase rule recognised. */
  private record Unit(Kind kind, String rule, TokenRange range, TokenRange name, Chunks.Rank rank, Integer count,
      boolean vague, boolean plural, String state, boolean definite) {}

  private PhraseSplitter() {}

  /**
   * The defectors of phrase {@code span}; {@code bareDemonym}: a phrase with nothing else may name a national by a
   * demonym.
   */
  static List<Defector> split(Extraction x, TokenRange span, boolean bareDemonym) {
    List<Defector> out = new ArrayList<>();
    if (span.isEmpty()) {
      return out;
    }
    List<Unit> units = units(x, span);
    Document d = x.doc;
    String[] origin = PhraseState.of(x, span);
    List<Unit> people = new ArrayList<>();
    List<Unit> groups = new ArrayList<>();
    for (Unit u : units) {
      if (u.kind() == Kind.PERSON) {
        if (People.startsNounPhrase(x, u.name().begin(), span.begin()) && !d.possessive(u.name().end() - 1)) {
          people.add(u);
        }
      } else {
        groups.add(u);
      }
    }
    // "four new recruits – A, B, C and D –": as many names as a counted group's size are its members
    Unit counted = membersOf(groups, people);
    if (counted != null) {
      for (Unit p : people) {
        Defector def = Defector.named(d.nameText(p.name()), p.rank() != null ? p.rank().entry()
            : counted.rank() == null ? null : counted.rank().entry());
        def.origin = counted.state() != null ? counted.state() : origin[0];
        def.originCue = counted.state() != null ? "phrase" : origin[1];
        def.phraseRule = p.rule();
        People.enrich(x, def);
        out.add(def);
      }
      return out;
    }
    if (!people.isEmpty()) {
      RankEntry single = null;
      for (Unit g : groups) {
        if (g.rank() != null && (g.count() == null || g.count() == 1)) {
          single = g.rank().entry();
        }
      }
      RankEntry pluralTitle = null; // "Corporals A and B": a plural title covers the names after it
      for (int k = 0; k < people.size(); k++) {
        Unit p = people.get(k);
        Defector def = Defector.named(d.nameText(p.name()), p.rank() == null ? null : p.rank().entry());
        if (p.rank() != null) {
          pluralTitle = p.rank().plural() ? p.rank().entry() : null;
        }
        if (def.rank == null) {
          def.rank = People.appositionRank(x, p.name().end(), Math.min(d.size(), span.end() + APPOSITION_REACH));
          if (def.rank != null) {
            def.rank = People.atEmbassy(x, def.rank, p.name().end() + 1, Math.min(d.size(), span.end()));
          }
        }
        if (def.rank == null) {
          def.rank = pluralTitle != null ? pluralTitle : single;
        }
        // "A, a Czechoslovak major, and B, a Bulgarian captain": each listed person's own words tell their state
        String[] own = people.size() < 2 ? new String[] {null, null} : PhraseState.of(x,
            new TokenRange(p.range().begin(), k + 1 < people.size() ? people.get(k + 1).range().begin() : span.end()));
        def.origin = own[0] != null ? own[0] : origin[0];
        def.originCue = own[0] != null ? own[1] : origin[1];
        def.phraseRule = p.rule();
        People.enrich(x, def);
        out.add(def);
      }
      for (Unit g : groups) {
        if (g.count() != null && g.count() >= 2 && !g.vague()) {
          out.add(defector(g, origin));
        }
      }
      return out;
    }
    List<Unit> chosen = new ArrayList<>(groups);
    if ((including(x, span) || brokenDown(chosen)) && chosen.size() > 1) {
      chosen.remove(0); // "42 Syrians, including ...", "eleven troops – three officers, two ... –": the parts count
    }
    List<Defector> merged = new ArrayList<>();
    for (Unit g : chosen) {
      if (!merged.isEmpty() && g.count() == null && !g.vague() && g.kind() == Kind.GROUP) {
        Defector prev = merged.get(merged.size() - 1);
        if (prev.rank == null || (g.rank() != null && g.rank().entry().specificity() > prev.rank.specificity())) {
          prev.rank = g.rank().entry();
        }
        continue;
      }
      List<String> posts = g.rank() != null && g.rank().type() == RankClass.DIPLOMAT && g.plural() && !g.vague()
          ? Places.postList(x, g.range().end(), span.end()).posts() : List.of();
      if (posts.size() >= 2 && (g.count() == null || g.count() == posts.size())) {
        for (String post : posts) { // "Libya's ambassadors in China, India and Poland": one ambassador per post
          Defector def = defector(g, origin);
          def.count = 1;
          def.posting = post;
          merged.add(def);
        }
        continue;
      }
      merged.add(defector(g, origin));
    }
    for (Defector g : merged) {
      if (g.count == null && !g.vagueLarge && !g.pluralNoun) {
        g.count = 1;
      }
      out.add(g);
    }
    if (out.isEmpty() && bareDemonym) {
      for (int k = span.begin(); k < span.end(); k++) {
        Chunks.Place p = d.place(k);
        if (p != null && p.kind() == Chunks.PlaceKind.DEMONYM) {
          Defector def = new Defector();
          def.count = d.key(k).endsWith("s") ? null : 1;
          def.origin = p.iso3();
          def.originCue = d.text(k);
          def.phraseRule = "phrase.demonym";
          out.add(def);
          break;
        }
      }
    }
    return out;
  }

  /**
   * The counted group whose members the names are: the last group before them, of their number ("four new recruits
   * – A, B, C and D –"), or the one plural group after them ("A and B, both Cuban nurses"); else null.
   */
  private static Unit membersOf(List<Unit> groups, List<Unit> people) {
    if (people.size() < 2) {
      return null;
    }
    int firstName = people.get(0).range().begin();
    int lastName = people.get(people.size() - 1).range().end();
    Unit before = null;
    List<Unit> among = new ArrayList<>();
    List<Unit> after = new ArrayList<>();
    for (Unit g : groups) {
      if (g.range().end() <= firstName) {
        before = g;
      } else if (g.range().begin() >= lastName) {
        after.add(g);
      } else if (g.count() != null) {
        among.add(g);
      }
    }
    if (!among.isEmpty()) {
      return null; // a counted group among the names: they are not its members
    }
    if (before != null) {
      return before.count() != null && before.count() == people.size() ? before : null;
    }
    // "A, 29, and B, 33, both Cuban nurses" / "A, B and C, all Soviet dancers": an apposition after the names
    if (after.size() == 1 && after.get(0).rank() != null && (after.get(0).count() == null ? after.get(0).plural()
        : after.get(0).count() == people.size())) {
      return after.get(0);
    }
    return null;
  }

  /** A total and its breakdown: the first group's count is the sum of two or more counted groups after it. */
  private static boolean brokenDown(List<Unit> groups) {
    if (groups.size() < 3 || groups.get(0).count() == null) {
      return false;
    }
    int sum = 0;
    for (Unit g : groups.subList(1, groups.size())) {
      if (g.count() == null) {
        return false;
      }
      sum += g.count();
    }
    return sum == groups.get(0).count();
  }

  private static Defector defector(Unit g, String[] origin) {
    Defector def = new Defector();
    def.rank = g.rank() == null ? null : g.rank().entry();
    def.count = g.count();
    def.vagueLarge = g.vague();
    def.pluralNoun = g.plural();
    def.origin = g.state() != null ? g.state() : origin[0];
    def.originCue = g.state() != null ? "phrase" : origin[1];
    def.phraseRule = g.rule();
    def.definite = g.definite();
    return def;
  }

  /**
   * Whether a phrase lists counted people over commas ("three officers, two warrant officers and six civilians"): two
   * or more of its comma segments start with a count followed by a rank or people noun.
   */
  static boolean isList(Extraction x, TokenRange span) {
    Document d = x.doc;
    int counted = 0;
    int segment = span.begin();
    for (int i = span.begin(); i <= span.end(); i++) {
      if (i == span.end() || ",".equals(d.key(i))) {
        int k = segment;
        if (k < i && x.is(k, Words.AND)) {
          k++;
        }
        if (k < i && d.number(k) != null) {
          for (int j = k + 1; j < Math.min(i, k + LIST_HEAD_REACH); j++) {
            if (d.rank(j) != null || x.is(j, Words.PEOPLE)) {
              counted++;
              break;
            }
          }
        }
        segment = i + 1;
      }
    }
    return counted >= 2;
  }

  static boolean including(Extraction x, TokenRange span) {
    for (int k = span.begin(); k < span.end(); k++) {
      if (x.is(k, Words.INCLUDING)) {
        return true;
      }
    }
    return false;
  }

  /** The units of a phrase, left to right: at each token, the first phrase rule that matches there. */
  private static List<Unit> units(Extraction x, TokenRange span) {
    List<Unit> out = new ArrayList<>();
    List<Rule> rules = x.rules.rules(Stage.PHRASE);
    int i = span.begin();
    while (i < span.end()) {
      Unit found = null;
      for (Rule r : rules) {
        Match m = r.pattern().matchAt(x.doc, i, span, mm -> !mm.range().isEmpty());
        if (m != null) {
          found = unit(x, r, m, span, out);
          if (found != null) {
            break;
          }
        }
      }
      if (found == null) {
        i++;
      } else {
        x.fired.add(found.rule());
        out.add(found);
        i = found.range().end();
      }
    }
    return out;
  }

  private static Unit unit(Extraction x, Rule r, Match m, TokenRange span, List<Unit> before) {
    Document d = x.doc;
    switch (r.action().name()) {
      case "person": {
        TokenRange name = m.group(r.action().arg(0));
        Chunks.Rank rank = rankIn(d, m.group(r.action().arg(1)));
        if (rank == null && name.begin() - 1 >= span.begin()) {
          rank = d.rank(name.begin() - 1);
        }
        return new Unit(Kind.PERSON, r.id(), m.range(), name, rank, 1, false, false, null, false);
      }
      case "group":
      case "people": {
        TokenRange head = m.group(r.action().arg(0));
        Chunks.Rank rank = r.action().name().equals("group") ? rankIn(d, head) : peopleRank(x, head, span);
        // "a general from a family close to President X": a rank in a prepositional phrase after the first unit
        if (rank != null && !before.isEmpty() && r.action().name().equals("group")
            && People.inPrepositionalPhrase(x, head.begin(), span.begin())) {
          return null;
        }
        TokenRange countRange = m.group(r.action().arg(1));
        if (countRange == null && r.action().name().equals("people")) {
          return null; // people nouns count only with a count: "their families" names no defector
        }
        Integer count = null;
        boolean vague = false;
        if (countRange != null) {
          vague = x.is(countRange.begin(), Words.VAGUE_LARGE);
          count = vague ? null : count(d, countRange);
        }
        TokenRange stateRange = m.group(r.action().arg(2));
        String state = stateRange == null || d.place(stateRange.begin()) == null ? null
            : d.place(stateRange.begin()).iso3();
        boolean plural = rank != null && head != null && rankIn(d, head) != null ? rankIn(d, head).plural()
            : head != null && d.key(head.end() - 1).endsWith("s");
        // "the general was among ...": a bare definite description (no demonym, no complement: "the ambassador to
        // India" is someone else)
        boolean definite = countRange == null && m.range().begin() > span.begin()
            && "the".equals(d.key(m.range().begin() - 1)) && d.place(m.range().begin()) == null
            && !(m.range().end() < d.size() && (x.is(m.range().end(), Words.PREPOSITION) || d.place(m.range().end())
            != null));
        return new Unit(r.action().name().equals("group") ? Kind.GROUP : Kind.PEOPLE, r.id(), m.range(), null, rank,
            count, vague, plural, state, definite);
      }
      default:
        throw new IllegalStateException("phrase rule " + r.id() + " has action " + r.action());
    }
  }

  /** The count of a count phrase: its first number ("a dozen": 12). */
  static Integer count(Document d, TokenRange r) {
    if (r.length() >= 2 && "dozen".equals(d.key(r.begin() + 1))) {
      return 12;
    }
    for (int k = r.begin(); k < r.end(); k++) {
      if (d.number(k) != null) {
        return d.number(k);
      }
    }
    return null;
  }

  private static Chunks.Rank rankIn(Document d, TokenRange r) {
    if (r == null) {
      return null;
    }
    for (int k = r.begin(); k < r.end(); k++) {
      if (d.rank(k) != null) {
        return d.rank(k);
      }
    }
    return null;
  }

  /**
   * The rank of people of no rank, when the phrase says they are athletes ("three players of the national team"):
   * a rank chunk of "athlete" or "footballer" made up for them, else none.
   */
  private static Chunks.Rank peopleRank(Extraction x, TokenRange noun, TokenRange span) {
    Document d = x.doc;
    for (int k = noun.begin(); k < Math.min(span.end(), noun.begin() + APPOSITION_REACH); k++) {
      if (x.is(k, Words.SPORT_WORD)) {
        String role = d.key(k).contains("football") ? "footballer" : "athlete";
        RankEntry e = d.lexicon().rank(role);
        return e == null ? null : new Chunks.Rank(noun, e, true);
      }
    }
    // "five staff members at Myanmar's embassy in Washington": people at an embassy are its staff
    for (int k = noun.end(); k < Math.min(span.end(), noun.end() + APPOSITION_REACH); k++) {
      if (x.is(k, Words.EMBASSY)) {
        RankEntry e = d.lexicon().rank(Words.EMBASSY_STAFF);
        return e == null ? null : new Chunks.Rank(noun, e, true);
      }
      if (!(x.is(k, Words.PEOPLE) || x.is(k, Words.AT) || x.is(k, Words.OF) || d.place(k) != null || d.capitalized(k)
          || POSSESSIVE_OR_ARTICLE.contains(d.key(k)))) {
        break;
      }
    }
    return null;
  }

  /** Tokens that may stand between people and the embassy they work at ("members at the", "Myanmar's"). */
  private static final java.util.Set<String> POSSESSIVE_OR_ARTICLE = java.util.Set.of("the", "'s", "’s", "s");
}
