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
  /** Function words are short: longer words are not looked up. */
  private static final int MAX_FUNCTION_WORD = 12;
  /** Languages of the function words, sorted (ties go to the first). */
  private final String[] languages;
  /** Open-addressing table of the function words: slot → word, its language and its index (−1: empty). */
  private final char[][] words;
  private final int[] wordLanguage;
  private final int[] wordIndex;
  private final int mask;
  private final int wordCount;

  public LanguageDetector(Lexicons lexicons) {
    Map<String, String> fw = new TreeMap<>(lexicons.functionWords());
    languages = new java.util.TreeSet<>(fw.values()).toArray(new String[0]);
    int size = Integer.highestOneBit(Math.max(4, fw.size() * 4)) * 2;
    mask = size - 1;
    words = new char[size][];
    wordLanguage = new int[size];
    wordIndex = new int[size];
    java.util.Arrays.fill(wordIndex, -1);
    int i = 0;
    for (Map.Entry<String, String> e : fw.entrySet()) {
      char[] w = e.getKey().toCharArray();
      int slot = hash(w, w.length) & mask;
      while (wordIndex[slot] >= 0) {
        slot = (slot + 1) & mask;
      }
      words[slot] = w;
      wordLanguage[slot] = java.util.Arrays.binarySearch(languages, e.getValue());
      wordIndex[slot] = i++;
    }
    wordCount = i;
  }

  private static int hash(char[] w, int n) {
    int h = 0;
    for (int i = 0; i < n; i++) {
      h = 31 * h + w[i];
    }
    return h ^ (h >>> 16);
  }

  /** The table slot of the word in {@code buf[0, n)}, or −1 when it is not a function word. */
  private int lookup(char[] buf, int n) {
    int slot = hash(buf, n) & mask;
    while (wordIndex[slot] >= 0) {
      char[] w = words[slot];
      if (w.length == n && java.util.Arrays.equals(w, 0, n, buf, 0, n)) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  public String detect(String text) {
    int n = Math.min(text.length(), SAMPLE_CHARS);
    Map<UnicodeScript, Integer> scripts = new EnumMap<>(UnicodeScript.class);
    int latin = 0; // Latin letters below U+0250 counted without a script lookup
    int[] hits = new int[languages.length];
    int[] distinct = new int[languages.length];
    boolean[] seen = new boolean[wordCount];
    // the current word, lower-cased (UTF-16 units; only its first MAX_FUNCTION_WORD are kept, longer words are not
    // looked up)
    char[] word = new char[MAX_FUNCTION_WORD];
    int length = 0;
    for (int i = 0; i <= n; i++) {
      int c = i < n ? text.codePointAt(i) : ' ';
      if (Character.isLetter(c)) {
        if (c < 0x250) {
          latin++;
        } else {
          scripts.merge(UnicodeScript.of(c), 1, Integer::sum);
        }
        int lower = Character.toLowerCase(c);
        if (Character.isBmpCodePoint(lower)) {
          if (length < MAX_FUNCTION_WORD) {
            word[length] = (char) lower;
          }
          length++;
        } else {
          length += 2; // no function word has a supplementary character
          length = Math.max(length, MAX_FUNCTION_WORD + 1);
        }
        if (Character.isSupplementaryCodePoint(c)) {
          i++;
        }
        continue;
      }
      if (length > 0) {
        if (length <= MAX_FUNCTION_WORD) {
          int slot = lookup(word, length);
          if (slot >= 0) {
            hits[wordLanguage[slot]]++;
            if (!seen[wordIndex[slot]]) {
              seen[wordIndex[slot]] = true;
              distinct[wordLanguage[slot]]++;
            }
          }
        }
        length = 0;
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
    int best = -1;
    for (int l = 0; l < languages.length; l++) {
      if (hits[l] > 0 && (best < 0 || hits[l] > hits[best])) {
        best = l;
      }
    }
    if (best < 0 || hits[best] < MIN_HITS || distinct[best] < MIN_DISTINCT) {
      return DEFAULT; // too little text, or one word repeated ("17un unch 12un" in a price table)
    }
    return languages[best];
  }
}
