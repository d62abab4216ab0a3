package org.defections.lexicon;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.defections.lexicon.Lexicons.Cue;
import org.defections.lexicon.Lexicons.PlaceEntry;
import org.defections.lexicon.Lexicons.RankEntry;
import org.defections.lexicon.Lexicons.TriggerEntry;

/**
 * The lexicons of one language, as the extraction engine reads them: ranks, places, triggers, numbers, word classes
 * and the factuality and sense cue tables. English and Spanish fill the same structure from their own files (see
 * {@link Lexicons}), so that the engine is one for every language.
 */
public final class LanguageLexicon implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String language;
  private final boolean placesCaseSensitive;
  final Map<String, RankEntry> ranks = new HashMap<>();
  final Set<String> pluralRanks = new HashSet<>();
  final Set<String> ambiguousRanks = new HashSet<>();
  final Map<String, List<PlaceEntry>> places = new HashMap<>();
  final Map<String, TriggerEntry> triggers = new HashMap<>();
  final Map<String, Integer> numbers = new HashMap<>();
  final Map<String, String> words = new HashMap<>();
  final List<Cue> factuality = new ArrayList<>();
  final List<Cue> sense = new ArrayList<>();
  final List<String> rankPhrases = new ArrayList<>();
  final List<String> placePhrases = new ArrayList<>();
  final List<String> triggerPhrases = new ArrayList<>();
  /** Whether number lists mark plurals (Spanish); else a plural is read off the word ("colonels"). */
  boolean markedPlurals;

  LanguageLexicon(String language, boolean placesCaseSensitive) {
    this.language = language;
    this.placesCaseSensitive = placesCaseSensitive;
  }

  /** ISO 639-1 code. */
  public String language() {
    return language;
  }

  public RankEntry rank(String phrase) {
    return ranks.get(Lexicons.key(phrase));
  }

  /**
   * Whether a rank phrase names more than one person: marked in the lexicon where the language's lexicon marks it,
   * else read off its last word ("colonels", "lt. colonels", not "boss").
   */
  public boolean pluralRank(String phrase) {
    String k = Lexicons.key(phrase);
    if (markedPlurals) {
      return pluralRanks.contains(k);
    }
    RankEntry e = ranks.get(k);
    String canonical = e == null ? "" : Lexicons.key(e.canonical());
    return k.endsWith("s") && !k.endsWith("ss") && !canonical.endsWith("s");
  }

  /** A rank word that is also an ordinary word ("mayor", "general" in Spanish): a rank only where a rule says so. */
  public boolean ambiguousRank(String phrase) {
    return ambiguousRanks.contains(Lexicons.key(phrase));
  }

  /** The states a place phrase names (in a case-sensitive language, as written). */
  public List<PlaceEntry> places(String phrase) {
    String k = placesCaseSensitive ? phrase.replace('\u2019', '\'') : Lexicons.key(phrase);
    List<PlaceEntry> e = places.get(k);
    return e == null ? Collections.emptyList() : e;
  }

  public TriggerEntry trigger(String phrase) {
    return triggers.get(Lexicons.key(phrase));
  }

  /** A number word ("seven", "dos"), a hyphenated compound of tens and units ("seventy-one"), else null. */
  public Integer number(String word) {
    return Lexicons.number(numbers, word);
  }

  /** The lexicon's word class of a word (MONTH, PEOPLE, ORG, STOP, DET ...), or null. */
  public String wordClass(String word) {
    return words.get(Lexicons.key(word));
  }

  /** The word class of a lookup key (already lower case, as {@link Lexicons#key} makes it), or null. */
  public String wordClassOfKey(String key) {
    return words.get(key);
  }

  public List<Cue> factualityCues() {
    return Collections.unmodifiableList(factuality);
  }

  public List<Cue> senseCues() {
    return Collections.unmodifiableList(sense);
  }

  /** The phrases of the rank lexicon, for the annotation stage's matcher. */
  public List<String> rankPhrases() {
    return Collections.unmodifiableList(rankPhrases);
  }

  public List<String> placePhrases() {
    return Collections.unmodifiableList(placePhrases);
  }

  public List<String> triggerPhrases() {
    return Collections.unmodifiableList(triggerPhrases);
  }

  /** Whether place phrases are matched as written (English: "Turkey" is a state, "turkey" is not). */
  public boolean placesCaseSensitive() {
    return placesCaseSensitive;
  }
}
