package org.defections.extract.passes;

import java.util.ArrayList;
import java.util.List;
import org.defections.extract.Mention;
import org.defections.extract.text.Chunks;
import org.defections.extract.text.Document;
import org.defections.extract.text.TokenRange;
import org.defections.lexicon.TriggerKind;

/**
 * Re-defections: "Lt Gen X, who defected to Jordan last year, returned last week" is a second defection, from the
 * state the person had gone to (Jordan) back to the one they had left. Only for a named defector whose earlier
 * defection the same sentence tells in a relative clause ("who defected to ...") before the return.
 */
final class Returns {
  private Returns() {}

  static List<Mention> apply(Extraction x) {
    Document d = x.doc;
    List<Mention> out = new ArrayList<>();
    for (Chunks.Trigger t : d.triggers()) {
      if (t.kind() != TriggerKind.RETURN) {
        continue;
      }
      int s = d.sentenceOf(t.range().begin());
      TokenRange sent = d.sentence(s);
      for (Mention m : x.mentions) {
        int tb = tokenAt(x, m.getBegin() - d.source().textOffset());
        boolean earlier = m.getSentenceIndex() == s && tb > sent.begin() && tb < t.range().begin()
            && "who".equals(d.key(tb - 1));
        if (!earlier || !m.countable() || m.getPersonName() == null || m.getDestinationCountry() == null
            || m.getOriginCountry() == null) {
          continue;
        }
        Mention c = Mentions.copy(m);
        c.setPersonName(m.getPersonName());
        c.setRank(m.getRank());
        c.setRankClass(m.getRankClass());
        c.setRankSpecificity(m.getRankSpecificity());
        c.setGroupSize(m.getGroupSize());
        c.setOriginCountry(m.getDestinationCountry());
        c.setOriginCue("returned from");
        c.setDestinationCountry(m.getOriginCountry());
        c.setNatoCode(x.natoCode(m.getRank(), c.getOriginCountry()));
        c.setTrigger(d.textOf(t.range()));
        c.setBegin(d.source().textOffset() + d.token(t.range().begin()).begin());
        c.setEnd(d.source().textOffset() + d.token(t.range().end() - 1).end());
        c.setMentionId(d.source().articleId() + "#" + c.getBegin() + "#r");
        c.setIncidentKey(d.source().articleId() + "#" + c.getBegin());
        c.setRuleId("returns.relative");
        Mentions.clearDate(c);
        Mentions.setDate(c, Dates.nearest(x, t.range().begin(), t.range().end(), sent));
        out.add(c);
        break;
      }
    }
    return out;
  }

  /** The token that starts at a passage offset, or -1. */
  private static int tokenAt(Extraction x, int offset) {
    for (int i = 0; i < x.doc.size(); i++) {
      if (x.doc.token(i).begin() == offset) {
        return i;
      }
    }
    return -1;
  }
}
