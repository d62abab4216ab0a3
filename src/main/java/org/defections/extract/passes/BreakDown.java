package org.defections.extract.passes;

import java.util.ArrayList;
import java.util.List;
import org.defections.extract.DateResolver;
import org.defections.extract.Mention;
import org.defections.extract.text.TokenRange;

/**
 * A group told by a generic rank and then broken down: "Four senior officers have defected ... a video purporting to
 * show two brigadier generals and two colonels". An unnamed group with a generic rank (specificity at most
 * {@value #GENERIC}) is replaced by a (count, rank) list that sums to its size, of one of the next two sentences,
 * else of the three before ("The eight officers – five generals, two colonels and a major – spoke ... They said they
 * defected").
 */
final class BreakDown {
  /** The highest rank specificity that is still generic ("officer", "soldier"). */
  private static final int GENERIC = 2;
  /** Sentences after the group's in which its breakdown is looked for. */
  private static final int REACH = 2;
  /** Sentences before the group's in which its breakdown is looked for when none follows. */
  private static final int BACK_REACH = 3;

  private BreakDown() {}

  static List<Mention> apply(Extraction x, List<Mention> ms) {
    if (ms.size() != 1) {
      return ms;
    }
    Mention m = ms.get(0);
    if (m.getPersonName() != null || m.getGroupSize() == null || m.getGroupSize() < 2
        || m.getRankSpecificity() > GENERIC) {
      return ms;
    }
    int s = m.getSentenceIndex();
    List<Integer> near = new ArrayList<>();
    for (int k = 1; k <= REACH; k++) {
      near.add(s + k);
    }
    for (int k = 1; k <= BACK_REACH; k++) {
      near.add(s - k); // "The eight officers – five generals, two colonels and a major – spoke ... They defected"
    }
    for (int next : near) {
      if (next < 0 || next >= x.doc.sentences().size()) {
        continue;
      }
      TokenRange sent = x.doc.sentence(next);
      if (sent.isEmpty()) {
        continue;
      }
      List<Defector> parts = PhraseSplitter.split(x, sent, false);
      int sum = 0;
      boolean allRanked = parts.size() >= 2;
      for (Defector d : parts) {
        if (d.name != null || d.rank == null || d.count == null) {
          allRanked = false;
          break;
        }
        sum += d.count;
      }
      if (allRanked && sum == m.getGroupSize()) {
        List<Mention> out = new ArrayList<>();
        int k = 0;
        for (Defector d : parts) {
          Mention c = Mentions.copy(m);
          c.setMentionId(m.getMentionId() + "." + (k++));
          c.setRuleId(m.getRuleId() + ">breakdown");
          Mentions.setRank(c, d.rank);
          c.setNatoCode(x.natoCode(d.rank.canonical(), m.getOriginCountry()));
          c.setGroupSize(d.count);
          if (c.getEventDate() == null) {
            DateResolver.Resolved date = Dates.nearest(x, sent.begin(), sent.begin(), sent);
            if (date.date() != null || date.year() != null) {
              Mentions.clearDate(c);
              Mentions.setDate(c, date);
            }
          }
          out.add(c);
        }
        return out;
      }
    }
    return ms;
  }
}
