package org.defections.extract.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.defections.extract.AnnotatedDocument.Span;
import org.defections.extract.text.Chunks.PlaceKind;
import org.defections.lexicon.LanguageLexicon;
import org.defections.lexicon.Lexicons.PlaceEntry;
import org.defections.lexicon.Lexicons.RankEntry;
import org.defections.lexicon.Lexicons.TriggerEntry;

/**
 * Fills a {@link Document}'s chunk layers from its annotations and lexicons: numbers, ranks (an ambiguous rank word
 * only where it reads as a rank), places (the place chunks, "the" + a phrase, single tokens the matcher could not
 * see; a region of context only where the passage names the state it stands against), triggers, dates and names.
 */
final class Layers {
  /** The lexicon kind of a phrase that holds a state's name or demonym but names no state. */
  static final String NO_STATE = "NONE";

  private static final Pattern PLACE_PARTICLE = Pattern.compile("^(?:al|el|as|ash|ad)-");
  private static final Pattern DIGITS = Pattern.compile("\\d{1,3}(,\\d{3})+|\\d+");
  /** The longest digit run read as a count (larger ones are ids, phone numbers). */
  private static final int MAX_COUNT_DIGITS = 9;

  private final Document d;
  private final LanguageLexicon lexicon;
  /** Regions of context and the state each needs the passage to name ("the South": PRK). */
  private final List<Object[]> contexts = new ArrayList<>();
  /** Tokens of phrases that name no state ({@link #NO_STATE}): no place is read inside them. */
  private final boolean[] noState;

  private Layers(Document d) {
    this.d = d;
    this.lexicon = d.lexicon();
    this.noState = new boolean[d.size()];
  }

  static void fill(Document d) {
    Layers l = new Layers(d);
    l.numbers();
    l.ranks();
    l.places();
    l.triggers();
    l.dates();
    l.names();
  }

  private static final java.util.Set<String> DESIGNATION = java.util.Set.of("no.", "nr.", "number");

  static <T> void fill(T[] layer, TokenRange r, T chunk) {
    for (int i = r.begin(); i < r.end(); i++) {
      layer[i] = chunk;
    }
  }

  /** Counts: digits or number words; a number after "No." is a designation ("the No. 2 officer"), no count. */
  private void numbers() {
    for (int i = 0; i < d.size(); i++) {
      String k = d.key(i);
      if (i > 0 && DESIGNATION.contains(d.key(i - 1))) {
        continue;
      }
      if (DIGITS.matcher(k).matches() && k.length() <= MAX_COUNT_DIGITS) {
        d.numberAt[i] = Integer.parseInt(k.replace(",", ""));
      } else {
        d.numberAt[i] = lexicon.number(k);
      }
    }
  }

  private void ranks() {
    for (Span c : d.source().ranks()) {
      RankEntry r = lexicon.rank(c.text());
      TokenRange range = range(c);
      if (r == null || range.isEmpty() || (lexicon.ambiguousRank(c.text()) && !rankReading(range))) {
        continue;
      }
      fill(d.rankAt, range, new Chunks.Rank(range, r, lexicon.pluralRank(c.text())));
    }
  }

  /**
   * An ambiguous rank word ("general", "mayor" in Spanish) is a rank after a determiner or a number, or before a
   * name, and not before a noun that makes it an ordinary word ("la mayor parte").
   */
  private boolean rankReading(TokenRange r) {
    int b = r.begin() - 1;
    boolean after = b >= 0 && (d.is(b, "DET") || d.number(b) != null);
    boolean beforeName = r.end() < d.size() && NameFinder.capitalized(d.text(r.end()))
        && lexicon.wordClass(d.key(r.end())) == null && lexicon.places(d.text(r.end())).isEmpty();
    boolean ordinary = r.end() < d.size() && d.is(r.end(), "NOT_AFTER_RANK");
    return (after || beforeName) && !ordinary;
  }

  private void places() {
    Set<String> named = new HashSet<>();
    for (Span c : d.source().places()) {
      if (lexicon.places(Document.stripPossessive(c.text())).stream().anyMatch(e -> NO_STATE.equals(e.kind()))) {
        TokenRange r = range(c);
        for (int i = r.begin(); i < r.end(); i++) {
          noState[i] = true;
        }
      }
    }
    for (Span c : d.source().places()) {
      TokenRange range = range(c);
      if (!range.isEmpty()) {
        place(range, Document.stripPossessive(c.text()));
      }
      for (PlaceEntry e : lexicon.places(Document.stripPossessive(c.text()))) {
        if (!e.kind().startsWith("CONTEXT")) {
          named.add(e.iso3());
        }
      }
    }
    for (int i = 0; i + 1 < d.size(); i++) {
      if (d.placeAt[i] == null && "the".equals(d.key(i)) && !lexicon.places("the " + d.base(i + 1)).isEmpty()) {
        place(new TokenRange(i, i + 2), "the " + d.base(i + 1));
      }
    }
    // "North Korea's", "Saudi Arabia's": a name of two or three words whose last is possessive
    for (int i = 0; i < d.size(); i++) {
      for (int n = MAX_POSSESSIVE_WORDS; n >= 2; n--) {
        int last = i + n - 1;
        if (last >= d.size() || !d.possessive(last) || !free(i, last + 1)) {
          continue;
        }
        StringBuilder phrase = new StringBuilder(d.base(i));
        for (int k = i + 1; k <= last; k++) {
          phrase.append(' ').append(d.base(k));
        }
        if (!lexicon.places(phrase.toString()).isEmpty()) {
          place(new TokenRange(i, last + 1), phrase.toString());
          break;
        }
      }
    }
    for (int i = 0; i < d.size(); i++) {
      if (d.placeAt[i] == null) {
        String b = d.base(i);
        String noParticle = PLACE_PARTICLE.matcher(b).replaceFirst("");
        if (!lexicon.places(b).isEmpty()) {
          place(new TokenRange(i, i + 1), b);
        } else if (!noParticle.equals(b) && !lexicon.places(noParticle).isEmpty()) {
          place(new TokenRange(i, i + 1), noParticle);
        }
      }
    }
    // a rank inside a longer place phrase is part of its name: "la Guardia Nacional Bolivariana" is a force
    for (int i = 0; i < d.size(); i++) {
      Chunks.Rank r = d.rankAt[i];
      Chunks.Place p = d.placeAt[i];
      if (r != null && p != null && p.range().contains(r.range()) && p.range().length() > r.range().length()) {
        d.rankAt[i] = null;
      }
    }
    for (Object[] c : contexts) {
      Chunks.Place p = (Chunks.Place) c[0];
      if (!named.contains((String) c[1])) {
        for (int i = p.range().begin(); i < p.range().end(); i++) {
          if (d.placeAt[i] == p) {
            d.placeAt[i] = null;
          }
        }
      }
    }
    for (int i = 0; i < d.size(); i++) {
      if (d.placeAt[i] != null && d.placeAt[i].range().begin() == i && d.placeAt[i].kind() != PlaceKind.BODY) {
        d.stateMentions.merge(d.placeAt[i].iso3(), 1, Integer::sum);
      }
    }
  }

  /** Words of a place name the possessive fallback joins ("Central African Republic's"). */
  private static final int MAX_POSSESSIVE_WORDS = 3;

  /** Whether no place covers a token of [begin, end). */
  private boolean free(int begin, int end) {
    for (int i = begin; i < end; i++) {
      if (d.placeAt[i] != null) {
        return false;
      }
    }
    return true;
  }

  private void place(TokenRange range, String phrase) {
    List<PlaceEntry> entries = lexicon.places(phrase);
    PlaceEntry chosen = entries.stream().filter(e -> !e.kind().startsWith("CONTEXT:")).findFirst()
        .orElse(entries.isEmpty() ? null : entries.get(0));
    if (chosen == null || NO_STATE.equals(chosen.kind())) {
      return; // "the Pan American Games": a longer phrase that holds a state's name but names none
    }
    for (int i = range.begin(); i < range.end(); i++) {
      if (noState[i]) {
        return;
      }
    }
    int last = range.end() - 1;
    boolean possessive = d.text(last).endsWith("'s") || d.text(last).endsWith("\u2019s")
        || (last + 1 < d.size() && "'s".equals(d.key(last + 1)));
    Chunks.Place p = new Chunks.Place(range, chosen.iso3(), PlaceKind.of(chosen.kind()), possessive);
    if (p.kind() == PlaceKind.CONTEXT) {
      contexts.add(new Object[] {p, chosen.kind().substring("CONTEXT:".length())});
    }
    fill(d.placeAt, range, p);
  }

  private void triggers() {
    for (Span c : d.source().triggers()) {
      TriggerEntry e = lexicon.trigger(c.text());
      TokenRange range = range(c);
      if (e != null && !range.isEmpty()) {
        d.addTrigger(new Chunks.Trigger(range, e, null));
      }
    }
  }

  private void dates() {
    for (Span c : d.source().dates()) {
      TokenRange range = range(c);
      if (!range.isEmpty()) {
        fill(d.dateAt, range, new Chunks.Date(range, c.value()));
      }
    }
  }

  private void names() {
    for (TokenRange s : d.sentences()) {
      for (Chunks.Name n : NameFinder.find(d, s)) {
        fill(d.nameAt, n.range(), n);
      }
    }
    surnames();
  }

  /**
   * A person named in full is then often named by surname alone ("Corporal Ayo Ndlovu ... Ndlovu and Sithole fled",
   * "Mr Wang" after "Wang Lifeng", "Svetlana's defection"): after a full name, a capitalised word equal to its last
   * word, or to its first after an honorific or when at least {@value #FIRST_NAME_LENGTH} letters long (and to no
   * other full name's word), is that person, under the full name.
   */
  private void surnames() {
    java.util.Map<String, String> last = new java.util.HashMap<>();
    java.util.Map<String, String> first = new java.util.HashMap<>();
    java.util.Map<String, Integer> firstSeen = new java.util.HashMap<>();
    for (int i = 0; i < d.size(); i++) {
      Chunks.Name n = d.nameStarting(i);
      if (n == null || n.range().length() < 2) {
        continue;
      }
      index(last, Document.stripPossessive(d.key(n.range().end() - 1)), n, firstSeen);
      index(first, d.key(n.range().begin()), n, firstSeen);
    }
    for (int i = 0; i < d.size(); i++) {
      String key = Document.stripPossessive(d.key(i));
      String name = last.get(key);
      if (name == null && i > 0 && "HONORIFIC".equals(lexicon.wordClassOfKey(d.key(i - 1)))) {
        name = first.get(key); // "Mr Wang" after "Wang Lifeng": the surname first
      } else if (name == null && key.length() >= FIRST_NAME_LENGTH && !last.containsKey(key)) {
        name = first.get(key); // "Svetlana's defection" after "Svetlana Alliluyeva": a long first name alone
      }
      if (name == null || i < firstSeen.get(key) || !surnameAlone(i)) {
        continue;
      }
      Chunks.Name n = d.name(i);
      if (n == null || n.range().length() == 1) { // "Mr Hao": a one-word name takes the full name too
        TokenRange r = new TokenRange(i, i + 1);
        fill(d.nameAt, r, new Chunks.Name(r, name, d.possessive(i)));
      }
    }
  }

  /** Indexes a full name by one of its words; a word two full names share names neither ({@code null}). */
  private static void index(java.util.Map<String, String> byWord, String word, Chunks.Name n,
      java.util.Map<String, Integer> firstSeen) {
    if (byWord.containsKey(word) && !java.util.Objects.equals(byWord.get(word), n.text())) {
      byWord.put(word, null);
    } else {
      byWord.put(word, n.text());
    }
    firstSeen.putIfAbsent(word, n.range().end());
  }

  /**
   * A capitalised word that is no rank, place, date or word of a class: after an honorific, or alone (no capitalised
   * word after it) and at least {@value #SURNAME_LENGTH} letters long.
   */
  private boolean surnameAlone(int i) {
    String bare = d.base(i);
    Chunks.Name n = d.name(i);
    boolean titled = n != null && n.range().length() == 1;
    return (n == null || titled) && (titled || bare.length() >= SURNAME_LENGTH) && NameFinder.capitalized(bare)
        && d.rank(i) == null && d.place(i) == null && d.date(i) == null && lexicon.wordClass(bare) == null
        && (titled || i + 1 >= d.size() || !NameFinder.capitalized(d.text(i + 1)));
  }

  /** The shortest word read as a surname alone ("Ndou", "Hao" only after an honorific). */
  private static final int SURNAME_LENGTH = 4;
  /** The shortest first name read alone as its person ("Svetlana"; not "Kim" or "Ali"). */
  private static final int FIRST_NAME_LENGTH = 6;

  /** The tokens that lie wholly inside an annotation's character span. */
  private TokenRange range(Span c) {
    int first = -1;
    int last = -1;
    for (int i = 0; i < d.size(); i++) {
      TokenView t = d.token(i);
      if (t.begin() >= c.begin() && t.end() <= c.end()) {
        if (first < 0) {
          first = i;
        }
        last = i;
      } else if (t.begin() >= c.end()) {
        break;
      }
    }
    return first < 0 ? TokenRange.EMPTY : new TokenRange(first, last + 1);
  }
}
