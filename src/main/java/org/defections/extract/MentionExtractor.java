package org.defections.extract;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.defections.extract.AnnotatedDocument.Span;
import org.defections.lexicon.Lexicons;
import org.defections.lexicon.Lexicons.Cue;
import org.defections.lexicon.Lexicons.PlaceEntry;
import org.defections.lexicon.Lexicons.RankEntry;
import org.defections.lexicon.Lexicons.TriggerEntry;

/**
 * The extraction rules: from one annotated passage to its defection mentions. Plain Java over the annotations, no
 * Spark; every rule family (sense, factuality, defector, rank, group, origin/destination, date) is a method here
 * or in {@link Names} and {@link DateResolver}, driven by the {@link Lexicons} data files.
 *
 * <p>Requires: sentence, token, rank, place, trigger and date annotations (see {@link AnnotatedDocument}).
 * Produces: one {@link Mention} per defector (a named person, or a same-rank group) per trigger clause; mentions
 * that are hedged, denied, statistics or of another sense carry their factuality or kept-out reason.
 */
public final class MentionExtractor {
  private static final Pattern PLACE_PARTICLE = Pattern.compile("^(?:al|el|as|ash|ad)-");
  private static final Pattern CAPITALISED_WORD = Pattern.compile("\\p{Lu}[\\p{L}'\u2019-]*");
  private static final Pattern NAME_PARTS = Pattern.compile("[\\s-]+");
  private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(,\\d{3})*|\\d+");
  private static final Pattern YEAR = Pattern.compile("(1[89]|20)\\d\\d");
  private static final Set<String> PREPOSITIONS = Set.of("of", "from", "to", "with", "by", "for", "under",
      "against", "in", "at", "on", "near", "toward", "towards", "about", "than", "like", "into", "via", "between");
  private static final Set<String> CLAUSE_WORDS = Set.of("but", "while", "whereas", "although", "though", "because",
      "that", "after", "before", "when", "as", "said", "says", "say", "told", "tells", "reported", "reports",
      "confirmed", "confirm", "confirms", "announced", "where", "since", "until", "and", "-", "--");
  private static final Set<String> CLAUSE_PUNCT = Set.of(";", ":", "\u2014", "\u2013", "--", "(", ")");
  private static final Set<String> VAGUE_LARGE = Set.of("hundreds", "thousands", "dozens", "scores", "tens",
      "millions", "many", "numerous");
  private static final Set<String> VAGUE = Set.of("several", "some", "a number of", "number");
  /** Verbs that introduce reported speech: the subject of the reported clause follows them. */
  private static final Set<String> REPORTING = Set.of("said", "says", "stated", "announced", "added", "confirmed",
      "claimed", "insisted", "told");
  /** Reported speech without a reporting verb: "there were reports that", "according to". */
  private static final Set<String> REPORT_NOUNS = Set.of("reports", "report", "reported", "according");
  /** Words before a trigger that place the event before the report: a relative clause, "former", "years ago". */
  private static final Set<String> EARLIER_CUES = Set.of("who", "whom", "whose", "which", "former", "once",
      "previously", "earlier", "after", "since", "before", "ago");
  private static final Set<String> COPULA = Set.of("is", "was", "has been", "had been", "were", "are", "been");
  /** Words that may stand between a name and what governs it: "the former deputy ...". */
  private static final Set<String> TITLE_MODIFIERS = Set.of("the", "senior", "former", "top", "deputy", "acting",
      "then", "late", "ex", "retired", "alleged", "self-styled", "veteran", "young", "famed", "chief");
  /** "ambassador to Iraq": the country after these words is a posting, not a destination. */
  private static final Set<String> POSTING_WORDS = Set.of("ambassador", "envoy", "embassy", "consulate", "mission");
  /** Words after which a name can begin a subject noun phrase. */
  private static final Set<String> NP_JOINERS = Set.of(",", "and", "or", "&", "including", "both", "as", "(", "\"",
      "\u201c", "'", "\u2018", "\u2014", "\u2013", "-", "--", ":", ";", ".", "namely");

  private final Lexicons lx;

  public MentionExtractor(Lexicons lexicons) {
    this.lx = lexicons;
  }

  public List<Mention> extract(AnnotatedDocument doc) {
    return new Run(doc).run();
  }

  /** A defector found for a trigger: a person or a same-rank group. */
  private static final class Defector {
    String name;
    RankEntry rank;
    Integer count;
    boolean vagueLarge;
    boolean pluralNoun;
    String origin;
    String originCue;
    String organization;
  }

  /** A person seen in the passage (for appositions and coreference). */
  private static final class Entity {
    String name;
    RankEntry rank;
    String origin;
    int sentence;
    int token;
    int end;
    boolean inPhrase;
  }

  private final class Run {
    final AnnotatedDocument doc;
    final List<Span> toks;
    final String[] low;
    final String[] base;
    final RankEntry[] rankAt;
    final int[] rankStart;
    final int[] rankEnd;
    final String[] placeAt;
    final String[] placeKind;
    final int[] placeEnd;
    final String[] dateAt;
    final int[] sentStart;
    final int[] sentEnd;
    final Set<String> docCountries = new HashSet<>();
    final Map<String, Integer> countryFreq = new HashMap<>();
    final List<Entity> entities = new ArrayList<>();
    final List<Entity> defectorMemory = new ArrayList<>();
    String lastOrigin;
    /** Mentions dated only by the present perfect ("has defected" = days before publication): a stated date wins. */
    final Set<Mention> publicationDated = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    int lastOriginSentence;

    Run(AnnotatedDocument doc) {
      this.doc = doc;
      this.toks = doc.tokens();
      int n = toks.size();
      low = new String[n];
      base = new String[n];
      rankAt = new RankEntry[n];
      rankStart = new int[n];
      rankEnd = new int[n];
      placeAt = new String[n];
      placeKind = new String[n];
      placeEnd = new int[n];
      dateAt = new String[n];
      for (int i = 0; i < n; i++) {
        low[i] = Lexicons.key(toks.get(i).text());
        base[i] = stripPossessive(toks.get(i).text());
      }
      int s = doc.sentences().size();
      sentStart = new int[s];
      sentEnd = new int[s];
      java.util.Arrays.fill(sentStart, -1);
      for (int i = 0; i < n; i++) {
        int si = toks.get(i).sentence();
        if (si >= 0 && si < s) {
          if (sentStart[si] < 0) {
            sentStart[si] = i;
          }
          sentEnd[si] = i + 1;
        }
      }
      for (Span c : doc.ranks()) {
        RankEntry r = lx.rank(c.text());
        if (r == null) {
          continue;
        }
        int[] range = tokenRange(c);
        for (int i = range[0]; i < range[1]; i++) {
          rankAt[i] = r;
          rankStart[i] = range[0];
          rankEnd[i] = range[1];
        }
      }
      for (Span c : doc.places()) {
        markPlace(tokenRange(c), stripPossessive(c.text()));
      }
      for (int i = 0; i + 1 < n; i++) {
        if (placeAt[i] == null && "the".equals(low[i]) && !lx.places("the " + base[i + 1]).isEmpty()) {
          markPlace(new int[] {i, i + 2}, "the " + base[i + 1]);
        }
      }
      for (int i = 0; i < n; i++) {
        if (placeAt[i] == null) {
          String b = base[i];
          String noParticle = PLACE_PARTICLE.matcher(b).replaceFirst("");
          if (!lx.places(b).isEmpty()) {
            markPlace(new int[] {i, i + 1}, b);
          } else if (!noParticle.equals(b) && !lx.places(noParticle).isEmpty()) {
            markPlace(new int[] {i, i + 1}, noParticle);
          }
        }
      }
      for (Span c : doc.places()) {
        List<PlaceEntry> es = lx.places(stripPossessive(c.text()));
        for (PlaceEntry e : es) {
          if (!e.kind().startsWith("CONTEXT")) {
            docCountries.add(e.iso3());
          }
        }
      }
      for (int i = 0; i < n; i++) {
        if (placeAt[i] != null && (i == 0 || placeAt[i - 1] == null || placeEnd[i - 1] != placeEnd[i])) {
          countryFreq.merge(placeAt[i], 1, Integer::sum);
        }
      }
      for (Span c : doc.dates()) {
        int[] range = tokenRange(c);
        for (int i = range[0]; i < range[1]; i++) {
          dateAt[i] = c.value();
        }
      }
    }

    private void markPlace(int[] range, String phrase) {
      String iso = null;
      String kind = null;
      for (PlaceEntry e : lx.places(phrase)) {
        if (e.kind().startsWith("CONTEXT:")) {
          continue;
        }
        iso = e.iso3();
        kind = e.kind();
        break;
      }
      if (iso == null) {
        for (PlaceEntry e : lx.places(phrase)) {
          if (e.kind().startsWith("CONTEXT:")) {
            iso = e.iso3();
            kind = e.kind();
            break;
          }
        }
      }
      if (iso == null) {
        return;
      }
      for (int i = range[0]; i < range[1]; i++) {
        placeAt[i] = iso;
        placeKind[i] = kind;
        placeEnd[i] = range[1];
      }
    }

    /** Resolves contextual places ("the South") once the article's countries are known. */
    private String place(int i) {
      if (placeAt[i] == null) {
        return null;
      }
      if (placeKind[i].startsWith("CONTEXT:")) {
        String needed = placeKind[i].substring("CONTEXT:".length());
        return docCountries.contains(needed) ? placeAt[i] : null;
      }
      return placeAt[i];
    }

    int[] tokenRange(Span c) {
      int first = -1;
      int last = -1;
      for (int i = 0; i < toks.size(); i++) {
        Span t = toks.get(i);
        if (t.begin() >= c.begin() && t.end() <= c.end()) {
          if (first < 0) {
            first = i;
          }
          last = i;
        } else if (t.begin() >= c.end()) {
          break;
        }
      }
      return first < 0 ? new int[] {0, 0} : new int[] {first, last + 1};
    }

    Lexicons lexicons() {
      return lx;
    }

    int size() {
      return toks.size();
    }

    List<Mention> run() {
      collectEntities();
      List<Mention> out = new ArrayList<>();
      List<Span> triggers = new ArrayList<>(doc.triggers());
      int lastHandled = -1;
      for (Span t : triggers) {
        int[] range = tokenRange(t);
        if (range[0] >= range[1] || range[0] <= lastHandled) {
          continue;
        }
        TriggerEntry entry = lx.trigger(t.text());
        if (entry == null || "AGENT".equals(entry.kind()) || "RETURN".equals(entry.kind())) {
          continue;
        }
        List<Mention> ms = mentionsFor(t, entry, range[0], range[1]);
        out.addAll(breakDown(ms));
      }
      for (Mention m : out) {
        if (m.countable() && m.getPersonName() == null && Integer.valueOf(1).equals(m.getGroupSize())) {
          String surname = surnameIn(m.getSentenceIndex());
          if (surname != null) {
            m.setPersonName(surname);
          } else {
            identify(m);
          }
        }
      }
      List<Mention> members = new ArrayList<>();
      for (Mention m : out) {
        if (m.getPersonName() == null && m.getKeptOutReason() == null && m.getOriginCountry() != null
            && ("STATISTIC".equals(m.getFactuality()) || m.countable())) {
          members.addAll(members(m));
        }
      }
      for (Mention m : out) {
        if (m.getPersonName() == null && m.countable() && m.getOriginCountry() != null
            && !Integer.valueOf(1).equals(m.getGroupSize())) {
          members.addAll(enumerated(m));
        }
      }
      out.addAll(members);
      out.addAll(returns(out));
      passageSense(out);
      deniedLater(out);
      return out;
    }

    /**
     * Re-defections: "Lt Gen X, who defected to Jordan last year, returned last week" is a second defection, from the
     * state the person had gone to (Jordan) back to the one they had left. Only a named defector whose earlier
     * defection the same sentence tells in a relative clause ("who defected to ...") before the return.
     */
    List<Mention> returns(List<Mention> ms) {
      List<Mention> out = new ArrayList<>();
      for (Span t : doc.triggers()) {
        TriggerEntry entry = lx.trigger(t.text());
        if (entry == null || !"RETURN".equals(entry.kind())) {
          continue;
        }
        int[] range = tokenRange(t);
        if (range[0] >= range[1]) {
          continue;
        }
        int s = toks.get(range[0]).sentence();
        for (Mention m : ms) {
          int tb = tokenAt(m.getBegin() - doc.textOffset());
          boolean earlier = m.getSentenceIndex() == s && tb > sentStart[s] && tb < range[0]
              && "who".equals(low[tb - 1]);
          if (!earlier || !m.countable() || m.getPersonName() == null || m.getDestinationCountry() == null
              || m.getOriginCountry() == null) {
            continue;
          }
          Mention c = copy(m);
          c.setPersonName(m.getPersonName());
          c.setRank(m.getRank());
          c.setRankClass(m.getRankClass());
          c.setRankSpecificity(m.getRankSpecificity());
          c.setGroupSize(m.getGroupSize());
          c.setOriginCountry(m.getDestinationCountry());
          c.setOriginCue("returned from");
          c.setDestinationCountry(m.getOriginCountry());
          c.setNatoCode(lx.natoCode(m.getRank(), c.getOriginCountry()));
          c.setTrigger(t.text());
          c.setBegin(doc.textOffset() + t.begin());
          c.setEnd(doc.textOffset() + t.end());
          c.setMentionId(doc.articleId() + "#" + c.getBegin() + "#r");
          c.setIncidentKey(doc.articleId() + "#" + c.getBegin());
          c.setEventDate(null);
          c.setEventYear(null);
          c.setEventMonth(null);
          c.setDatePrecision("NONE");
          DateResolver.Resolved d = date(range[0], range[1], sentStart[s], sentEnd[s]);
          setDate(c, d);
          out.add(c);
          break;
        }
      }
      return out;
    }

    /** Index of the token starting at a passage offset, or -1. */
    private int tokenAt(int offset) {
      for (int i = 0; i < toks.size(); i++) {
        if (toks.get(i).begin() == offset) {
          return i;
        }
      }
      return -1;
    }

    /**
     * A defector known only by a surname the sentence gives: "a soldier surnamed Kim", "identified only by his
     * surname, Oh", "whose family name is Park". Returns the capitalised word after the cue, or null.
     */
    String surnameIn(int s) {
      if (sentStart[s] < 0) {
        return null;
      }
      for (int i = sentStart[s]; i < sentEnd[s] - 1; i++) {
        int j = -1;
        if ("surnamed".equals(low[i])) {
          j = i + 1;
        } else if ("surname".equals(low[i]) || ("name".equals(low[i]) && i > sentStart[s]
            && "family".equals(low[i - 1]))) {
          j = i + 1;
          while (j < sentEnd[s] && Set.of(",", "is", "was", ":").contains(low[j])) {
            j++;
          }
        }
        if (j > i && j < sentEnd[s] && rankAt[j] == null && place(j) == null && lx.wordClass(low[j]) == null
            && CAPITALISED_WORD.matcher(toks.get(j).text()).matches()) {
          return toks.get(j).text();
        }
      }
      return null;
    }

    /**
     * Coreference for an unnamed defector: a following sentence names or describes them. "A Syrian pilot defected
     * ... The pilot, Col. X", "a senior officer decided to defect ... the account of Major X", "the defence ministry
     * said he was a senior colonel ... and left in 2015". Looks at most three sentences ahead and stops at the next
     * sentence that reports another defection.
     */
    void identify(Mention m) {
      int s = m.getSentenceIndex();
      // "the Libyan ambassador to the United States ... Libya's ambassador in Washington, X": a state has one
      // ambassador at a post, so a later name at the same post (of the same state) is the defector's, anywhere in the
      // passage
      if (m.getPosting() != null) {
        for (Entity e : entities) {
          String state = e.origin != null ? e.origin : titleState(e);
          if (e.sentence > s && m.getPosting().equals(entityPosting(e))
              && (state == null || m.getOriginCountry() == null || state.equals(m.getOriginCountry()))) {
            m.setPersonName(e.name);
            if (e.rank != null) {
              adoptRank(m, e.rank);
            }
            return;
          }
        }
      }
      for (int next = s + 1; next <= s + 3 && next < sentStart.length; next++) {
        if (sentStart[next] < 0) {
          continue;
        }
        boolean mentionsDefection = false;
        for (int i = sentStart[next]; i < sentEnd[next]; i++) {
          mentionsDefection |= triggerToken(i);
        }
        for (Entity e : entities) {
          if (e.sentence != next || e.rank == null || !sameDefector(m, e, mentionsDefection)) {
            continue;
          }
          m.setPersonName(e.name);
          adoptRank(m, e.rank);
          if (m.getOriginCountry() == null) {
            m.setOriginCountry(e.origin);
          }
          return;
        }
        // "he was a senior colonel in ... and left in 2015"
        for (int i = sentStart[next]; i + 2 < sentEnd[next]; i++) {
          if (Set.of("he", "she").contains(low[i]) && COPULA.contains(low[i + 1])) {
            int r = i + 2;
            while (r < sentEnd[next] && rankAt[r] == null && (Set.of("a", "an").contains(low[r]) || isAdjective(r)
                || place(r) != null)) {
              r++;
            }
            if (r < sentEnd[next] && rankAt[r] != null && rankStart[r] == r) {
              adoptRank(m, rankAt[r]);
              if (m.getEventYear() == null || publicationDated.contains(m)) {
                for (int k = rankEnd[r]; k < sentEnd[next] - 1; k++) {
                  if (Set.of("left", "fled", "escaped", "defected", "crossed", "arrived").contains(low[k])) {
                    DateResolver.Resolved d = date(k, k + 1, k, sentEnd[next]);
                    setDate(m, d);
                    break;
                  }
                }
              }
              return;
            }
          }
        }
        if (mentionsDefection) {
          return;
        }
      }
    }

    /**
     * Named members of an unnamed group, from the next sentences: "The soldiers, including Lieutenant X, ..." after
     * "hundreds of soldiers have switched sides"; "Two sons-in-law ... have defected. The defectors were identified as
     * Lt. Gen. X ... and his brother, Lt. Col. Y" (exactly as many ranked names as the group's size).
     */
    List<Mention> members(Mention m) {
      List<Mention> found = new ArrayList<>();
      int s = m.getSentenceIndex();
      Integer n = m.getGroupSize();
      List<Entity> named = new ArrayList<>();
      for (int next = s + 1; next <= s + 3 && next < sentStart.length; next++) {
        for (Entity e : entities) {
          if (e.sentence != next || e.rank == null) {
            continue;
          }
          int inc = governor(e.token, sentStart[next]);
          boolean including = inc >= sentStart[next] && "including".equals(low[inc]) && refersToGroup(m, inc, next);
          if (including) {
            found.add(member(m, e, found.size()));
          } else if (m.countable() && m.getRank() == null && n != null && n >= 2 && arrivalOrDefection(next)) {
            named.add(e);
          }
        }
      }
      if (found.isEmpty() && n != null && named.size() == n && n <= 4) {
        for (Entity e : named) {
          found.add(member(m, e, found.size()));
        }
        m.setKeptOutReason("named_members"); // the group is the sum of its named members
      }
      return found;
    }

    /** Openings of a sentence that lists the members of the group just reported: "They included", "Among them were". */
    private static final List<List<String>> ENUMERATION_OPENINGS = List.of(List.of("they", "included"),
        List.of("they", "include"), List.of("they", "were"), List.of("these", "included"), List.of("these", "were"),
        List.of("those", "included"), List.of("among", "them"), List.of("they", "are"));

    /**
     * The members of an unnamed group listed by the next sentence: "Libyan diplomats ... resigned in protest. They
     * included the ambassadors to China, India and Poland, as well as the representative to the Arab League" is one
     * ambassador per post and a representative. Each member has the group's event (trigger, date, factuality), its
     * own rank (of the group's rank class) and post; the group itself is then kept out (it is the sum of its members)
     * when at least two members are listed.
     */
    List<Mention> enumerated(Mention group) {
      List<Mention> found = new ArrayList<>();
      int next = group.getSentenceIndex() + 1;
      if (next >= sentStart.length || sentStart[next] < 0) {
        return found;
      }
      int i = sentStart[next];
      int end = sentEnd[next];
      int opened = -1;
      for (List<String> opening : ENUMERATION_OPENINGS) {
        boolean match = i + opening.size() <= end;
        for (int k = 0; match && k < opening.size(); k++) {
          match = opening.get(k).equals(low[i + k]);
        }
        if (match) {
          opened = i + opening.size();
          break;
        }
      }
      if (opened < 0) {
        return found;
      }
      String groupClass = group.getRankClass();
      for (int r = opened; r < end; r++) {
        if (rankAt[r] == null || rankStart[r] != r) {
          continue;
        }
        RankEntry rank = rankAt[r];
        if (groupClass != null && !"UNKNOWN".equals(groupClass) && !groupClass.equals(rank.rankClass())) {
          continue; // "they" are the group's kind of people
        }
        List<String> posts = new ArrayList<>();
        int k = rankEnd[r];
        int p = postAfter(k, end);
        if (p >= 0) {
          k = p;
          while (k < end && place(k) != null) {
            posts.add(place(k));
            k = Math.max(k + 1, placeEnd[k]);
            if (k < end && ",".equals(low[k])) {
              k++;
            }
            if (k < end && "and".equals(low[k]) && k + 1 < end && place(k + 1) != null) {
              k++;
            }
          }
        }
        boolean plural = toks.get(rankEnd[r] - 1).text().toLowerCase(java.util.Locale.ROOT).endsWith("s")
            && !rank.canonical().toLowerCase(java.util.Locale.ROOT).endsWith("s");
        if (posts.isEmpty()) {
          found.add(enumeratedMember(group, rank, null, plural ? null : 1, next, found.size()));
        } else {
          for (String post : posts) {
            found.add(enumeratedMember(group, rank, post, 1, next, found.size()));
          }
        }
        r = Math.max(r, k - 1);
      }
      if (found.size() >= 2) {
        group.setKeptOutReason("enumerated_members");
        return found;
      }
      return new ArrayList<>();
    }

    private Mention enumeratedMember(Mention group, RankEntry rank, String post, Integer size, int sentence, int k) {
      Mention c = copy(group);
      c.setMentionId(group.getMentionId() + ".e" + k);
      c.setSentence(doc.sentences().get(sentence).text());
      c.setSentenceIndex(sentence);
      c.setRank(rank.canonical());
      c.setRankClass(rank.rankClass());
      c.setRankSpecificity(rank.specificity());
      c.setNatoCode(lx.natoCode(rank.canonical(), group.getOriginCountry()));
      c.setGroupSize(size);
      c.setPosting(post);
      if (post != null && post.equals(c.getDestinationCountry())) {
        c.setDestinationCountry(null);
      }
      return c;
    }

    /**
     * A diplomat's post in tokens [from, to): the place after "to", "in" or "at" that follows a diplomatic rank
     * ("ambassador to India", "Libya's envoy in Washington"), the last one in the range, or null.
     */
    String postingIn(int from, int to) {
      List<String> posts = postingsIn(from, to);
      return posts.isEmpty() ? null : posts.get(posts.size() - 1);
    }

    /** Every diplomat's post in tokens [from, to), in order. */
    List<String> postingsIn(int from, int to) {
      List<String> found = new ArrayList<>();
      for (int i = Math.max(0, from); i < to; i++) {
        if (rankAt[i] == null || rankStart[i] != i || !"DIPLOMAT".equals(rankAt[i].rankClass())) {
          continue;
        }
        int p = postAfter(rankEnd[i], to);
        if (p >= 0 && place(p) != null) {
          found.add(place(p));
        }
      }
      return found;
    }

    /**
     * Where a post's place would start after a diplomatic rank ending at {@code j}: after "to", "in" or "at" and an
     * optional "the" ("ambassador to the United States"), within [j, to); -1 when no such preposition follows.
     */
    private int postAfter(int j, int to) {
      if (j + 1 >= to || !Set.of("to", "in", "at").contains(low[j])) {
        return -1;
      }
      return j + 1 < to - 1 && "the".equals(low[j + 1]) ? j + 2 : j + 1;
    }

    private boolean arrivalOrDefection(int sentence) {
      for (int i = sentStart[sentence]; i < sentEnd[sentence]; i++) {
        if (triggerToken(i) || Set.of("arrived", "identified", "named").contains(low[i])) {
          return true;
        }
      }
      return false;
    }

    /** "The soldiers, including" / "The defectors, including": the words before "including" name the group. */
    private boolean refersToGroup(Mention m, int including, int sentence) {
      for (int i = Math.max(sentStart[sentence], including - 4); i < including; i++) {
        if ("defectors".equals(low[i]) || "deserters".equals(low[i])
            || (rankAt[i] != null && m.getRank() != null && m.getRank().equals(rankAt[i].canonical()))) {
          return true;
        }
      }
      return false;
    }

    private Mention member(Mention group, Entity e, int k) {
      Mention c = copy(group);
      c.setMentionId(group.getMentionId() + ".m" + k);
      c.setPersonName(e.name);
      c.setRank(e.rank.canonical());
      c.setRankClass(e.rank.rankClass());
      c.setRankSpecificity(e.rank.specificity());
      c.setNatoCode(lx.natoCode(e.rank.canonical(), group.getOriginCountry()));
      c.setGroupSize(1);
      if ("STATISTIC".equals(c.getFactuality())) {
        c.setFactuality("ASSERTED");
        c.setFactualityCue(null);
        c.setStatus("CONFIRMED");
      }
      return c;
    }

    /** A named person of a later sentence is the unnamed defector when their ranks agree. */
    private boolean sameDefector(Mention m, Entity e, boolean sentenceMentionsDefection) {
      String cls = e.rank.rankClass();
      boolean military = cls.endsWith("OFFICER") || "ENLISTED".equals(cls);
      if (m.getRank() == null) {
        return sentenceMentionsDefection && (military || "DIPLOMAT".equals(cls) || "POLITICAL_LEADER".equals(cls));
      }
      if (m.getRank().equals(e.rank.canonical()) || roleNear(e, m.getRank())) {
        return true;
      }
      if ("ENLISTED".equals(m.getRankClass())) {
        return "ENLISTED".equals(cls) && e.rank.specificity() > m.getRankSpecificity();
      }
      // a generic military description ("officer", "pilot") is named by a specific military rank
      return "UNKNOWN".equals(m.getRankClass()) && military
          || m.getRankClass().endsWith("OFFICER") && m.getRankClass().equals(cls)
          && e.rank.specificity() > m.getRankSpecificity();
    }

    /** "The pilot, Col. X" / "X was ... a pilot": the role word stands next to the name. */
    private boolean roleNear(Entity e, String canonical) {
      for (int i = Math.max(sentStart[e.sentence], e.token - 5); i < Math.min(sentEnd[e.sentence], e.end + 10); i++) {
        if (rankAt[i] != null && rankAt[i].canonical().equals(canonical) && (i < e.token || i >= e.end)) {
          return true;
        }
      }
      return false;
    }

    private void adoptRank(Mention m, RankEntry r) {
      if (m.getRank() == null || r.specificity() > m.getRankSpecificity()) {
        m.setRank(r.canonical());
        m.setRankClass(r.rankClass());
        m.setRankSpecificity(r.specificity());
        m.setNatoCode(lx.natoCode(r.canonical(), m.getOriginCountry()));
      }
    }

    private void setDate(Mention m, DateResolver.Resolved d) {
      if (d.year() == null) {
        return;
      }
      m.setEventDate(d.date() == null ? null : Date.valueOf(d.date()));
      m.setEventYear(d.year());
      m.setEventMonth(d.eventMonth());
      m.setDatePrecision(d.precision());
    }

    /**
     * A passage about party or sport switches: a mention there that names no state of its own (origin only from the
     * article's most named country) takes the sense of the passage's other mentions.
     */
    void passageSense(List<Mention> ms) {
      String sense = null;
      for (Mention m : ms) {
        if (m.getKeptOutReason() != null && m.getKeptOutReason().startsWith("sense:")) {
          sense = m.getKeptOutReason();
        }
      }
      if (sense == null) {
        return;
      }
      for (Mention m : ms) {
        if (m.getKeptOutReason() == null && m.getDestinationCountry() == null && (m.getOriginCountry() == null
            || Set.of("article", "entity", "previous defector").contains(m.getOriginCue()))) {
          m.setKeptOutReason(sense);
        }
      }
    }

    /**
     * Denial by another party after the report: "KCNA said the reports were sheer nonsense", "state media dismissed
     * the reports". A later sentence with a denial cue that names the defector, or speaks of the report(s), turns
     * the passage's earlier mentions of that person into DENIED ones.
     */
    void deniedLater(List<Mention> ms) {
      for (Cue c : lx.factualityCues()) {
        if (!"DENIED".equals(c.cls())) {
          continue;
        }
        for (int s = 0; s < sentStart.length; s++) {
          if (sentStart[s] < 0 || findPhrase(c.phrase(), sentStart[s], sentEnd[s]) < 0) {
            continue;
          }
          boolean aboutReports = findPhrase("report", sentStart[s], sentEnd[s]) >= 0
              || findPhrase("reports", sentStart[s], sentEnd[s]) >= 0;
          for (Mention m : ms) {
            if (!m.countable() || m.getSentenceIndex() == s) {
              continue;
            }
            boolean named = false;
            if (m.getPersonName() != null) {
              String[] parts = NAME_PARTS.split(m.getPersonName());
              for (int k = 0; k < parts.length; k++) {
                boolean edge = k == 0 || k == parts.length - 1; // family names: "Ri", "Oh", "Pak"
                named |= (parts[k].length() >= 3 || edge && parts[k].length() == 2)
                    && findPhrase(Lexicons.key(parts[k]), sentStart[s], sentEnd[s]) >= 0;
              }
            }
            boolean laterReportDenial = aboutReports && m.getSentenceIndex() < s && "REPORTED".equals(m.getStatus());
            if (named || laterReportDenial) {
              m.setFactuality("DENIED");
              m.setFactualityCue(c.phrase());
            }
          }
        }
      }
    }

    /**
     * "Four senior officers have defected ... a video purporting to show two brigadier generals and two colonels":
     * an unnamed group with a generic rank is replaced by a (count, rank) breakdown in the next two sentences that
     * sums to its size.
     */
    List<Mention> breakDown(List<Mention> ms) {
      if (ms.size() != 1) {
        return ms;
      }
      Mention m = ms.get(0);
      if (m.getPersonName() != null || m.getGroupSize() == null || m.getGroupSize() < 2
          || m.getRankSpecificity() > 2) {
        return ms;
      }
      int s = m.getSentenceIndex();
      for (int next = s + 1; next <= s + 2 && next < sentStart.length; next++) {
        if (sentStart[next] < 0) {
          continue;
        }
        List<Defector> parts = new ArrayList<>();
        parseNounPhrase(sentStart[next], sentEnd[next], parts, false);
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
            Mention c = copy(m);
            c.setMentionId(m.getMentionId() + "." + (k++));
            c.setRank(d.rank.canonical());
            c.setRankClass(d.rank.rankClass());
            c.setRankSpecificity(d.rank.specificity());
            c.setNatoCode(lx.natoCode(d.rank.canonical(), m.getOriginCountry()));
            c.setGroupSize(d.count);
            if (c.getEventDate() == null) {
              DateResolver.Resolved date = date(sentStart[next], sentStart[next], sentStart[next], sentEnd[next]);
              if (date.date() != null || date.year() != null) {
                c.setEventDate(date.date() == null ? null : Date.valueOf(date.date()));
                c.setEventYear(date.year());
                c.setEventMonth(date.eventMonth());
                c.setDatePrecision(date.precision());
              }
            }
            out.add(c);
          }
          return out;
        }
      }
      return ms;
    }

    private Mention copy(Mention m) {
      Mention c = new Mention();
      c.setArticleId(m.getArticleId());
      c.setUrl(m.getUrl());
      c.setIncidentKey(m.getIncidentKey());
      c.setTrigger(m.getTrigger());
      c.setSentence(m.getSentence());
      c.setSentenceIndex(m.getSentenceIndex());
      c.setBegin(m.getBegin());
      c.setEnd(m.getEnd());
      c.setOriginCountry(m.getOriginCountry());
      c.setOriginCue(m.getOriginCue());
      c.setDestinationCountry(m.getDestinationCountry());
      c.setPosting(m.getPosting());
      c.setEventDate(m.getEventDate());
      c.setEventYear(m.getEventYear());
      c.setEventMonth(m.getEventMonth());
      c.setDatePrecision(m.getDatePrecision());
      c.setFactuality(m.getFactuality());
      c.setFactualityCue(m.getFactualityCue());
      c.setStatus(m.getStatus());
      c.setKeptOutReason(m.getKeptOutReason());
      c.setLanguage(m.getLanguage());
      return c;
    }

    // ---------------------------------------------------------------- entities

    private void collectEntities() {
      for (int s = 0; s < sentStart.length; s++) {
        if (sentStart[s] < 0) {
          continue;
        }
        for (int[] name : Names.find(this, sentStart[s], sentEnd[s])) {
          if (possessive(name[1] - 1) || Names.notAPerson(this, name)) {
            continue;
          }
          Entity e = new Entity();
          e.name = nameText(name);
          e.sentence = s;
          e.token = name[0];
          e.end = name[1];
          e.inPhrase = inPrepositionalPhrase(name[0], sentStart[s]);
          e.rank = rankBefore(name[0], sentStart[s]);
          if (e.rank == null) {
            e.rank = appositionRank(name[1], sentEnd[s]);
          }
          e.origin = originNear(name[0], name[1], sentStart[s], sentEnd[s]);
          entities.add(e);
        }
      }
    }

    /** The token that governs a name: the first one before it that is not a title, rank, place or modifier. */
    int governor(int nameStart, int floor) {
      int b = nameStart - 1;
      while (true) {
        while (b >= floor && (rankAt[b] != null || place(b) != null || TITLE_MODIFIERS.contains(low[b]))) {
          b--;
        }
        // "Libya's ambassador to India Ali al-Essawi": a diplomat's posting belongs to the title before the name
        if (b - 1 >= floor && b + 1 < nameStart && Set.of("to", "in", "at").contains(low[b]) && place(b + 1) != null
            && rankAt[b - 1] != null && "DIPLOMAT".equals(rankAt[b - 1].rankClass())) {
          b--;
          continue;
        }
        return b;
      }
    }

    /** "close to President X", "the account of Major X": the name is the object of a preposition. */
    boolean inPrepositionalPhrase(int nameStart, int floor) {
      int b = governor(nameStart, floor);
      return b >= floor && PREPOSITIONS.contains(low[b]);
    }

    /**
     * A name can be the subject of the clause [floor, ...) only at its start or after a joiner (comma, "and",
     * "including"); after a preposition, a determiner or a verb ("flew their Dassault Mirage") it is an object.
     */
    boolean startsNounPhrase(int nameStart, int floor) {
      int b = governor(nameStart, floor);
      return b < floor || NP_JOINERS.contains(low[b]) || CLAUSE_WORDS.contains(low[b]);
    }

    /** Rank chunk that ends right before token {@code i} (skipping a demonym): "Lt. Gen. X", "Syrian Colonel X". */
    RankEntry rankBefore(int i, int floor) {
      int j = i - 1;
      if (j >= floor && rankAt[j] != null) {
        return rankAt[j];
      }
      return null;
    }

    /** "X, Syria's ambassador to Iraq" / "X, a senior colonel in ..." : rank in the apposition after a name. */
    RankEntry appositionRank(int after, int end) {
      RankEntry head = null;
      if (after < end && ",".equals(low[after])) {
        for (int i = after + 1; i < Math.min(end, after + 9); i++) {
          if (",".equals(low[i]) || "who".equals(low[i]) || isPeople(i) || PREPOSITIONS.contains(low[i])
              || CLAUSE_PUNCT.contains(low[i])) {
            break;
          }
          // the head noun of the apposition is its last rank; "Workers' party official": a possessive modifies
          if (rankAt[i] != null && !possessive(rankEnd[i] - 1) && !toks.get(rankEnd[i] - 1).text().endsWith("'")
              && !toks.get(rankEnd[i] - 1).text().endsWith("\u2019")) {
            head = rankAt[i];
          }
        }
      }
      return head;
    }

    String originNear(int from, int to, int floor, int ceil) {
      for (int i = Math.max(floor, from - 3); i < from; i++) {
        String p = place(i);
        if (p != null && isOriginKind(i)) {
          return p;
        }
      }
      if (to < ceil && ",".equals(low[to])) {
        for (int i = to + 1; i < Math.min(ceil, to + 6); i++) {
          if (",".equals(low[i])) {
            break;
          }
          String p = place(i);
          if (p != null && isOriginKind(i)) {
            return p;
          }
        }
      }
      return null;
    }

    /** Sets a defector's origin, if unknown, from the first demonym, regime or possessive state in [from, to). */
    void originFrom(Defector d, int from, int to) {
      for (int k = from; k < to && d.origin == null; k++) {
        if (place(k) != null && isOriginKind(k)) {
          d.origin = place(k);
          d.originCue = toks.get(k).text();
        }
      }
    }

    boolean isOriginKind(int i) {
      String k = placeKind[i];
      return k != null && (k.equals("DEMONYM") || k.equals("REGIME") || possessive(i) || k.startsWith("CONTEXT"));
    }

    boolean possessive(int i) {
      String t = toks.get(i).text();
      return t.endsWith("'s") || t.endsWith("\u2019s") || (i + 1 < low.length && ("'s".equals(low[i + 1])));
    }

    String nameText(int[] name) {
      StringBuilder sb = new StringBuilder();
      for (int i = name[0]; i < name[1]; i++) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(i == name[1] - 1 ? base[i] : toks.get(i).text());
      }
      return sb.toString();
    }

    // ---------------------------------------------------------------- mentions

    List<Mention> mentionsFor(Span trigger, TriggerEntry entry, int tb, int te) {
      int s = toks.get(tb).sentence();
      int ss = sentStart[s];
      int se = sentEnd[s];
      String sense = sense(tb, te, ss, se);
      int clauseStart = clauseStart(tb, ss);
      int clauseEnd = clauseEnd(te, se);

      List<Defector> defectors = new ArrayList<>();
      boolean noun = "NOUN".equals(entry.kind());
      if (noun) {
        nounDefector(tb, te, ss, se, defectors);
      } else if (objectDefectors(tb, te, clauseEnd, defectors)) {
        // the defector was the object
      } else {
        subjectDefectors(clauseStart, tb, te, clauseEnd, ss, defectors);
      }
      if (defectors.isEmpty()) {
        return List.of();
      }
      String[] fact = factuality(tb, te, clauseStart, clauseEnd, ss, se, noun);
      // "crossed into Turkey", "fled to Jordan": a trigger that ends in a direction takes the destination as object
      boolean directed = Set.of("to", "into", "in", "across", "toward", "towards").contains(low[te - 1]);
      String destination = directed && te < se && place(te) != null ? place(te) : destination(te, se);
      String fromOrigin = directed ? null : explicitOrigin(te, se);
      if (destination == null) {
        destination = motionDestination(clauseStart, tb);
      }
      DateResolver.Resolved date = date(tb, te, ss, se);
      boolean perfectDefault = date.year() == null && doc.published() != null && tb - 1 >= ss
          && (perfect(tb, ss) || newsPast(tb, te, ss, entry) || reportedPerfect(tb, te, ss, se, entry));
      if (perfectDefault) {
        // news in the present perfect ("has defected"), or a main-clause past with no date of its own ("the pilot
        // defected and asked for asylum"), reports an event of the days before publication
        date = new DateResolver.Resolved(null, doc.published().getYear(), doc.published().getMonthValue(), "MONTH");
      }
      boolean stateContext = fromOrigin != null || destination != null;

      List<Mention> out = new ArrayList<>();
      int k = 0;
      for (Defector d : defectors) {
        Mention m = new Mention();
        m.setArticleId(doc.articleId());
        m.setUrl(doc.url());
        m.setTrigger(trigger.text());
        m.setSentenceIndex(s);
        Span sent = doc.sentences().get(s);
        m.setSentence(sent.text());
        m.setBegin(doc.textOffset() + trigger.begin());
        m.setEnd(doc.textOffset() + trigger.end());
        m.setMentionId(doc.articleId() + "#" + m.getBegin() + "#" + (k++));
        // the trigger's offset in the cleaned article: the same whatever passage it was annotated in
        m.setIncidentKey(doc.articleId() + "#" + (doc.textOffset() + toks.get(tb).begin()));
        m.setPersonName(d.name);
        if (d.rank != null) {
          m.setRank(d.rank.canonical());
          m.setRankClass(d.rank.rankClass());
          m.setRankSpecificity(d.rank.specificity());
        } else {
          m.setRankClass("UNKNOWN");
        }
        String origin = fromOrigin != null ? fromOrigin : d.origin;
        String cue = fromOrigin != null ? "from" : d.originCue;
        if (origin == null && !defectorMemory.isEmpty()
            && s - defectorMemory.get(defectorMemory.size() - 1).sentence <= 3) {
          origin = defectorMemory.get(defectorMemory.size() - 1).origin;
          cue = origin == null ? null : "previous defector";
        }
        if (origin == null && lastOrigin != null && s - lastOriginSentence <= 3) {
          origin = lastOrigin;
          cue = "previous defector";
        }
        if (origin == null) {
          origin = articleCountry(destination);
          cue = origin == null ? null : "article";
        }
        if (origin != null && origin.equals(destination)) {
          destination = null;
        }
        m.setOriginCountry(origin);
        m.setOriginCue(cue);
        m.setDestinationCountry(destination);
        m.setOrganization(d.organization);
        if (d.rank != null && "DIPLOMAT".equals(d.rank.rankClass())) {
          m.setPosting(posting(d, s, tb));
        }
        m.setNatoCode(lx.natoCode(m.getRank(), origin));
        m.setGroupSize(d.vagueLarge ? null : d.count);
        m.setEventDate(date.date() == null ? null : Date.valueOf(date.date()));
        m.setEventYear(date.year());
        m.setEventMonth(date.eventMonth());
        m.setDatePrecision(date.precision());
        if (perfectDefault) {
          publicationDated.add(m);
        }
        m.setFactuality(fact[0]);
        m.setFactualityCue(fact[1]);
        m.setStatus("REPORTED".equals(fact[0]) ? "REPORTED" : "CONFIRMED");
        m.setLanguage("en");
        if (sense != null) {
          m.setKeptOutReason("sense:" + sense);
        } else if (d.vagueLarge || (d.count != null && d.count >= 100)) {
          m.setFactuality("STATISTIC");
          m.setFactualityCue(d.vagueLarge ? "vague quantity" : "large count");
        } else if ("RESIGN".equals(entry.kind()) && (d.rank == null || !"DIPLOMAT".equals(d.rank.rankClass()))) {
          m.setKeptOutReason("resignation_not_abroad"); // only a diplomat's resignation at a post abroad counts
        } else if (!entry.strong() && !stateContext && !"ASYLUM".equals(entry.kind()) && !"RESIGN".equals(entry.kind())
            && !weakTriggerHasStateContext(trigger.text())) {
          m.setKeptOutReason("weak_trigger_without_state_context");
        } else if (!entry.strong() && d.rank != null && "SOVEREIGN".equals(lx.wordClass(Lexicons.key(d.rank.canonical())))
            && !Lexicons.key(trigger.text()).contains("asylum")) {
          m.setKeptOutReason("ousted_ruler"); // "President Duvalier fled Haiti": a ruler's flight is not a defection
        } else if (origin == null) {
          m.setKeptOutReason("origin_unknown");
        } else if (d.name == null && d.rank == null && d.count == null) {
          m.setKeptOutReason("no_defector");
        }
        out.add(m);
        if (m.countable() && m.getOriginCountry() != null) {
          lastOrigin = m.getOriginCountry();
          lastOriginSentence = s;
        }
        if (d.name != null && m.countable()) {
          Entity e = new Entity();
          e.name = d.name;
          e.rank = d.rank;
          e.origin = origin;
          e.sentence = s;
          e.token = tb;
          defectorMemory.add(e);
        }
      }
      return out;
    }

    /**
     * The post of a diplomat defector: next to their name when named, else the last post before the trigger ("X to A
     * said ..., and the ambassador to B resigned": B).
     */
    private String posting(Defector d, int s, int tb) {
      if (d.name != null) {
        for (Entity e : entities) {
          if (e.sentence == s && d.name.equals(e.name)) {
            return entityPosting(e);
          }
        }
      }
      return postingIn(sentStart[s], tb);
    }

    /**
     * The state whose title a name carries: "Lebanon's ambassador in Nicosia, X" → LBN (a demonym, regime or possessive
     * within the eight tokens before the name that is not the post itself), or null.
     */
    String titleState(Entity e) {
      for (int i = Math.max(sentStart[e.sentence], e.token - 8); i < e.token; i++) {
        boolean post = i > 0 && Set.of("to", "in", "at", "the").contains(low[i - 1]);
        if (place(i) != null && isOriginKind(i) && !post) {
          return place(i);
        }
      }
      return null;
    }

    /** A named person's post: the nearest before the name ("ambassador in Washington, Ali Adjali"), else after it. */
    String entityPosting(Entity e) {
      String before = postingIn(Math.max(sentStart[e.sentence], e.token - 8), e.token);
      if (before != null) {
        return before;
      }
      List<String> after = postingsIn(e.end, Math.min(sentEnd[e.sentence], e.end + 8));
      return after.isEmpty() ? null : after.get(0);
    }

    private boolean weakTriggerHasStateContext(String trigger) {
      String t = Lexicons.key(trigger);
      return t.contains("asylum") || t.contains("refuge") || t.contains("opposition") || t.contains("rebels")
          || t.contains("revolution") || t.contains("uprising") || t.contains("regime") || t.contains("protest")
          || t.contains("disowned") || t.contains("demarcation");
    }

    /** The country the article is about, for defectors whose text gives no origin: the most named state. */
    private String articleCountry(String destination) {
      String best = null;
      int bestN = 0;
      int candidates = 0;
      for (Map.Entry<String, Integer> e : countryFreq.entrySet()) {
        if (e.getKey().equals(destination)) {
          continue;
        }
        candidates++;
        if (e.getValue() > bestN) {
          best = e.getKey();
          bestN = e.getValue();
        }
      }
      return bestN >= 2 || candidates == 1 ? best : null;
    }

    // ---------------------------------------------------------------- sense

    String sense(int tb, int te, int ss, int se) {
      String tw = low[tb];
      // "a defect", "birth defects", "defects in": the noun sense of defect
      if (tw.startsWith("defect") && !tw.startsWith("defecti") && !tw.startsWith("defecto")) {
        if (tb > ss && Set.of("a", "the", "no", "any", "of", "major", "minor", "serious", "genetic", "birth",
            "product", "design", "safety", "manufacturing", "congenital", "heart", "structural").contains(low[tb - 1])
            && !"defected".equals(tw)) {
          return "PRODUCT";
        }
        if (te < se && Set.of("in", "of", "that", "which").contains(low[te]) && !"defected".equals(tw)
            && !"defecting".equals(tw)) {
          return "PRODUCT";
        }
      }
      if (Set.of("desert", "deserts").contains(tw) && tb > ss && Set.of("and", "or", "the", "of", "in", "across",
          "through", "into", "vast", "arid", "sandy").contains(low[tb - 1])
          && !(te < se && Set.of("to", "from", "the", "his", "their").contains(low[te]))) {
        return "PLACE"; // "mountains and deserts": the noun
      }
      if (tw.startsWith("desert") && !tw.startsWith("deserti")) {
        // "a deserted street": adjective use
        if (te < se && tb > ss && Set.of("a", "the", "an", "completely", "largely", "almost", "was", "were", "is",
            "are", "looked", "seemed").contains(low[tb - 1]) && (te >= se || !Set.of("to", "from").contains(low[te]))) {
          boolean personObject = false;
          for (int i = te; i < Math.min(se, te + 3); i++) {
            if (rankAt[i] != null || place(i) != null) {
              personObject = true;
            }
          }
          if (!personObject) {
            return "PLACE";
          }
        }
      }
      for (Cue c : lx.senseCues()) {
        if ("SENTENCE".equals(c.scope())) {
          if (findPhrase(c.phrase(), ss, se) >= 0) {
            return c.cls();
          }
        } else {
          if (findPhrase(c.phrase(), Math.max(ss, tb - 2), tb) >= 0
              || findPhrase(c.phrase(), te, Math.min(clauseEnd(te, se), te + 6)) >= 0) {
            return c.cls();
          }
        }
      }
      return null;
    }

    /** First token index where the phrase's words occur in [from, to), else -1. */
    int findPhrase(String phrase, int from, int to) {
      String[] words = phrase.split(" ");
      outer:
      for (int i = from; i + words.length <= to; i++) {
        for (int w = 0; w < words.length; w++) {
          String tok = low[i + w];
          String word = words[w];
          if (!(tok.equals(word) || stripPossessive(tok).equals(word)
              || (word.equals("n't") && tok.endsWith("n't")))) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }

    // ---------------------------------------------------------------- clauses

    int clauseStart(int tb, int ss) {
      for (int i = tb - 1; i >= ss; i--) {
        String w = low[i];
        if (CLAUSE_PUNCT.contains(w)) {
          return i + 1;
        }
        if (CLAUSE_WORDS.contains(w)) {
          // "and" only separates clauses when a new subject follows it; "that"/"as" only when not inside the NP
          // and "Lt. Gen. X and Brig. Gen. Y defected": two names coordinated in one subject
          if (w.equals("and") && (!startsSubject(i + 1, tb) || (i > ss && (rankAt[i - 1] != null
              || isPeople(i - 1) || place(i - 1) != null || (Names.capitalized(toks.get(i - 1).text())
              && (rankAt[i + 1] != null || Names.capitalized(toks.get(i + 1).text())) && noVerbBetween(i + 1, tb)))))) {
            continue; // coordination inside one noun phrase: "a captain and three sergeants"
          }
          return i + 1;
        }
        if (triggerToken(i) && i < tb - 1 && !low[i].equals(low[tb])) {
          // previous predicate in the sentence: "defected and crossed into Turkey" share a subject
          continue;
        }
      }
      return ss;
    }

    /** No lower-case word other than a rank, modifier or particle in [from, to): one noun phrase. */
    boolean noVerbBetween(int from, int to) {
      for (int i = from; i < to; i++) {
        String t = toks.get(i).text();
        if (!t.isEmpty() && Character.isLowerCase(t.charAt(0)) && rankAt[i] == null && !TITLE_MODIFIERS.contains(low[i])
            && !Set.of("has", "have", "had", "also", "reportedly", "al", "el", "bin", "de").contains(low[i])
            && !low[i].startsWith("al-") && !low[i].startsWith("el-")) {
          return false;
        }
      }
      return true;
    }

    boolean startsSubject(int from, int to) {
      for (int i = from; i < Math.min(to, from + 4); i++) {
        if (rankAt[i] != null || Names.capitalized(toks.get(i).text()) || lx.number(low[i]) != null
            || isDigits(low[i]) || Set.of("he", "she", "they").contains(low[i])) {
          return true;
        }
        if (triggerToken(i)) {
          return false;
        }
      }
      return false;
    }

    boolean triggerToken(int i) {
      for (Span t : doc.triggers()) {
        TriggerEntry e = lx.trigger(t.text());
        if (e != null && "RETURN".equals(e.kind())) {
          continue;
        }
        if (toks.get(i).begin() >= t.begin() && toks.get(i).end() <= t.end()) {
          return true;
        }
      }
      return false;
    }

    int clauseEnd(int te, int se) {
      for (int i = te; i < se; i++) {
        String w = low[i];
        if (CLAUSE_PUNCT.contains(w) || Set.of("but", "while", "whereas", "although", "because").contains(w)) {
          return i;
        }
      }
      return se;
    }

    // ---------------------------------------------------------------- defectors

    /**
     * "The ambassador said he could no longer support ...", "Officials told reporters that the pilot defected": the
     * subject of the reported clause starts after the reporting verb (and "that"); the speaker stays available as a
     * pronoun's antecedent.
     */
    int afterReportingVerb(int cs, int tb) {
      for (int i = tb - 1; i > cs; i--) {
        if (REPORTING.contains(low[i])) {
          int start = i + 1;
          if (low[i].equals("told")) {
            int that = -1;
            for (int k = i + 1; k < Math.min(tb, i + 5); k++) {
              if (low[k].equals("that")) {
                that = k;
                break;
              }
            }
            if (that < 0) {
              continue;
            }
            start = that;
          }
          if (start < tb && low[start].equals("that")) {
            start++;
          }
          return start < tb ? start : cs;
        }
      }
      return cs;
    }

    void subjectDefectors(int cs, int tb, int te, int ce, int ss, List<Defector> out) {
      cs = afterReportingVerb(cs, tb);
      // "X defected from Y and fled to Z": a trigger earlier in the clause shares its subject with this one
      int predicate = tb;
      for (int i = cs; i < tb - 1; i++) {
        if (triggerToken(i) && !low[i].equals(low[tb]) && coordinated(i, tb)) {
          predicate = i;
          break;
        }
      }
      int subjEnd = subjectEnd(cs, predicate);
      if (subjEnd > cs && predicate == tb) {
        cs = lastSegment(cs, subjEnd);
      }
      if (predicate != tb) {
        if (subjEnd <= cs) {
          return;
        }
        parseNounPhrase(cs, subjEnd, out, true);
        return;
      }
      if (subjEnd <= cs || (tb > cs && "who".equals(low[tb - 1]))) {
        // "the first ... who took asylum in X has been NAME": identified after the predicate
        copularName(cs, tb, te, ce, out);
        if (!out.isEmpty() || subjEnd <= cs) {
          return;
        }
      }
      if (subjEnd < tb && "who".equals(low[subjEnd]) && relativeAntecedent(subjEnd, ss, out)) {
        return;
      }
      if (subjEnd - 1 >= cs && Set.of("he", "she").contains(low[subjEnd - 1]) && subjEnd - 1 == cs) {
        Defector d = antecedent(tb, ss);
        if (d != null) {
          out.add(d);
        }
        return;
      }
      if (subjEnd - 1 >= cs && ("both".equals(low[cs]) || ("two".equals(low[Math.min(cs + 1, subjEnd - 1)])
          && "the".equals(low[cs]))) && (subjEnd - cs <= 3 || isPeople(Math.min(cs + 1, subjEnd - 1))
          || isPeople(Math.min(cs + 2, subjEnd - 1)))) {
        List<Entity> two = lastEntities(tb, 2);
        if (two.size() == 2) {
          two.forEach(e -> out.add(fromEntity(e)));
          return;
        }
      }
      parseNounPhrase(cs, subjEnd, out, true);
      if (out.isEmpty() && subjEnd - cs <= 2 && Set.of("who").contains(low[Math.max(cs, subjEnd - 1)])) {
        copularName(cs, tb, te, ce, out);
      }
    }

    /** "has (also) defected", "have reportedly fled": the trigger is in the present perfect. */
    /**
     * A verb trigger in the simple past or present of a main clause ("defected", "fled", "resign"), not a past
     * perfect ("had defected": earlier than the story) nor a relative clause ("X, who defected to the South, ..."),
     * which in news usually recall older events.
     */
    boolean newsPast(int tb, int te, int ss, TriggerEntry entry) {
      if (!verbal(entry)) {
        return false;
      }
      for (int i = tb - 1; i >= Math.max(ss, tb - 6); i--) {
        if ("had".equals(low[i]) || EARLIER_CUES.contains(low[i])) {
          return false;
        }
        if (Set.of(",", ";", ":").contains(low[i])) {
          break;
        }
      }
      for (int i = te; i < Math.min(te + 4, low.length); i++) {
        if (low[i].equals("ago")) {
          return false;
        }
      }
      return true;
    }

    /**
     * A present perfect backshifted in reported speech: "there were reports that an officer had joined the rebels",
     * "officials said two soldiers had defected" (what was reported as "has joined"). The past perfect must follow a
     * reporting word in the same sentence, with nothing that places the event earlier ("years ago", "before",
     * "previously", "once", a relative clause).
     */
    boolean reportedPerfect(int tb, int te, int ss, int se, TriggerEntry entry) {
      if (!verbal(entry)) {
        return false;
      }
      int had = auxiliaryBefore(tb, ss, Set.of("had"), Set.of("also", "just", "now", "recently"));
      if (had < 0) {
        return false;
      }
      boolean reported = false;
      for (int i = ss; i < had; i++) {
        if (EARLIER_CUES.contains(low[i])) {
          return false;
        }
        reported |= REPORTING.contains(low[i]) || REPORT_NOUNS.contains(low[i]);
      }
      for (int i = te; i < Math.min(te + 6, se); i++) {
        if (Set.of("ago", "before", "earlier", "previously").contains(low[i])) {
          return false;
        }
      }
      return reported;
    }

    boolean perfect(int tb, int ss) {
      return auxiliaryBefore(tb, ss, Set.of("has", "have"), Set.of("also", "just", "now", "since", "recently")) >= 0;
    }

    /**
     * The token of one of {@code auxiliaries} at most three tokens before the trigger, with only "-ly" words and
     * {@code adverbs} between ("has also defected", "had recently fled"), or -1.
     */
    private int auxiliaryBefore(int tb, int ss, Set<String> auxiliaries, Set<String> adverbs) {
      for (int i = tb - 1; i >= Math.max(ss, tb - 3); i--) {
        if (auxiliaries.contains(low[i])) {
          return i;
        }
        if (!(low[i].endsWith("ly") || adverbs.contains(low[i]))) {
          return -1;
        }
      }
      return -1;
    }

    /** Triggers whose tense tells when: verbs, asylum requests and resignations (not nouns or agents). */
    private boolean verbal(TriggerEntry entry) {
      return "VERB".equals(entry.kind()) || "ASYLUM".equals(entry.kind()) || "RESIGN".equals(entry.kind());
    }

    /**
     * "asylum to Major X, the Sudanese pilot who defected": the person of a "NAME, DESCRIPTION who" apposition is the
     * subject of the relative clause.
     */
    boolean relativeAntecedent(int who, int ss, List<Defector> out) {
      int comma = -1;
      for (int i = who - 1; i >= Math.max(ss, who - 8); i--) {
        if (",".equals(low[i])) {
          comma = i;
          break;
        }
      }
      if (comma <= ss) {
        return false;
      }
      List<int[]> names = Names.find(this, Math.max(ss, comma - 6), comma);
      if (names.isEmpty() || names.get(names.size() - 1)[1] != comma) {
        return false;
      }
      int[] nm = names.get(names.size() - 1);
      Defector d = new Defector();
      d.name = nameText(nm);
      d.count = 1;
      d.rank = rankBefore(nm[0], ss);
      for (int i = comma + 1; i < who; i++) {
        if (rankAt[i] != null && (d.rank == null || rankAt[i].specificity() > d.rank.specificity())) {
          d.rank = rankAt[i];
        }
      }
      originFrom(d, comma + 1, who);
      enrichFromEntities(d);
      out.add(d);
      return true;
    }

    /** Two predicates joined by "and" with no relative clause between them share a subject. */
    boolean coordinated(int first, int second) {
      boolean and = false;
      for (int i = first + 1; i < second; i++) {
        if (Set.of("who", "which", "that", "whom", "whose").contains(low[i])) {
          return false;
        }
        and |= "and".equals(low[i]);
      }
      return and;
    }

    /** "Chad has granted asylum to Major X": an asylum granted to someone names the defector as its object. */
    boolean objectDefectors(int tb, int te, int ce, List<Defector> out) {
      boolean granting = Set.of("granted", "gave", "given", "offered").contains(low[tb])
          && (tb == 0 || !Set.of("was", "were", "been", "be", "is", "are").contains(low[tb - 1]));
      if (!granting || te >= ce || !"to".equals(low[te])) {
        return false;
      }
      int end = te + 1;
      while (end < ce && !Set.of("who", "which", "after", "because", "on", "in").contains(low[end])) {
        end++;
      }
      parseNounPhrase(te + 1, end, out, true);
      return true;
    }

    /** End of the subject before a predicate: auxiliaries and adverbs ("has also reportedly") are skipped. */
    int subjectEnd(int cs, int predicate) {
      int subjEnd = predicate;
      for (int i = predicate - 1; i >= cs; i--) {
        String w = low[i];
        if (Set.of("has", "have", "had", "also", "was", "were", "is", "are", "reportedly", "allegedly", "later",
            "then", "just", "recently", "finally", "been", "who", "which", "to", "decided", "apparently",
            "subsequently", "eventually", "successfully", "openly", "secretly", "not", "never", "n't", "did",
            "would", "will", "could", "may", "might", "be", "being", "themselves", "himself").contains(w)
            || w.endsWith("ly") || w.endsWith("n't")) {
          subjEnd = i;
          continue;
        }
        break;
      }
      return subjEnd;
    }

    /**
     * "As troops swept ... against leader X, a number of officers defected": the subject is the comma segment next
     * to the verb when it holds a defector, unless that segment is the name of a "RANK, NAME" apposition.
     */
    int lastSegment(int cs, int subjEnd) {
      if (",".equals(low[subjEnd - 1])) {
        return cs; // "X, commander of the military police, has defected": a closed apposition
      }
      int comma = -1;
      for (int i = subjEnd - 2; i >= cs; i--) {
        if (",".equals(low[i])) {
          comma = i;
          break;
        }
      }
      if (comma < 0) {
        return cs;
      }
      boolean head = false;
      for (int i = comma + 1; i < subjEnd; i++) {
        if (rankAt[i] != null || isPeople(i) || (place(i) != null && "DEMONYM".equals(placeKind[i]))
            || Set.of("he", "she", "they").contains(low[i])) {
          head = true;
        }
      }
      List<int[]> names = Names.find(this, comma + 1, subjEnd);
      boolean nameAfterRank = !names.isEmpty() && names.get(0)[0] == comma + 1 && comma - 1 >= cs
          && rankAt[comma - 1] != null;
      if ((head || !names.isEmpty()) && !nameAfterRank) {
        return comma + 1;
      }
      return cs;
    }

    /**
     * The referent of a subject pronoun: a person-denoting phrase earlier in the same sentence ("an alleged captain
     * ..., in which he announces"), else the last defector, else the last person named outside a phrase.
     */
    Defector antecedent(int tb, int ss) {
      for (int i = tb - 1; i >= ss; i--) {
        if (Names.capitalized(toks.get(i).text()) && (i == ss || !Names.capitalized(toks.get(i - 1).text())
            || "HONORIFIC".equals(lx.wordClass(low[i - 1])))) {
          String surname = Lexicons.key(base[i]);
          for (int k = entities.size() - 1; k >= 0; k--) {
            Entity e = entities.get(k);
            if (e.token < i && Names.surname(e.name).equals(surname)) {
              return fromEntity(e);
            }
          }
        }
        if (rankAt[i] != null && rankStart[i] == i) {
          int b = i - 1;
          // stop at the determiner ("the" is also a title modifier: "the former ambassador")
          while (b >= ss && !Set.of("a", "an", "the", "one").contains(low[b]) && (isAdjective(b) || place(b) != null
              || TITLE_MODIFIERS.contains(low[b]) || "alleged".equals(low[b]))) {
            b--;
          }
          boolean singular = b >= ss && Set.of("a", "an", "the", "one").contains(low[b])
              && !low[rankEnd[i] - 1].endsWith("s") && !(b - 1 >= ss && (COPULA.contains(low[b - 1])
              || "be".equals(low[b - 1])));
          List<int[]> named = Names.find(this, rankEnd[i], Math.min(tb, rankEnd[i] + 4));
          if (singular && (named.isEmpty() || named.get(0)[0] != rankEnd[i])) {
            // "Oleg Ivanov, a senior KGB officer who ..., said he": the rank describes the name before it
            if (b - 1 >= ss && low[b - 1].equals(",")) {
              for (int k = entities.size() - 1; k >= 0; k--) {
                Entity e = entities.get(k);
                if (e.end == b - 1 && e.sentence == toks.get(i).sentence()) {
                  Defector named0 = fromEntity(e);
                  if (named0.rank == null) {
                    named0.rank = rankAt[i];
                  }
                  return named0;
                }
              }
            }
            Defector d = new Defector();
            d.rank = rankAt[i];
            d.count = 1;
            originFrom(d, Math.max(ss, b), Math.min(tb, rankEnd[i] + 6));
            return d;
          }
        }
      }
      Entity e = lastEntity(tb);
      return e == null ? null : fromEntity(e);
    }

    private void copularName(int cs, int tb, int te, int ce, List<Defector> out) {
      for (int i = te; i < ce - 1; i++) {
        if (COPULA.contains(low[i]) || ("has".equals(low[i]) && i + 1 < ce && "been".equals(low[i + 1]))) {
          int from = "has".equals(low[i]) ? i + 2 : i + 1;
          List<int[]> names = Names.find(this, from, Math.min(ce, from + 6));
          if (!names.isEmpty() && names.get(0)[0] == from) {
            Defector d = new Defector();
            d.name = nameText(names.get(0));
            d.count = 1;
            d.rank = appositionRank(names.get(0)[1], ce);
            // the description before "who" gives the origin: "the highest-level North Korean who took asylum"
            originFrom(d, cs, tb);
            enrichFromEntities(d);
            out.add(d);
          }
          return;
        }
      }
    }

    void nounDefector(int tb, int te, int ss, int se, List<Defector> out) {
      // "X's defection" / "his defection"
      int p = tb - 1;
      while (p >= ss && (isYear(low[p]) || Set.of("recent", "latest", "reported", "apparent", "own").contains(low[p]))) {
        p--;
      }
      if (p >= ss && possessive(p) && Names.capitalized(toks.get(p).text())) {
        List<int[]> names = Names.find(this, Math.max(ss, p - 5), p + 1);
        if (!names.isEmpty() && names.get(names.size() - 1)[1] == p + 1) {
          Defector d = new Defector();
          d.name = nameText(names.get(names.size() - 1));
          d.count = 1;
          enrichFromEntities(d);
          out.add(d);
          return;
        }
      }
      if (p >= ss && Set.of("his", "her").contains(low[p])) {
        Defector d = antecedent(tb, ss);
        if (d != null) {
          out.add(d);
        }
        return;
      }
      // "the defection of NP"
      if (te < se && "of".equals(low[te])) {
        int end = te + 1;
        while (end < se && !CLAUSE_PUNCT.contains(low[end]) && !Set.of("to", "from", "in", "on", "and", "was",
            "is", "has", "had", "were", "after", "as", "came", "comes", "sources").contains(low[end])) {
          end++;
        }
        // an apposition name after a comma: "the head of the Syrian consulate in Cuba, Haitham Humaidan"
        int apEnd = end;
        int scan = end;
        while (scan < se && !",".equals(low[scan]) && scan - end < 8 && !CLAUSE_PUNCT.contains(low[scan])) {
          scan++;
        }
        if (scan < se && ",".equals(low[scan])) {
          List<int[]> names = Names.find(this, scan + 1, Math.min(se, scan + 6));
          if (!names.isEmpty() && names.get(0)[0] == scan + 1) {
            apEnd = names.get(0)[1];
          }
        }
        parseNounPhrase(te + 1, Math.max(end, apEnd), out, true);
      }
    }

    /** Parses a subject noun phrase into defectors: names, (count, rank) pairs, people nouns. */
    void parseNounPhrase(int from, int to, List<Defector> out, boolean allowApposition) {
      // groups: NUM [adj...] RANK (and NUM RANK)*
      List<Defector> groups = new ArrayList<>();
      int i = from;
      Integer pendingCount = null;
      boolean pendingVague = false;
      String origin = null;
      String originCue = null;
      List<int[]> names = Names.find(this, from, to);
      // objects ("close to President X", "their Dassault Mirage") and possessors ("Assad's army") are not defectors
      List<int[]> subjectNames = new ArrayList<>();
      for (int[] nm : names) {
        if (startsNounPhrase(nm[0], from) && !possessive(nm[1] - 1) && !Names.notAPerson(this, nm)) {
          subjectNames.add(nm);
        }
      }
      for (int k = from; k < to; k++) {
        String p = place(k);
        if (p != null && origin == null && !(k > from && Set.of("to", "in", "into", "at").contains(low[k - 1])
            && !possessive(k))) {
          if (isOriginKind(k) || (k > from && Set.of("of", "from").contains(low[k - 1]))) {
            origin = p;
            originCue = toks.get(k).text();
          }
        }
      }
      while (i < to) {
        String w = low[i];
        Integer num = lx.number(w);
        if (isDigits(w)) {
          num = Integer.parseInt(w.replace(",", ""));
        }
        if (VAGUE_LARGE.contains(w)) {
          pendingVague = true;
          pendingCount = null;
        } else if (num != null && !"a".equals(w) && !"an".equals(w) || (num != null && i + 1 < to
            && (rankAt[i + 1] != null || isPeople(i + 1) || place(i + 1) != null || isAdjective(i + 1)))) {
          if ("a".equals(w) && i + 1 < to && "dozen".equals(low[i + 1])) {
            pendingCount = 12;
            i += 2;
            continue;
          }
          pendingCount = num;
        }
        if (rankAt[i] != null && !groups.isEmpty() && inPrepositionalPhrase(i, from)) {
          i = Math.max(rankEnd[i], i + 1); // "a general from a family close to President X"
          continue;
        }
        if (rankAt[i] != null) {
          int re = rankEnd[i];
          RankEntry r = rankAt[i];
          Defector d = new Defector();
          d.rank = r;
          d.pluralNoun = low[re - 1].endsWith("s") && !low[re - 1].endsWith("ss");
          d.count = pendingCount;
          d.vagueLarge = pendingVague;
          groups.add(d);
          pendingCount = null;
          pendingVague = false;
          i = Math.max(re, i + 1);
          continue;
        }
        if (isPeople(i) || (place(i) != null && "DEMONYM".equals(placeKind[i]) && low[i].endsWith("s")
            && pendingCount != null)) {
          if (pendingCount != null || pendingVague) {
            Defector d = new Defector();
            d.count = pendingCount;
            d.vagueLarge = pendingVague;
            d.rank = peopleRank(i, to);
            groups.add(d);
            pendingCount = null;
            pendingVague = false;
          }
        }
        i++;
      }
      if (!subjectNames.isEmpty()) {
        for (int[] nm : subjectNames) {
          Defector d = new Defector();
          d.name = nameText(nm);
          d.count = 1;
          d.rank = rankBefore(nm[0], from);
          if (d.rank == null) {
            d.rank = appositionRank(nm[1], to + 8 < low.length ? to + 8 : low.length);
          }
          if (d.rank == null) {
            // the NP's own rank, when there is exactly one
            for (Defector g : groups) {
              if (g.rank != null && (g.count == null || g.count == 1)) {
                d.rank = g.rank;
              }
            }
          }
          d.origin = origin;
          d.originCue = originCue;
          enrichFromEntities(d);
          out.add(d);
        }
        return;
      }
      // "including six generals and 22 colonels": the named subgroups replace the total
      int including = -1;
      for (int k = from; k < to; k++) {
        if ("including".equals(low[k])) {
          including = k;
        }
      }
      List<Defector> chosen = new ArrayList<>();
      for (Defector g : groups) {
        chosen.add(g);
      }
      if (including >= 0 && groups.size() > 1) {
        chosen.remove(0);
      }
      // keep the most specific rank of an NP that names several ("senior army officer Brig. Gen.")
      if (chosen.size() > 1) {
        List<Defector> merged = new ArrayList<>();
        for (Defector g : chosen) {
          if (!merged.isEmpty() && g.count == null && !g.vagueLarge) {
            Defector prev = merged.get(merged.size() - 1);
            if (prev.rank == null || (g.rank != null && g.rank.specificity() > prev.rank.specificity())) {
              prev.rank = g.rank;
            }
            continue;
          }
          merged.add(g);
        }
        chosen = merged;
      }
      for (Defector g : chosen) {
        if (g.count == null && !g.vagueLarge && !g.pluralNoun) {
          g.count = 1;
        }
        g.origin = origin;
        g.originCue = originCue;
        out.add(g);
      }
      if (out.isEmpty() && allowApposition) {
        // a bare demonym subject: "a North Korean defected"
        for (int k = from; k < to; k++) {
          if (place(k) != null && "DEMONYM".equals(placeKind[k])) {
            Defector d = new Defector();
            d.count = low[k].endsWith("s") ? null : 1;
            d.origin = place(k);
            d.originCue = toks.get(k).text();
            out.add(d);
            break;
          }
        }
      }
    }

    RankEntry peopleRank(int i, int to) {
      for (int k = i; k < Math.min(to, i + 8); k++) {
        if (low[k].contains("football") || low[k].contains("player") || low[k].contains("athlete")
            || low[k].contains("team") || low[k].contains("squad")) {
          return lx.rank("footballer".equals(low[k]) || low[k].contains("football") ? "footballer" : "athlete");
        }
      }
      return null;
    }

    boolean isPeople(int i) {
      return "PEOPLE".equals(lx.wordClass(low[i]));
    }

    boolean isAdjective(int i) {
      return Set.of("senior", "high-ranking", "junior", "other", "more", "low-ranking", "young", "former", "elite",
          "top", "key", "high-level", "military", "army", "air", "navy", "naval", "police").contains(low[i]);
    }

    void enrichFromEntities(Defector d) {
      if (d.name == null) {
        return;
      }
      for (Entity e : entities) {
        if (Names.compatible(e.name, d.name)) {
          if (e.rank != null && (d.rank == null || e.rank.specificity() > d.rank.specificity())) {
            d.rank = e.rank;
          }
          if (d.origin == null && e.origin != null) {
            d.origin = e.origin;
            d.originCue = "entity";
          }
          if (e.name.split(" ").length > d.name.split(" ").length) {
            d.name = e.name;
          }
        }
      }
    }

    Entity lastEntity(int before) {
      // a person already found defecting in the passage is the likeliest referent of "he" / "his"
      for (int k = defectorMemory.size() - 1; k >= 0; k--) {
        Entity d = defectorMemory.get(k);
        if (d.token < before && toks.get(before).sentence() - d.sentence <= 4) {
          return d;
        }
      }
      Entity best = null;
      for (Entity e : entities) {
        if (!e.inPhrase && e.token < before && (best == null || e.token > best.token)) {
          best = e;
        }
      }
      return best;
    }

    List<Entity> lastEntities(int before, int n) {
      List<Entity> out = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (int k = entities.size() - 1; k >= 0 && out.size() < n; k--) {
        Entity e = entities.get(k);
        if (!e.inPhrase && e.token < before && e.rank != null && seen.add(Names.surname(e.name))) {
          out.add(0, e);
        }
      }
      return out;
    }

    Defector fromEntity(Entity e) {
      Defector d = new Defector();
      d.name = e.name;
      d.rank = e.rank;
      d.count = 1;
      d.origin = e.origin;
      d.originCue = e.origin == null ? null : "entity";
      enrichFromEntities(d);
      return d;
    }

    // ---------------------------------------------------------------- places

    /** "defected to X", "fled to X", "crossed into X", "asylum in X": the state reached (transit "via" excluded). */
    String destination(int te, int se) {
      int limit = Math.min(se, te + 25);
      for (int i = te; i < limit; i++) {
        String w = low[i];
        if (CLAUSE_PUNCT.contains(w) || Set.of("but", "while", "because", "after", "before", "said", "says", "who",
            "which", "where").contains(w)) {
          break;
        }
        if (Set.of("to", "into", "in", "for", "reached", "reach", "at", "join", "joined", "joining").contains(w)
            && i + 1 < limit) {
          int j = i + 1;
          if ("the".equals(low[j]) && j + 1 < limit && place(j) == null) {
            j++;
          }
          String p = place(j);
          if (p != null && !(i > 0 && POSTING_WORDS.contains(low[i - 1]))) {
            if ("in".equals(w) && !(Set.of("asylum", "refuge", "shelter", "arrived", "landed", "disappeared",
                "resurfaced", "surfaced", "settled", "missing", "vanished").contains(low[i - 1]))) {
              continue;
            }
            return p;
          }
        }
      }
      return null;
    }

    /** "flew their jets to Malta and defected": a motion verb earlier in the clause gives the destination. */
    String motionDestination(int cs, int tb) {
      for (int i = cs; i < tb - 2; i++) {
        if (Set.of("flew", "sailed", "drove", "swam", "walked", "escaped", "fled", "crossed", "ran").contains(low[i])) {
          for (int k = i + 1; k < Math.min(tb, i + 10); k++) {
            if (Set.of("to", "into").contains(low[k]) && k + 1 < tb && place(k + 1) != null
                && !POSTING_WORDS.contains(low[k - 1])) {
              return place(k + 1);
            }
          }
        }
      }
      return null;
    }

    /** "defected from the Syrian regime", "fled Syria", "deserted the Syrian army": the state left. */
    String explicitOrigin(int te, int se) {
      int limit = Math.min(se, te + 8);
      for (int i = te; i < limit; i++) {
        String w = low[i];
        // "defection was hailed ... by many South Koreans": a new predicate or an agent ends the search
        if (Set.of("to", "into", "via", "and", "in", ",", "by", "as", "for", "after").contains(w)
            || COPULA.contains(w) || CLAUSE_PUNCT.contains(w)) {
          break;
        }
        String p = place(i);
        if (p != null) {
          return p;
        }
      }
      return null;
    }

    // ---------------------------------------------------------------- factuality

    /** [class, cue]: DENIED > NEGATED > UNCLEAR > PLANNED/HYPOTHETICAL > REPORTED > ASSERTED. */
    String[] factuality(int tb, int te, int cs, int ce, int ss, int se, boolean noun) {
      String best = "ASSERTED";
      String bestCue = null;
      int bestRank = 0;
      for (Cue c : lx.factualityCues()) {
        int at;
        switch (c.scope()) {
          case "SENTENCE":
            at = findPhrase(c.phrase(), ss, se);
            break;
          case "AFTER":
            at = findPhrase(c.phrase(), te, ce);
            break;
          default:
            at = findPhrase(c.phrase(), Math.max(cs, tb - 8), tb);
            break;
        }
        if (at < 0) {
          continue;
        }
        if (noun && "HYPOTHETICAL".equals(c.cls())) {
          continue;
        }
        int r = factRank(c.cls());
        if (r > bestRank) {
          best = c.cls();
          bestCue = c.phrase();
          bestRank = r;
        }
      }
      return new String[] {best, bestCue};
    }

    int factRank(String cls) {
      switch (cls) {
        case "DENIED":
          return 7;
        case "NEGATED":
          return 6;
        case "UNCLEAR":
          return 5;
        case "PLANNED":
        case "HYPOTHETICAL":
          return 4;
        case "STATISTIC":
          return 3;
        case "REPORTED":
          return 2;
        default:
          return 1;
      }
    }

    // ---------------------------------------------------------------- dates

    DateResolver.Resolved date(int tb, int te, int ss, int se) {
      int best = -1;
      int bestDist = Integer.MAX_VALUE;
      for (int i = ss; i < se; i++) {
        if (dateAt[i] != null && (i == ss || dateAt[i - 1] == null || !dateAt[i - 1].equals(dateAt[i]))) {
          int dist = i < tb ? tb - i : i - te;
          // reporting-frame dates ("a newspaper reported on Saturday") are not the event's
          if (i > te && i - 1 >= ss && Set.of("on", "reported", "said").contains(low[i - 1]) && i - 2 >= ss
              && Set.of("reported", "said", "told", "confirmed").contains(low[i - 2])) {
            continue;
          }
          if (dist < bestDist) {
            bestDist = dist;
            best = i;
          }
        }
      }
      if (best < 0) {
        return DateResolver.Resolved.NONE;
      }
      return DateResolver.resolve(dateAt[best], doc.referenceDate());
    }
  }

  static boolean isDigits(String w) {
    return NUMBER.matcher(w).matches();
  }

  static boolean isYear(String w) {
    return YEAR.matcher(w).matches();
  }

  static String stripPossessive(String t) {
    if (t.endsWith("'s") || t.endsWith("\u2019s")) {
      return t.substring(0, t.length() - 2);
    }
    if (t.endsWith("s'") || t.endsWith("s\u2019")) {
      return t.substring(0, t.length() - 1);
    }
    return t;
  }

  // package-private accessors used by Names
  static String tokenText(Object run, int i) {
    return ((Run) run).toks.get(i).text();
  }

  static int size(Object run) {
    return ((Run) run).toks.size();
  }

  static String lower(Object run, int i) {
    return ((Run) run).low[i];
  }

  static boolean blocked(Object run, int i) {
    Run r = (Run) run;
    return r.rankAt[i] != null || r.placeAt[i] != null || r.dateAt[i] != null;
  }

  static String wordClass(Object run, String w) {
    return ((Run) run).lexicons().wordClass(w);
  }
}
