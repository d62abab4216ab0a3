package org.defections.extract.passes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.defections.extract.DateResolver;
import org.defections.extract.Factuality;
import org.defections.extract.Mention;
import org.defections.extract.pattern.Match;
import org.defections.extract.rules.Rule;
import org.defections.extract.rules.Stage;
import org.defections.extract.text.Chunks;
import org.defections.extract.text.Document;
import org.defections.extract.text.TokenRange;
import org.defections.lexicon.Lexicons.RankEntry;
import org.defections.lexicon.RankClass;

/**
 * Names for unnamed single defectors. The surname rules read a name the defector's own sentence gives apart ("a
 * soldier surnamed Kim", "identified only by his surname, Oh"). Else a later sentence names them:
 *
 * <ul>
 *   <li>a diplomat by their post: a state has one ambassador at a post, so a later "Libya's ambassador in Washington,
 *       X" names the unnamed ambassador to the United States anywhere in the passage (never another state's);
 *   <li>within {@code COREFERENCE_SENTENCES} sentences, a person whose rank agrees ("A Syrian pilot defected ... The
 *       pilot, Col. X"); a generic rank is named by a more specific one of its kind; an unranked defector only in a
 *       sentence that tells a defection;
 *   <li>the next sentence opening with the name of a person of no title ("A judge fled ... X, a longtime ally of the
 *       government, said");
 *   <li>"he was a senior colonel in ... and left in 2015": the rank, and the date of the departure.
 * </ul>
 * The search stops at the first later sentence that tells another defection.
 */
final class Coreference {
  /** Tokens before and after a name in which its role word is read ("The pilot, Col. X"). */
  private static final int ROLE_BEFORE = 5;
  private static final int ROLE_AFTER = 10;
  /** Sentences back in which a counted group gives its rank to as many named defectors of no rank. */
  private static final int GROUP_RANK_SENTENCES = 2;

  private Coreference() {}

  static void apply(Extraction x) {
    groupRanks(x);
    for (Mention m : x.mentions) {
      if (m.countable() && m.getPersonName() == null && Integer.valueOf(1).equals(m.getGroupSize())) {
        String surname = surname(x, m.getSentenceIndex());
        if (surname != null) {
          m.setPersonName(surname);
        } else {
          identify(x, m);
        }
      }
    }
  }

  /**
   * "Two Cuban doctors ... sought refuge ... A, 31, and B, 25, told the paper they were defecting": as many named
   * defectors of no rank in one sentence as a counted group of the sentence or the two before has members take its
   * rank.
   */
  private static void groupRanks(Extraction x) {
    Map<Integer, List<Mention>> unranked = new TreeMap<>();
    for (Mention m : x.mentions) {
      if (m.countable() && m.getPersonName() != null && m.getRank() == null) {
        unranked.computeIfAbsent(m.getSentenceIndex(), k -> new ArrayList<>()).add(m);
      }
    }
    for (var e : unranked.entrySet()) {
      long names = e.getValue().stream().map(Mention::getPersonName).distinct().count();
      for (Mention g : x.mentions) {
        int back = e.getKey() - g.getSentenceIndex();
        if (g.getPersonName() == null && g.getRank() != null && g.getGroupSize() != null && g.getGroupSize() == names
            && names >= 2 && back >= 0 && back <= GROUP_RANK_SENTENCES && g.getKeptOutReason() == null
            && !Factuality.STATISTIC.name().equals(g.getFactuality())) {
          RankEntry r = x.doc.lexicon().rank(g.getRank());
          if (r != null) {
            e.getValue().forEach(m -> adoptRank(x, m, r));
          }
          break;
        }
      }
    }
  }

  private static String surname(Extraction x, int s) {
    TokenRange sent = x.doc.sentence(s);
    for (Rule r : x.rules.rules(Stage.SURNAME)) {
      for (Match m : r.pattern().findAll(x.doc, sent)) {
        TokenRange g = m.group(r.action().arg(0));
        if (g != null) {
          x.fired.add(r.id());
          return x.doc.textOf(g);
        }
      }
    }
    return null;
  }

  private static void identify(Extraction x, Mention m) {
    Document d = x.doc;
    int s = m.getSentenceIndex();
    if (m.getPosting() != null) {
      for (Person p : x.people) {
        String state = p.origin() != null ? p.origin() : Places.titleState(x, p);
        if (p.sentence() > s && m.getPosting().equals(Places.posting(x, p))
            && (state == null || m.getOriginCountry() == null || state.equals(m.getOriginCountry()))) {
          m.setPersonName(p.name());
          if (p.rank() != null) {
            adoptRank(x, m, p.rank());
          }
          return;
        }
      }
    }
    int last = Math.min(d.sentences().size() - 1, s + x.param(Words.COREFERENCE_SENTENCES));
    for (int next = s + 1; next <= last; next++) {
      TokenRange sent = d.sentence(next);
      if (sent.isEmpty()) {
        continue;
      }
      boolean tellsDefection = false;
      for (int i = sent.begin(); i < sent.end(); i++) {
        tellsDefection |= x.inTrigger(i);
      }
      for (Person p : x.people) {
        if (p.sentence() != next || p.rank() == null || !sameDefector(x, m, p, tellsDefection)) {
          continue;
        }
        m.setPersonName(p.name());
        adoptRank(x, m, p.rank());
        if (m.getOriginCountry() == null) {
          m.setOriginCountry(p.origin());
        }
        return;
      }
      if (next == s + 1 && m.getRank() != null && namesLede(x, m, sent)) {
        return;
      }
      if (describedLater(x, m, sent)) {
        return;
      }
      if (tellsDefection) {
        return;
      }
    }
  }

  /**
   * "A Venezuelan Supreme Court judge fled to the United States on Sunday. X, a longtime ally of the government,
   * said ...": the sentence after a ranked lede opens with the name of a person of no title, who is the defector.
   */
  private static boolean namesLede(Extraction x, Mention m, TokenRange sent) {
    for (Person p : x.people) {
      if (p.range().begin() == sent.begin() && p.rank() == null && !p.inPhrase()) {
        m.setPersonName(p.name());
        return true;
      }
    }
    return false;
  }

  /** "he was a senior colonel in ... and left in 2015": a rank for the pronoun, and the departure's date. */
  private static boolean describedLater(Extraction x, Mention m, TokenRange sent) {
    Document d = x.doc;
    for (int i = sent.begin(); i + 2 < sent.end(); i++) {
      if (!(x.is(i, Words.SINGULAR_PRONOUN) && x.is(i + 1, Words.COPULA))) {
        continue;
      }
      int r = i + 2;
      while (r < sent.end() && d.rank(r) == null && (x.is(r, Words.SINGULAR_DETERMINER) || x.is(r,
          Words.RANK_ADJECTIVE) || d.place(r) != null)) {
        r++;
      }
      Chunks.Rank rank = d.rankStarting(r);
      if (r < sent.end() && rank != null) {
        adoptRank(x, m, rank.entry());
        if (m.getEventYear() == null || m.isDatedByPublication()) {
          for (int k = rank.range().end(); k < sent.end() - 1; k++) {
            if (x.is(k, Words.DEPARTURE)) {
              DateResolver.Resolved date = Dates.nearest(x, k, k + 1, new TokenRange(k, sent.end()));
              Mentions.setDate(m, date);
              break;
            }
          }
        }
        return true;
      }
    }
    return false;
  }

  /** A named person of a later sentence is the unnamed defector when their ranks agree. */
  private static boolean sameDefector(Extraction x, Mention m, Person p, boolean tellsDefection) {
    RankClass cls = p.rank().type();
    String post = m.getPosting() == null ? null : Places.posting(x, p);
    if (post != null && !post.equals(m.getPosting())) {
      return false; // diplomats at two posts are two people
    }
    if (m.getRank() == null) {
      return tellsDefection && (cls.military() || cls == RankClass.DIPLOMAT || cls == RankClass.POLITICAL_LEADER);
    }
    if (m.getRank().equals(p.rank().canonical()) || roleNear(x, p, m.getRank())) {
      return true;
    }
    RankClass mine = RankClass.valueOf(m.getRankClass());
    // a generic military description ("officer", "pilot") is named by a specific military rank; any description by a
    // more specific one of its class ("the diplomat" by "the chargé d'affaires")
    return mine == RankClass.UNKNOWN && cls.military()
        || mine == cls && p.rank().specificity() > m.getRankSpecificity();
  }

  /** "The pilot, Col. X" / "X was ... a pilot": the role word stands next to the name. */
  private static boolean roleNear(Extraction x, Person p, String canonical) {
    Document d = x.doc;
    TokenRange s = d.sentence(p.sentence());
    for (int i = Math.max(s.begin(), p.range().begin() - ROLE_BEFORE);
        i < Math.min(s.end(), p.range().end() + ROLE_AFTER); i++) {
      Chunks.Rank r = d.rank(i);
      if (r != null && r.entry().canonical().equals(canonical) && !p.range().contains(i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A definite description of one person ("the general was among ...", "the pilot was later allowed ...") refers to
   * the last single defector of the passage whose rank it fits (the same rank, or one of its class at least as
   * specific): the defector takes that one's name, rank, state and post, so that both mentions are one record.
   */
  static void definite(Extraction x, Defector def) {
    if (!def.definite || def.name != null || def.rank == null || !Integer.valueOf(1).equals(def.count)) {
      return;
    }
    for (int k = x.mentions.size() - 1; k >= 0; k--) {
      Mention m = x.mentions.get(k);
      if (!m.countable() || !Integer.valueOf(1).equals(m.getGroupSize()) || m.getRank() == null) {
        continue;
      }
      boolean fits = m.getRank().equals(def.rank.canonical()) || (m.getRankClass().equals(def.rank.rankClass())
          && m.getRankSpecificity() >= def.rank.specificity());
      if (fits) {
        def.name = m.getPersonName();
        if (m.getRankSpecificity() > def.rank.specificity()) {
          def.rank = x.doc.lexicon().rank(m.getRank()) != null ? x.doc.lexicon().rank(m.getRank()) : def.rank;
        }
        if (def.origin == null) {
          def.origin = m.getOriginCountry();
          def.originCue = "entity";
        }
        def.antecedent = m;
        return;
      }
    }
  }

  static void adoptRank(Extraction x, Mention m, RankEntry r) {
    if (m.getRank() == null || r.specificity() > m.getRankSpecificity()) {
      Mentions.setRank(m, r);
      m.setNatoCode(x.natoCode(r.canonical(), m.getOriginCountry()));
    }
  }
}
