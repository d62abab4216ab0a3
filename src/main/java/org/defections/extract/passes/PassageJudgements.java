package org.defections.extract.passes;

import java.util.ArrayList;
import java.util.List;
import org.defections.extract.Factuality;
import org.defections.extract.KeptOutReason;
import org.defections.extract.Mention;
import org.defections.extract.Names;
import org.defections.extract.text.Document;
import org.defections.extract.text.TokenRange;
import org.defections.lexicon.Lexicons;
import org.defections.lexicon.Lexicons.Cue;

/**
 * Judgements over the whole passage, after its mentions are made.
 *
 * <ul>
 *   <li>A passage about party or sport switches: a mention there that names no state of its own (its state from the
 *       article, an entity or the previous defector) takes the sense of the passage's other mentions.
 *   <li>Denial of the report: a sentence with a denial cue ("KCNA said the reports were sheer nonsense") that names
 *       the defector, or speaks of the reports of an earlier reported mention, makes its mentions DENIED. When the
 *       denial tells a defection of its own, only the mentions of the person it denies are.
 * </ul>
 */
final class PassageJudgements {
  /** Where a mention's state came from when its own words tell none. */
  private static final java.util.Set<String> BORROWED_ORIGIN = java.util.Set.of("article", "entity",
      "previous defector");
  /** The shortest part of a name that identifies it in a denial, except its first and last ("Ri", "Oh"). */
  private static final int NAME_PART = 3;

  private PassageJudgements() {}

  static void passageSense(Extraction x) {
    String sense = null;
    for (Mention m : x.mentions) {
      if (KeptOutReason.isSense(m.getKeptOutReason())) {
        sense = m.getKeptOutReason();
      }
    }
    if (sense == null) {
      return;
    }
    for (Mention m : x.mentions) {
      if (m.getKeptOutReason() == null && m.getDestinationCountry() == null && (m.getOriginCountry() == null
          || BORROWED_ORIGIN.contains(m.getOriginCue()))) {
        m.setKeptOutReason(sense);
      }
    }
  }

  static void deniedLater(Extraction x) {
    Document d = x.doc;
    for (Cue c : d.lexicon().factualityCues()) {
      if (!Factuality.DENIED.name().equals(c.cls())) {
        continue;
      }
      for (int s = 0; s < d.sentences().size(); s++) {
        TokenRange sent = d.sentence(s);
        if (sent.isEmpty() || !Cues.in(d, c.phrase(), sent)) {
          continue;
        }
        boolean aboutReports = x.anyIs(sent, Words.REPORT_WORD);
        // a denial that tells its own defection denies that one's ("denied claims that A had defected"), not that of
        // the names around it ("the comments by B came after the regime denied ..."): B's other mentions stay
        List<String> deniedHere = new ArrayList<>();
        boolean ownMention = false;
        for (Mention m : x.mentions) {
          if (m.getSentenceIndex() == s && m.getKeptOutReason() == null) {
            ownMention = true;
            if (Factuality.DENIED.name().equals(m.getFactuality()) && m.getPersonName() != null) {
              deniedHere.add(m.getPersonName());
            }
          }
        }
        for (Mention m : x.mentions) {
          if (!m.countable() || m.getSentenceIndex() == s) {
            continue;
          }
          boolean named = false;
          if (ownMention) {
            named = m.getPersonName() != null
                && deniedHere.stream().anyMatch(n -> Names.compatible(n, m.getPersonName()));
          } else if (m.getPersonName() != null) {
            String[] parts = m.getPersonName().split("[\\s-]+");
            for (int k = 0; k < parts.length; k++) {
              boolean edge = k == 0 || k == parts.length - 1; // family names: "Ri", "Oh", "Pak"
              named |= (parts[k].length() >= NAME_PART || edge && parts[k].length() == NAME_PART - 1)
                  && Cues.in(d, Lexicons.key(parts[k]), sent);
            }
          }
          boolean laterReportDenial = aboutReports && m.getSentenceIndex() < s && "REPORTED".equals(m.getStatus());
          if (named || laterReportDenial) {
            m.setFactuality(Factuality.DENIED.name());
            m.setFactualityCue(c.phrase());
          }
        }
      }
    }
  }
}
