package org.defections.extract.passes;

import java.util.ArrayList;
import java.util.List;
import org.defections.extract.Factuality;
import org.defections.extract.KeptOutReason;
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
 * The members of an unnamed group, told after it.
 *
 * <ul>
 *   <li>Named members in the next sentences: "The soldiers, including Lieutenant X, ..." after "hundreds of soldiers
 *       have switched sides"; "Two sons-in-law ... have defected. The defectors were identified as Lt. Gen. X ... and
 *       his brother, Lt. Col. Y" (exactly as many ranked names as the group's size, at most
 *       {@code MAX_NAMED_MEMBERS}: the group is then the sum of its members and is kept out).
 *   <li>A list of members in the next sentence, opened as an enumeration rule says ("They included the ambassadors to
 *       China, India and Poland, as well as the representative to the Arab League"): one member per rank and post, of
 *       the group's rank class; with two or more, the group is kept out. An opening by a definite description ("The
 *       defectors are identified as A, 61; B, 48; and C, 55") may follow within {@code ENUMERATION_SENTENCES}, when
 *       no other group is told in between.
 *   <li>Names apposed to the group's count and rank in a sentence before it, as an enumeration rule with the argument
 *       {@code apposed} finds them ("four new recruits from Battalion 258 – A, B, C and D – handed over their rifles.
 *       The four defecting recruits ..."): exactly as many names as the group's size; the group is then kept out.
 * </ul>
 */
final class GroupMembers {
  /** The argument of the action {@code members} for an opening by a definite description. */
  private static final String DEFINITE = "definite";
  /** The argument of the action {@code members} for a list apposed to a count and rank before the group's sentence. */
  private static final String APPOSED = "apposed";
  /** Tokens before "including" in which the group's noun is read ("The defectors, including"). */
  private static final int GROUP_NOUN_WINDOW = 4;

  private GroupMembers() {}

  static List<Mention> apply(Extraction x) {
    List<Mention> members = new ArrayList<>();
    for (Mention m : x.mentions) {
      if (m.getPersonName() == null && m.getKeptOutReason() == null && m.getOriginCountry() != null
          && (Factuality.STATISTIC.name().equals(m.getFactuality()) || m.countable())) {
        List<Mention> named = named(x, m);
        members.addAll(named.isEmpty() ? apposedBefore(x, m) : named);
      }
    }
    for (Mention m : x.mentions) {
      // "Several guards have defected ... The defectors are A, B and C": a vague group is listed too
      if (m.getPersonName() == null && m.getKeptOutReason() == null && m.getOriginCountry() != null
          && (Factuality.STATISTIC.name().equals(m.getFactuality()) || m.countable())
          && !Integer.valueOf(1).equals(m.getGroupSize())) {
        members.addAll(enumerated(x, m));
      }
    }
    return members;
  }

  private static List<Mention> named(Extraction x, Mention m) {
    Document d = x.doc;
    List<Mention> found = new ArrayList<>();
    int s = m.getSentenceIndex();
    Integer n = m.getGroupSize();
    List<Person> named = new ArrayList<>();
    int last = Math.min(d.sentences().size() - 1, s + x.param(Words.COREFERENCE_SENTENCES));
    for (int next = s + 1; next <= last; next++) {
      TokenRange sent = d.sentence(next);
      for (Person p : x.people) {
        if (p.sentence() != next || p.rank() == null) {
          continue;
        }
        int inc = People.governor(x, p.range().begin(), sent.begin());
        boolean including = inc >= sent.begin() && x.is(inc, Words.INCLUDING) && refersToGroup(x, m, inc, sent);
        if (including) {
          found.add(member(x, m, p, found.size()));
        } else if (m.countable() && m.getRank() == null && n != null && n >= 2 && identifies(x, sent)) {
          named.add(p);
        }
      }
    }
    if (found.isEmpty() && n != null && named.size() == n && n <= x.param(Words.MAX_NAMED_MEMBERS)) {
      for (Person p : named) {
        found.add(member(x, m, p, found.size()));
      }
      m.setKeptOutReason(KeptOutReason.NAMED_MEMBERS.code());
    }
    return found;
  }

  /** The members of {@code group} named in a list apposed to its count and rank in one of the sentences before. */
  private static List<Mention> apposedBefore(Extraction x, Mention group) {
    Integer n = group.getGroupSize();
    String rank = group.getRank();
    if (n == null || n < 2 || rank == null) {
      return List.of();
    }
    Document d = x.doc;
    int s = group.getSentenceIndex();
    for (int k = s - 1; k >= Math.max(0, s - x.param(Words.COREFERENCE_SENTENCES)); k--) {
      TokenRange sent = d.sentence(k);
      for (Rule r : x.rules.rules(Stage.ENUMERATION)) {
        if (!APPOSED.equals(r.action().arg(0))) {
          continue;
        }
        Match m = r.pattern().find(d, sent, mm -> n.equals(d.number(mm.group("count").begin()))
            && sameRank(d.rank(mm.group("rank").begin()), rank));
        List<Chunks.Name> names = m == null ? List.of() : listOfNames(x, m.range().end(), sent.end());
        if (names.size() == n) {
          List<Mention> found = new ArrayList<>();
          for (Chunks.Name name : names) {
            Mention c = listed(x, group, rankOf(x, group), null, 1, k, found.size(), r.id());
            c.setPersonName(name.text());
            found.add(c);
          }
          x.fired.add(r.id());
          group.setKeptOutReason(KeptOutReason.NAMED_MEMBERS.code());
          return found;
        }
      }
    }
    return List.of();
  }

  private static boolean sameRank(Chunks.Rank r, String canonical) {
    return r != null && canonical.equals(r.entry().canonical());
  }

  /**
   * The names of a list from token {@code i}: names joined by commas and "and", up to a dash or {@code end}; empty
   * when anything else stands between them.
   */
  private static List<Chunks.Name> listOfNames(Extraction x, int i, int end) {
    List<Chunks.Name> names = new ArrayList<>();
    while (i < end) {
      Chunks.Name name = x.doc.nameStarting(i);
      if (name == null) {
        return List.of();
      }
      names.add(name);
      i = name.range().end();
      while (i < end && (",".equals(x.doc.key(i)) || x.is(i, Words.AND))) {
        i++;
      }
      if (i < end && x.is(i, Words.DASH)) {
        break;
      }
    }
    return names;
  }

  /** A sentence that tells a defection or an arrival, or identifies people. */
  private static boolean identifies(Extraction x, TokenRange sent) {
    for (int i = sent.begin(); i < sent.end(); i++) {
      if (x.inTrigger(i) || x.is(i, Words.IDENTIFYING)) {
        return true;
      }
    }
    return false;
  }

  /** "The soldiers, including" / "The defectors, including": the words before "including" name the group. */
  private static boolean refersToGroup(Extraction x, Mention m, int including, TokenRange sent) {
    for (int i = Math.max(sent.begin(), including - GROUP_NOUN_WINDOW); i < including; i++) {
      Chunks.Rank r = x.doc.rank(i);
      if (x.is(i, Words.DEFECTOR_NOUN) || (r != null && m.getRank() != null
          && m.getRank().equals(r.entry().canonical()))) {
        return true;
      }
    }
    return false;
  }

  private static Mention member(Extraction x, Mention group, Person p, int k) {
    Mention c = Mentions.copy(group);
    c.setMentionId(group.getMentionId() + ".m" + k);
    c.setRuleId("members.named");
    c.setPersonName(p.name());
    Mentions.setRank(c, p.rank());
    c.setNatoCode(x.natoCode(p.rank().canonical(), group.getOriginCountry()));
    c.setGroupSize(1);
    if (Factuality.STATISTIC.name().equals(c.getFactuality())) {
      c.setFactuality(Factuality.ASSERTED.name());
      c.setFactualityCue(null);
      c.setStatus(Factuality.ASSERTED.status());
    }
    return c;
  }

  /** Where an enumeration rule opens a list: its sentence, the token after the opening, the rule. */
  private record Opening(int sentence, int end, String rule) {}

  /** The first opening of a list of {@code group}'s members from sentence {@code from} on, or null. */
  private static Opening opening(Extraction x, Mention group, int from) {
    Document d = x.doc;
    int s = group.getSentenceIndex();
    int last = Math.min(d.sentences().size() - 1, s + x.param(Words.ENUMERATION_SENTENCES));
    for (int k = from; k <= last; k++) {
      if (k > s + 1 && groupTold(x, group, k - 1)) {
        return null; // a group told since is nearer to the list
      }
      TokenRange sent = d.sentence(k);
      if (sent.isEmpty()) {
        continue;
      }
      for (Rule r : x.rules.rules(Stage.ENUMERATION)) {
        if (APPOSED.equals(r.action().arg(0)) || k > s + 1 && !DEFINITE.equals(r.action().arg(0))) {
          continue; // "They included" follows its group at once
        }
        Match m = r.pattern().matchAt(d, sent.begin(), sent, mm -> true);
        if (m != null) {
          return new Opening(k, m.range().end(), r.id());
        }
      }
    }
    return null;
  }

  /** The members of {@code group} that the first opening followed by a list gives. */
  private static List<Mention> enumerated(Extraction x, Mention group) {
    for (Opening o = opening(x, group, group.getSentenceIndex() + 1); o != null;
        o = opening(x, group, o.sentence() + 1)) {
      List<Mention> found = listed(x, group, o);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  private static List<Mention> listed(Extraction x, Mention group, Opening o) {
    Document d = x.doc;
    List<Mention> found = new ArrayList<>();
    int next = o.sentence();
    int opened = o.end();
    String rule = o.rule();
    TokenRange sent = d.sentence(next);
    List<Chunks.Name> names = d.names(new TokenRange(opened, sent.end()));
    if (names.size() >= 2 && leadsTo(x, opened, names.get(0).range().begin())) {
      // "They include Colonel A, said to be ...; his brother Lieutenant B; ...": one member per name, with the title
      // before it, else the group's rank
      for (Chunks.Name n : names) {
        RankEntry before = People.rankBefore(x, n.range().begin(), sent.begin());
        Mention c = listed(x, group, before != null ? before : rankOf(x, group), null, 1, next, found.size(), rule);
        c.setPersonName(n.text());
        found.add(c);
      }
      x.fired.add(rule);
      group.setKeptOutReason(KeptOutReason.ENUMERATED_MEMBERS.code());
      return found;
    }
    RankClass groupClass = group.getRankClass() == null ? null : RankClass.valueOf(group.getRankClass());
    for (int r = opened; r < sent.end(); r++) {
      Chunks.Rank rank = d.rankStarting(r);
      if (rank == null) {
        continue;
      }
      if (groupClass != null && groupClass != RankClass.UNKNOWN && groupClass != rank.type()) {
        continue; // "they" are the group's kind of people
      }
      if (found.isEmpty() && !leadsTo(x, opened, r)) {
        break; // the list starts at its opening: "They were two colonels", not "They were not told of the colonels"
      }
      Places.PostList listed = Places.postList(x, rank.range().end(), sent.end());
      List<String> posts = listed.posts();
      int k = posts.isEmpty() ? rank.range().end() : listed.end();
      RankEntry e = rank.entry();
      boolean plural = rank.plural();
      if (posts.isEmpty()) {
        found.add(listed(x, group, e, null, plural ? null : 1, next, found.size(), rule));
      } else {
        for (String post : posts) {
          found.add(listed(x, group, e, post, 1, next, found.size(), rule));
        }
      }
      r = Math.max(r, k - 1);
    }
    if (found.size() >= 2) {
      x.fired.add(rule);
      group.setKeptOutReason(KeptOutReason.ENUMERATED_MEMBERS.code());
      return found;
    }
    return new ArrayList<>();
  }

  /**
   * Whether the list opened at {@code opened} starts at {@code first} (its first name or title): only titles,
   * numbers, states, possessive names and leads between.
   */
  private static boolean leadsTo(Extraction x, int opened, int first) {
    for (int i = opened; i < first; i++) {
      if (x.doc.rank(i) == null && x.doc.number(i) == null && x.doc.place(i) == null && !x.is(i, Words.LIST_LEAD)
          && !x.is(i, Words.HONORIFIC) && !possessiveName(x, i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether token {@code i} is in a name that ends possessive: "They included Muammar Gaddafi's ambassadors". */
  private static boolean possessiveName(Extraction x, int i) {
    Chunks.Name n = x.doc.name(i);
    return n != null && x.doc.possessive(n.range().end() - 1);
  }

  /** Whether sentence {@code k} tells a countable group other than {@code group}. */
  private static boolean groupTold(Extraction x, Mention group, int k) {
    for (Mention m : x.mentions) {
      if (m != group && m.getSentenceIndex() == k && m.countable() && m.getPersonName() == null
          && !Integer.valueOf(1).equals(m.getGroupSize())) {
        return true;
      }
    }
    return false;
  }

  private static RankEntry rankOf(Extraction x, Mention m) {
    return m.getRank() == null ? null : x.doc.lexicon().rank(m.getRank());
  }

  private static Mention listed(Extraction x, Mention group, RankEntry rank, String post, Integer size, int sentence,
      int k, String rule) {
    Mention c = Mentions.copy(group);
    c.setMentionId(group.getMentionId() + ".e" + k);
    c.setRuleId(rule);
    c.setSentence(x.doc.source().sentences().get(sentence).text());
    c.setSentenceIndex(sentence);
    Mentions.setRank(c, rank);
    c.setNatoCode(rank == null ? null : x.natoCode(rank.canonical(), group.getOriginCountry()));
    c.setGroupSize(size);
    c.setPosting(post);
    if (Factuality.STATISTIC.name().equals(c.getFactuality())) {
      c.setFactuality(Factuality.ASSERTED.name()); // a listed member of a vague group is one person told
      c.setFactualityCue(null);
      c.setStatus(Factuality.ASSERTED.status());
    }
    if (post != null && post.equals(c.getDestinationCountry())) {
      c.setDestinationCountry(null);
    }
    return c;
  }
}
