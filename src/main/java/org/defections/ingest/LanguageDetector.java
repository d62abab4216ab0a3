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
  /** Languages the extraction rules read; articles in others are accepted and counted, not annotated. */
  public static final java.util.Set<String> ANNOTATED = java.util.Set.of("en", "es");
  /** Latin-script text too short to tell is taken as English, the product's main language. */
  public static final String DEFAULT = "en";
  private static final int MIN_HITS = 3;
  private static final int MIN_DISTINCT = 3;
  private final Lexicons lexicons;

  public LanguageDetector(Lexicons lexicons) {
    this.lexicons = lexicons;
  }

  /** Function words are short: longer words are not looked up. */
  private static final int MAX_FUNCTION_WORD = 12;

  public String detect(String text) {
    int n = Math.min(text.length(), SAMPLE_CHARS);
    Map<UnicodeScript, Integer> scripts = new EnumMap<>(UnicodeScript.class);
    int latin = 0; // Latin letters below U+0250 counted without a script lookup
    Map<String, Integer> hits = new TreeMap<>();
    Map<String, java.util.Set<String>> distinct = new TreeMap<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= n; i++) {
      int c = i < n ? text.codePointAt(i) : ' ';
      if (Character.isLetter(c)) {
        if (c < 0x250) {
          latin++;
        } else {
          scripts.merge(UnicodeScript.of(c), 1, Integer::sum);
        }
        word.appendCodePoint(Character.toLowerCase(c));
        if (Character.isSupplementaryCodePoint(c)) {
          i++;
        }
        continue;
      }
      if (word.length() > 0) {
        if (word.length() <= MAX_FUNCTION_WORD) {
          String w = word.toString();
          String lang = lexicons.languageOf(w);
          if (lang != null) {
            hits.merge(lang, 1, Integer::sum);
            distinct.computeIfAbsent(lang, k -> new java.util.HashSet<>()).add(w);
          }
        }
        word.setLength(0);
      }
    }
    if (latin > 0) {
      scripts.merge(UnicodeScript.LATIN, latin, Integer::sum);
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
