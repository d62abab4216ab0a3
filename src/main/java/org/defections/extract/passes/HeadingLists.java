package org.defections.extract.passes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.defections.extract.Mention;
import org.defections.extract.text.Chunks;
import org.defections.extract.text.Document;
import org.defections.extract.text.TokenRange;
import org.defections.lexicon.Lexicons.RankEntry;

/**
 * A list of defectors told as headings, "NAME, Sport: ...": when at least {@value #MIN_TOLD} entries of a passage tell
 * a defection (the heading rule found them) and all of one state, its other entries of the same form ("NAME,
 * Baseball: Pitcher signed with St. Louis in 1991") are defectors of that state too, with the rank after the colon
 * (else athlete) and the year their entry tells.
 */
final class HeadingLists {
  /** The rule id of a mention this pass makes. */
  static final String RULE = "list.heading-entry";
  /** Entries that must tell a defection before the list's other entries count. */
  private static final int MIN_TOLD = 2;
  /** The most words of a heading's label ("Field hockey", "Water Polo"). */
  private static final int MAX_LABEL = 3;

  private HeadingLists() {}

  static List<Mention> apply(Extraction x) {
    List<Mention> told = new ArrayList<>();
    Set<Integer> taken = new HashSet<>();
    for (Mention m : x.mentions) {
      taken.add(m.getSentenceIndex());
      if (m.countable() && m.getPersonName() != null && m.getRuleId() != null
          && m.getRuleId().contains(".subject.heading")) {
        told.add(m);
      }
    }
    Set<String> states = new HashSet<>();
    told.forEach(m -> states.add(m.getOriginCountry()));
    if (told.size() < MIN_TOLD || states.size() != 1 || states.contains(null)) {
      return List.of();
    }
    Document d = x.doc;
    List<Mention> out = new ArrayList<>();
    for (int s = 0; s < d.sentences().size(); s++) {
      TokenRange sent = d.sentence(s);
      int colon = sent.isEmpty() || taken.contains(s) ? -1 : labelEnd(x, sent);
      if (colon < 0) {
        continue;
      }
      Chunks.Name name = d.nameStarting(sent.begin());
      Mention c = Mentions.copy(told.get(0));
      c.setSentenceIndex(s);
      c.setSentence(d.source().sentences().get(s).text());
      int begin = d.source().textOffset() + d.token(sent.begin()).begin();
      c.setBegin(begin);
      c.setEnd(d.source().textOffset() + d.token(name.range().end() - 1).end());
      c.setTrigger(d.textOf(name.range()));
      c.setIncidentKey(c.getArticleId() + "#" + begin);
      c.setMentionId(c.getArticleId() + "#" + begin + "#0");
      c.setRuleId(RULE);
      c.setPersonName(name.text());
      c.setGroupSize(1);
      c.setOriginCue("list");
      Chunks.Rank after = colon + 1 < sent.end() ? d.rankStarting(colon + 1) : null;
      RankEntry rank = after != null ? after.entry() : x.lexicons.rank(Words.ATHLETE);
      Mentions.setRank(c, rank);
      c.setNatoCode(null);
      c.setDestinationCountry(null);
      Mentions.clearDate(c);
      Mentions.setDate(c, Dates.nearest(x, colon, colon + 1, sent)); // no year: no date
      out.add(c);
    }
    if (!out.isEmpty()) {
      x.fired.add(RULE);
    }
    return out;
  }

  /** The colon of "NAME, Sport:" opening the sentence (a sport among the label's words), or -1. */
  private static int labelEnd(Extraction x, TokenRange sent) {
    Document d = x.doc;
    Chunks.Name name = d.nameStarting(sent.begin());
    if (name == null || name.range().end() >= sent.end() || !",".equals(d.key(name.range().end()))) {
      return -1;
    }
    boolean sport = false;
    for (int i = name.range().end() + 1; i < Math.min(sent.end(), name.range().end() + 2 + MAX_LABEL); i++) {
      if (":".equals(d.key(i))) {
        return sport ? i : -1;
      }
      if (x.inTrigger(i) || Objects.equals(d.key(i), ",")) {
        return -1;
      }
      sport |= x.is(i, Words.SPORT);
    }
    return -1;
  }
}
