package org.defections.ingest;

import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.defections.lexicon.Lexicons;

/**
 * Tells an article's language from its first {@value #SAMPLE_CHARS} characters: the script of its letters, then,
 * for Latin script, the language whose function words (lexicon {@code languages.tsv}) occur most often. Returns an
 * ISO 639-1 code (en, es, fr, de, pt, it, nl), {@code und-<Script>} for text in another script (und-Cyrillic,
 * und-Arabic, ...), and {@value #DEFAULT} for Latin text with too few function words to tell (a headline, a list of
 * names). Plain Java.
 */
public final class LanguageDetector {
  static final int SAMPLE_CHARS = 4000;
  /** Latin-script text too short to tell is taken as English, the product's main language. */
  public static final String DEFAULT = "en";
  private static final int MIN_HITS = 3;
  private static final int MIN_DISTINCT = 3;
  private final Lexicons lexicons;

  public LanguageDetector(Lexicons lexicons) {
    this.lexicons = lexicons;
  }

  public String detect(String text) {
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    Map<UnicodeScript, Integer> scripts = new EnumMap<>(UnicodeScript.class);
    Map<String, Integer> hits = new TreeMap<>();
    Map<String, java.util.Set<String>> distinct = new TreeMap<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= sample.length(); i++) {
      int c = i < sample.length() ? sample.codePointAt(i) : ' ';
      if (Character.isLetter(c)) {
        scripts.merge(UnicodeScript.of(c), 1, Integer::sum);
        word.appendCodePoint(Character.toLowerCase(c));
        if (Character.isSupplementaryCodePoint(c)) {
          i++;
        }
        continue;
      }
      if (word.length() > 0) {
        String lang = lexicons.languageOf(word.toString());
        if (lang != null) {
          hits.merge(lang, 1, Integer::sum);
          distinct.computeIfAbsent(lang, k -> new java.util.HashSet<>()).add(word.toString());
        }
        word.setLength(0);
      }
    }
    UnicodeScript main = null;
    int letters = 0;
    for (Map.Entry<UnicodeScript, Integer> e : scripts.entrySet()) {
      letters += e.getValue();
      if (main == null || e.getValue() > scripts.get(main)) {
        main = e.getKey();
      }
    }
    if (main != null && main != UnicodeScript.LATIN && scripts.get(main) * 2 > letters) {
      String name = main.name().toLowerCase(java.util.Locale.ROOT);
      return "und-" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
    String best = null;
    for (Map.Entry<String, Integer> e : hits.entrySet()) {
      if (best == null || e.getValue() > hits.get(best)) {
        best = e.getKey();
      }
    }
    if (best == null || hits.get(best) < MIN_HITS || distinct.get(best).size() < MIN_DISTINCT) {
      return DEFAULT; // too little text, or one word repeated ("17un unch 12un" in a price table)
    }
    return best;
  }
}
