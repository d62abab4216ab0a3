package org.defections.lexicon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.defections.lexicon.Lexicons.Cue;
import org.defections.lexicon.Lexicons.PlaceEntry;
import org.defections.lexicon.Lexicons.RankEntry;
import org.defections.lexicon.Lexicons.TriggerEntry;

/**
 * Builds the lexicon of each extracted language from the rows of its files: English from ranks.tsv, countries.tsv,
 * triggers.tsv, factuality.tsv and sense.tsv; Spanish from the es_*.tsv files (ranks with their number and
 * ambiguity, word classes with number words).
 */
final class LanguageLexicons {
  /** The rows of a lexicon file, each with at least {@code minColumns} columns. */
  interface Rows {
    List<String[]> of(String file, int minColumns);
  }

  private LanguageLexicons() {}

  static LanguageLexicon english(Rows rows, Map<String, Integer> numbers, Map<String, String> words) {
    LanguageLexicon en = new LanguageLexicon("en", true);
    for (String[] r : rows.of(Lexicons.RANKS, 4)) {
      en.ranks.put(Lexicons.key(r[0]), rankEntry(Lexicons.RANKS, r));
      en.rankPhrases.add(r[0]);
    }
    for (String[] r : rows.of(Lexicons.PLACES, 3)) {
      en.places.computeIfAbsent(r[0], k -> new ArrayList<>()).add(new PlaceEntry(r[1], r[2]));
      en.placePhrases.add(r[0]);
    }
    for (String[] r : rows.of(Lexicons.TRIGGERS, 3)) {
      en.triggers.put(Lexicons.key(r[0]), triggerEntry(Lexicons.TRIGGERS, r));
      en.triggerPhrases.add(r[0]);
    }
    en.numbers.putAll(numbers);
    en.words.putAll(words);
    rows.of(Lexicons.FACTUALITY, 3).forEach(r -> en.factuality.add(new Cue(Lexicons.key(r[0]), r[1], r[2])));
    rows.of(Lexicons.SENSE, 3).forEach(r -> en.sense.add(new Cue(Lexicons.key(r[0]), r[1], r[2])));
    return en;
  }

  static LanguageLexicon spanish(Rows rows) {
    LanguageLexicon es = new LanguageLexicon("es", false);
    es.markedPlurals = true;
    for (String[] r : rows.of(Lexicons.ES_RANKS, 6)) {
      es.ranks.put(Lexicons.key(r[0]), rankEntry(Lexicons.ES_RANKS, r));
      if ("P".equals(r[4])) {
        es.pluralRanks.add(Lexicons.key(r[0]));
      }
      if ("A".equals(r[5])) {
        es.ambiguousRanks.add(Lexicons.key(r[0]));
      }
      es.rankPhrases.add(r[0]);
    }
    for (String[] r : rows.of(Lexicons.ES_PLACES, 3)) {
      es.places.computeIfAbsent(Lexicons.key(r[0]), k -> new ArrayList<>()).add(new PlaceEntry(r[1], r[2]));
      es.placePhrases.add(r[0]);
    }
    for (String[] r : rows.of(Lexicons.ES_TRIGGERS, 3)) {
      es.triggers.put(Lexicons.key(r[0]), triggerEntry(Lexicons.ES_TRIGGERS, r));
      es.triggerPhrases.add(r[0]);
    }
    for (String[] r : rows.of(Lexicons.ES_WORDS, 2)) {
      if ("NUMBER".equals(r[1])) {
        es.numbers.put(Lexicons.key(r[0]), Integer.parseInt(r[2]));
      }
      es.words.put(Lexicons.key(r[0]), r[1]);
    }
    rows.of(Lexicons.ES_FACTUALITY, 3).forEach(r -> es.factuality.add(new Cue(Lexicons.key(r[0]), r[1], r[2])));
    rows.of(Lexicons.ES_SENSE, 3).forEach(r -> es.sense.add(new Cue(Lexicons.key(r[0]), r[1], r[2])));
    return es;
  }

  /** A rank row (phrase, canonical, class, specificity), its class checked against the classes of the contract. */
  private static RankEntry rankEntry(String file, String[] r) {
    try {
      RankClass.parse(r[2]);
      return new RankEntry(r[1], r[2], Integer.parseInt(r[3]));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("lexicon " + file + ", rank " + r[0] + ": " + e.getMessage());
    }
  }

  private static TriggerEntry triggerEntry(String file, String[] r) {
    try {
      TriggerKind.parse(r[1]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("lexicon " + file + ", trigger " + r[0] + ": " + e.getMessage());
    }
    return new TriggerEntry(r[0], r[1], r[2]);
  }

}
