package org.defections.extract.passes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.defections.extract.pattern.Match;
import org.defections.extract.rules.Rule;
import org.defections.extract.rules.Stage;
import org.defections.extract.text.Chunks;
import org.defections.extract.text.Clause;
import org.defections.extract.text.Document;
import org.defections.extract.text.TokenRange;
import org.defections.lexicon.RankClass;

/**
 * The states around a trigger: the state reached (destination rules), the state left when the text says it after
 * the trigger (origin rules: "defected from the Syrian army", "fled Syria"), a diplomat's post (posting rules), and the
 * state the passage names most, the last resort for a defector's state. Of the slot rules that match, the one whose
 * state stands nearest the trigger wins; at equal distance, the first in file order.
 */
final class Places {
  private Places() {}

  /** The state a slot stage's rules find for a trigger, or null. */
  static String slot(Extraction x, Stage stage, Chunks.Trigger t, Clause c) {
    Document d = x.doc;
    TokenRange bounds = new TokenRange(c.begin(), c.sentence().end());
    String best = null;
    String bestRule = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Rule r : x.rules.rules(stage)) {
      Match m = r.pattern().findAnchored(d, bounds, "trigger", t.range());
      if (m == null) {
        continue;
      }
      TokenRange g = m.group(r.action().arg(0));
      Chunks.Place p = g == null ? null : d.place(g.begin());
      if (p == null || (p.kind() == Chunks.PlaceKind.BODY && stage != Stage.POSTING)) {
        continue; // an international body is a post, never a state left or reached
      }
      int distance = g.begin() >= t.range().end() ? g.begin() - t.range().end() : t.range().begin() - g.end();
      if (distance < bestDistance) {
        best = p.iso3();
        bestRule = r.id();
        bestDistance = distance;
      }
    }
    if (bestRule != null) {
      x.fired.add(bestRule);
    }
    return best;
  }

  /** Every diplomat's post in tokens [from, to), in order: the posting rules read at each diplomatic rank. */
  static List<String> postings(Extraction x, int from, int to) {
    Document d = x.doc;
    List<String> found = new ArrayList<>();
    if (to <= from) {
      return found;
    }
    TokenRange bounds = new TokenRange(Math.max(0, from), to);
    for (int i = bounds.begin(); i < to; i++) {
      Chunks.Rank r = d.rankStarting(i);
      if (r == null || r.type() != RankClass.DIPLOMAT) {
        continue;
      }
      for (Rule rule : x.rules.rules(Stage.POSTING)) {
        Match m = rule.pattern().matchAt(d, i, bounds, mm -> true);
        TokenRange g = m == null ? null : m.group(rule.action().arg(0));
        if (g != null && d.place(g.begin()) != null) {
          x.fired.add(rule.id());
          found.add(d.place(g.begin()).iso3());
          break;
        }
      }
    }
    return found;
  }

  /** The last post in tokens [from, to), or null. */
  static String lastPosting(Extraction x, int from, int to) {
    List<String> posts = postings(x, from, to);
    return posts.isEmpty() ? null : posts.get(posts.size() - 1);
  }

  /**
   * The posts listed after a diplomatic rank ending at {@code j} ("ambassadors in China, India, the U.K. and
   * Poland"): the states after "to", "in" or "at", joined by commas and "and" (each with an optional "the"), and the
   * token after the list. Empty when no post follows.
   */
  record PostList(List<String> posts, int end) {}

  static PostList postList(Extraction x, int j, int end) {
    Document d = x.doc;
    List<String> posts = new ArrayList<>();
    if (j + 1 >= end || !x.is(j, Words.POST_PREPOSITION)) {
      return new PostList(posts, j);
    }
    int k = j + 1;
    while (k < end) {
      int p = k < end - 1 && "the".equals(d.key(k)) && d.place(k) == null ? k + 1 : k;
      if (p >= end || d.place(p) == null) {
        break;
      }
      posts.add(d.place(p).iso3());
      k = Math.max(p + 1, d.place(p).range().end());
      int next = k;
      if (next < end && ",".equals(d.key(next))) {
        next++;
      }
      if (next < end && x.is(next, Words.AND)) {
        next++;
      }
      if (next == k) {
        break;
      }
      k = next;
    }
    return new PostList(posts, k);
  }

  /** A named person's post: the nearest before the name ("ambassador in Washington, Ali Adjali"), else after it. */
  static String posting(Extraction x, Person p) {
    int window = x.param(Words.TITLE_WINDOW);
    TokenRange s = x.doc.sentence(p.sentence());
    String before = lastPosting(x, Math.max(s.begin(), p.range().begin() - window), p.range().begin());
    if (before != null) {
      return before;
    }
    List<String> after = postings(x, p.range().end(), Math.min(s.end(), p.range().end() + window));
    return after.isEmpty() ? null : after.get(0);
  }

  /**
   * The state whose title a name carries: "Lebanon's ambassador in Nicosia, X" is LBN (a demonym, regime or possessive
   * state in the window before the name that is not the post itself), or null.
   */
  static String titleState(Extraction x, Person p) {
    Document d = x.doc;
    TokenRange s = d.sentence(p.sentence());
    for (int i = Math.max(s.begin(), p.range().begin() - x.param(Words.TITLE_WINDOW)); i < p.range().begin(); i++) {
      Chunks.Place pl = d.place(i);
      boolean post = i > 0 && (x.is(i - 1, Words.POST_PREPOSITION) || "the".equals(d.key(i - 1)));
      if (pl != null && pl.tellsOrigin() && !post) {
        return pl.iso3();
      }
    }
    return null;
  }

  /** Origin cues of states taken from the passage or another defector, not from the defector's own words. */
  static final java.util.Set<String> BORROWED_CUES = java.util.Set.of("article", "previous defector", "entity",
      "fellow defector");

  /**
   * Once every trigger is read: a defector whose state was borrowed from the passage (the state it names most, or an
   * earlier defector's) and is a state the passage's defectors went to takes the state the passage names most
   * among the others, when there is one ("Guards desert ... piden protección en Colombia": Colombia is reached, not
   * left).
   */
  static void revisitBorrowedOrigins(Extraction x) {
    java.util.Set<String> reached = reached(x, null);
    for (var m : x.mentions) {
      if (m.getOriginCountry() != null && BORROWED_CUES.contains(m.getOriginCue())
          && reached.contains(m.getOriginCountry())) {
        String other = mostNamed(x, m.getDestinationCountry());
        if (other != null) {
          m.setOriginCountry(other);
          m.setOriginCue("article");
        }
      }
    }
  }

  private static java.util.Set<String> reached(Extraction x, String destination) {
    java.util.Set<String> reached = new java.util.HashSet<>();
    if (destination != null) {
      reached.add(destination);
    }
    for (var m : x.mentions) {
      if (m.getKeptOutReason() == null && m.getDestinationCountry() != null) {
        reached.add(m.getDestinationCountry());
      }
    }
    return reached;
  }

  /**
   * The state the passage is about, for a defector whose text gives none: the state it names most (at least twice,
   * or the only one), other than the destination and the states the passage's earlier defectors went to (an article
   * about Venezuelan guards who crossed into Colombia names Colombia most).
   */
  static String mostNamed(Extraction x, String destination) {
    java.util.Set<String> reached = reached(x, destination);
    Map<String, Integer> told = toldNotReached(x);
    String best = null;
    int bestN = 0;
    int bestTold = 0;
    int candidates = 0;
    for (Map.Entry<String, Integer> e : x.doc.stateMentions().entrySet()) {
      if (reached.contains(e.getKey())) {
        continue;
      }
      candidates++;
      int t = told.getOrDefault(e.getKey(), 0);
      // a state told as an attribute ("Zimbabwe National Army", "Syrian") before one named as a place reached ("in
      // Botswana"), then the most named
      boolean better = t > bestTold || t == bestTold && (e.getValue() > bestN
          || e.getValue() == bestN && best != null && e.getKey().compareTo(best) < 0);
      if (better) {
        best = e.getKey();
        bestN = e.getValue();
        bestTold = t;
      }
    }
    return bestN >= 2 || candidates == 1 ? best : null;
  }

  /** How often the passage names each state other than after "to", "in", "into", "at" (a place reached or stayed). */
  private static Map<String, Integer> toldNotReached(Extraction x) {
    Map<String, Integer> told = new java.util.HashMap<>();
    for (int i = 0; i < x.doc.size(); i++) {
      Chunks.Place p = x.doc.placeStarting(i);
      if (p != null && p.kind() != Chunks.PlaceKind.BODY && !(i > 0 && x.is(i - 1, Words.AT))) {
        told.merge(p.iso3(), 1, Integer::sum);
      }
    }
    return told;
  }
}
