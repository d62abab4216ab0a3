package org.defections.extract.passes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.defections.extract.DateResolver;
import org.defections.extract.Factuality;
import org.defections.extract.KeptOutReason;
import org.defections.extract.Mention;
import org.defections.extract.Sense;
import org.defections.extract.rules.Stage;
import org.defections.extract.text.Chunks;
import org.defections.extract.text.Clause;
import org.defections.extract.text.Document;
import org.defections.lexicon.RankClass;
import org.defections.lexicon.TriggerKind;

/**
 * The mentions of one trigger: one per defector its defector rule finds, with the trigger's sense, factuality, date
 * and states. A defector's state is, in order: the state the text says was left after the trigger, the state its
 * phrase tells, the one state the phrases of the trigger's other defectors tell, the state of the last defector or
 * of the last mention within a few sentences, the state the passage names most.
 *
 * <p>A mention that cannot be a record keeps its reason: another sense; a statistic (a vague or very large count); a
 * resignation that is no diplomat's; a weak trigger ("fled") with no state to reach or leave and no asylum asked in its
 * sentence; a ruler's flight; no state; no defector.
 */
final class TriggerMentions {
  private TriggerMentions() {}

  static List<Mention> of(Extraction x, Chunks.Trigger t) {
    Document d = x.doc;
    Clause c = x.clause(t);
    int s = d.sentenceOf(t.range().begin());
    DefectorFinder.Found found = DefectorFinder.find(x, t, c);
    if (found.defectors().isEmpty()) {
      return List.of();
    }
    x.previousDefectors = found.defectors();
    x.previousSentence = s;
    Sense sense = Judgements.sense(x, t, c);
    Judgements.Judged fact = Judgements.factuality(x, t, c);
    String destination = Places.slot(x, Stage.DESTINATION, t, c);
    String fromOrigin = Places.slot(x, Stage.ORIGIN, t, c);
    DateResolver.Resolved date = Dates.nearest(x, t.range().begin(), t.range().end(), c.sentence());
    boolean publicationDated = date.year() == null && d.source().published() != null && Dates.news(x, t, c.sentence());
    if (publicationDated) {
      date = new DateResolver.Resolved(null, d.source().published().getYear(), d.source().published().getMonthValue(),
          "MONTH");
    }
    boolean stateContext = fromOrigin != null || destination != null;
    // the defectors of one trigger ("A, B and C, all Soviet dancers") share the one state their phrases tell
    List<String> told = found.defectors().stream().map(f -> f.origin).filter(o -> o != null).distinct().toList();
    String shared = told.size() == 1 ? told.get(0) : null;
    List<Mention> out = new ArrayList<>();
    int k = 0;
    for (Defector def : found.defectors()) {
      Coreference.definite(x, def);
      if (def.name != null && def.rank == null && sportEvent(x, s)) {
        def.rank = x.lexicons.rank(Words.ATHLETE); // "X, who won an Olympic medal for Iran, defected"
      }
      Mention m = Mentions.blank(x, t, s);
      m.setMentionId(d.source().articleId() + "#" + m.getBegin() + "#" + (k++));
      m.setRuleId(def.phraseRule == null ? found.rule() : found.rule() + ">" + def.phraseRule);
      m.setPersonName(def.name);
      Mentions.setRank(m, def.rank);
      String origin = fromOrigin != null ? fromOrigin : def.origin;
      String cue = fromOrigin != null ? "from" : def.originCue;
      if (origin == null && shared != null) {
        origin = shared;
        cue = "fellow defector";
      }
      int memory = x.param(Words.ORIGIN_MEMORY_SENTENCES);
      // a state remembered from an earlier defector is no origin of one who goes to it
      if (origin == null && !x.defectors.isEmpty() && s - x.defectors.get(x.defectors.size() - 1).sentence() <= memory
          && !Objects.equals(x.defectors.get(x.defectors.size() - 1).origin(), destination)) {
        origin = x.defectors.get(x.defectors.size() - 1).origin();
        cue = origin == null ? null : "previous defector";
      }
      if (origin == null && x.lastOrigin != null && s - x.lastOriginSentence <= memory
          && !x.lastOrigin.equals(destination)) {
        origin = x.lastOrigin;
        cue = "previous defector";
      }
      if (origin == null) {
        origin = Places.mostNamed(x, destination);
        cue = origin == null ? null : "article";
      }
      if (origin != null && origin.equals(destination) && Places.BORROWED_CUES.contains(cue)) {
        // the state this defector goes to, as its words say, is no state it borrowed from others ("a fourth guard
        // crossed into Colombian territory")
        origin = Places.mostNamed(x, destination);
        cue = origin == null ? null : "article";
      }
      String dest = origin != null && origin.equals(destination) ? null : destination;
      m.setOriginCountry(origin);
      m.setOriginCue(cue);
      m.setDestinationCountry(dest);
      m.setOrganization(def.organization);
      if (def.rank != null && def.rank.type() == RankClass.DIPLOMAT) {
        m.setPosting(def.posting != null ? def.posting : def.antecedent != null ? def.antecedent.getPosting()
            : posting(x, def, s, t.range().begin()));
      }
      m.setNatoCode(x.natoCode(m.getRank(), origin));
      m.setGroupSize(def.vagueLarge ? null : def.count);
      Mentions.setDate(m, date);
      if ((publicationDated || date.year() == null) && def.antecedent != null && def.antecedent.getEventYear() != null
          && def.name == null) {
        // "Seven dancers defected last month ... 'they defected'": a group told again keeps the date it was told with
        Mentions.copyDate(m, def.antecedent);
      } else if (publicationDated) {
        m.setDatedByPublication(true);
      }
      m.setFactuality(fact.factuality().name());
      m.setFactualityCue(fact.cue());
      m.setStatus(fact.factuality().status());
      m.setLanguage(d.language());
      keepOut(x, m, t, def, sense, stateContext, origin);
      out.add(m);
      if (m.countable() && m.getOriginCountry() != null) {
        x.lastOrigin = m.getOriginCountry();
        x.lastOriginSentence = s;
      }
      if (def.name != null && m.countable()) {
        x.defectors.add(new Person(def.name, def.rank, origin, s, t.range(), false));
      }
    }
    return out;
  }

  private static void keepOut(Extraction x, Mention m, Chunks.Trigger t, Defector def, Sense sense,
      boolean stateContext, String origin) {
    boolean diplomat = def.rank != null && def.rank.type() == RankClass.DIPLOMAT;
    if (sense != null) {
      m.setKeptOutReason(KeptOutReason.sense(sense));
    } else if (def.vagueLarge || (def.count != null && def.count >= x.param(Words.STATISTIC_COUNT))) {
      m.setFactuality(Factuality.STATISTIC.name());
      m.setFactualityCue(def.vagueLarge ? "vague quantity" : "large count");
    } else if (t.kind() == TriggerKind.RESIGN && !diplomat) {
      m.setKeptOutReason(KeptOutReason.RESIGNATION_NOT_ABROAD.code());
    } else if (!t.strong() && !stateContext && t.kind() != TriggerKind.ASYLUM && t.kind() != TriggerKind.RESIGN
        && !givesStateContext(x, t) && !asylumInSentence(x, t)) {
      m.setKeptOutReason(KeptOutReason.WEAK_TRIGGER_WITHOUT_STATE_CONTEXT.code());
    } else if (!t.strong() && def.rank != null && x.doc.lexicon().wordClass(def.rank.canonical()) != null
        && Words.SOVEREIGN.equals(x.doc.lexicon().wordClass(def.rank.canonical())) && !asylum(x, t)) {
      m.setKeptOutReason(KeptOutReason.OUSTED_RULER.code());
    } else if (origin == null) {
      m.setKeptOutReason(KeptOutReason.ORIGIN_UNKNOWN.code());
    } else if (def.name == null && def.rank == null && def.count == null) {
      m.setKeptOutReason(KeptOutReason.NO_DEFECTOR.code());
    }
  }

  /**
   * A weak trigger whose own words give a state context: a word of state context ("sought refuge", "joined the
   * rebels") or a state ("left the Iranian camp").
   */
  private static boolean givesStateContext(Extraction x, Chunks.Trigger t) {
    for (int i = t.range().begin(); i < t.range().end(); i++) {
      if (x.is(i, Words.STATE_CONTEXT) || x.doc.place(i) != null) {
        return true;
      }
    }
    return false;
  }

  /** Whether sentence {@code s} tells of a sports event ("Olympic", "championship"): a named person is an athlete. */
  private static boolean sportEvent(Extraction x, int s) {
    return x.anyIs(x.doc.sentence(s), Words.SPORT_EVENT);
  }

  /** "had stayed on and were now going to seek asylum": an asylum trigger of the same sentence gives the context. */
  private static boolean asylumInSentence(Extraction x, Chunks.Trigger t) {
    int s = x.doc.sentenceOf(t.range().begin());
    for (Chunks.Trigger other : x.doc.triggers()) {
      if (other != t && x.doc.sentenceOf(other.range().begin()) == s && asylum(x, other)) {
        return true;
      }
    }
    return false;
  }

  private static boolean asylum(Extraction x, Chunks.Trigger t) {
    for (int i = t.range().begin(); i < t.range().end(); i++) {
      if (x.is(i, Words.ASYLUM_WORD)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The post of a diplomat defector: next to their name when named, else the last post before the trigger ("X to A
   * said ..., and the ambassador to B resigned": B).
   */
  private static String posting(Extraction x, Defector def, int s, int tb) {
    if (def.name != null) {
      for (Person p : x.people) {
        if (p.sentence() == s && def.name.equals(p.name())) {
          return Places.posting(x, p);
        }
      }
    }
    return Places.lastPosting(x, x.doc.sentence(s).begin(), tb);
  }
}
