package org.defections.ingest;

import java.lang.Character.UnicodeScript;
import java.util.Map;
import java.util.TreeMap;
import org.defections.lexicon.Lexicons;

/**
 * Tells an article's language from its opening: the script of its letters, then, for Latin script, the language
 * whose function words (lexicon {@code languages.tsv}) occur most often. It reads at most {@value #SAMPLE_CHARS}
 * characters and stops sooner once the opening has settled the question: {@value #DECISIVE_HITS} function words of
 * one language, at least {@value #LEAD}× as many as of any other, in text whose letters are nearly all Latin (the
 * answer the remaining characters could still overturn only in an article that changes language). Returns an
 * ISO 639-1 code (en, es, fr, de, pt, it, nl), {@code und-<Script>} for text in another script (und-Cyrillic,
 * und-Arabic, ...), and {@value #DEFAULT} for Latin text with too few function words to tell (a headline, a list of
 * names). Plain Java; immutable once built, so one instance serves all the tasks of an executor.
 */
public final class LanguageDetector {
  static final int SAMPLE_CHARS = 4000;
  /** Languages the extraction rules read; articles in others are accepted and counted, not annotated. */
  public static final java.util.Set<String> ANNOTATED = java.util.Set.of("en", "es");
  /** Latin-script text too short to tell is taken as English, the product's main language. */
  public static final String DEFAULT = "en";
  private static final int MIN_HITS = 3;
  /** Function-word hits of one language after which reading stops, when it leads as {@link #LEAD} says. */
  static final int DECISIVE_HITS = 16;
  /** How many times the hits of any other language the leader needs to stop early. */
  static final int LEAD = 4;
  /** Letters of other scripts allowed per {@value #LATIN_SHARE} letters when stopping early (one in ten). */
  private static final int LATIN_SHARE = 10;
  private static final int MIN_DISTINCT = 3;
  /** Function words are short: longer words are not looked up. */
  private static final int MAX_FUNCTION_WORD = 12;
  /** Languages of the function words, sorted (ties go to the first). */
  private final String[] languages;
  /** The function words (in sorted order, a word's index is its place here) and their languages. */
  private final char[][] words;
  private final int[] wordLanguage;
  /**
   * Bit per {@link #shape} of some function word: most words are ruled out by one test, before any character is
   * compared.
   */
  private final long[] filter = new long[(MAX_FUNCTION_WORD + 1) << 12 >>> 6];
  /** Per long of {@link #filter}: how many shapes the longs before it hold (a shape's rank is this plus its bit's). */
  private final int[] shapesBefore = new int[filter.length];
  /** Per shape, by rank: the first word of that shape; {@link #nextOfShape}: the next word of the same shape (−1). */
  private final int[] firstOfShape;
  private final int[] nextOfShape;

  public LanguageDetector(Lexicons lexicons) {
    Map<String, String> fw = new TreeMap<>(lexicons.functionWords());
    languages = new java.util.TreeSet<>(fw.values()).toArray(new String[0]);
    words = new char[fw.size()][];
    wordLanguage = new int[words.length];
    nextOfShape = new int[words.length];
    int i = 0;
    for (Map.Entry<String, String> e : fw.entrySet()) {
      words[i] = e.getKey().toCharArray();
      wordLanguage[i] = java.util.Arrays.binarySearch(languages, e.getValue());
      if (words[i].length > 0 && words[i].length <= MAX_FUNCTION_WORD) { // others are never looked up
        int k = shape(words[i], words[i].length);
        filter[k >>> 6] |= 1L << k;
      }
      i++;
    }
    int shapes = 0;
    for (int f = 0; f < filter.length; f++) {
      shapesBefore[f] = shapes;
      shapes += Long.bitCount(filter[f]);
    }
    firstOfShape = new int[shapes];
    java.util.Arrays.fill(firstOfShape, -1);
    java.util.Arrays.fill(nextOfShape, -1);
    for (int w = words.length - 1; w >= 0; w--) {
      if (words[w].length > 0 && words[w].length <= MAX_FUNCTION_WORD) {
        int r = rank(shape(words[w], words[w].length));
        nextOfShape[w] = firstOfShape[r];
        firstOfShape[r] = w;
      }
    }
  }

  /**
   * What {@link #filter} knows of a word of 1 to {@value #MAX_FUNCTION_WORD} characters: its length and the low six
   * bits of its first and last characters. Made of three loads, where a hash would be a chain of multiplications per
   * character.
   */
  private static int shape(char[] w, int n) {
    return n << 12 | (w[0] & 63) << 6 | (w[n - 1] & 63);
  }

  /** The rank of a shape in {@link #filter} among the shapes there. */
  private int rank(int k) {
    return shapesBefore[k >>> 6] + Long.bitCount(filter[k >>> 6] & ((1L << k) - 1));
  }

  /** The index of the function word {@code buf[0, n)} ({@code 1 <= n <= MAX_FUNCTION_WORD}), or −1 when it is none. */
  private int lookup(char[] buf, int n) {
    int k = shape(buf, n);
    if ((filter[k >>> 6] & (1L << k)) == 0) {
      return -1;
    }
    for (int w = firstOfShape[rank(k)]; w >= 0; w = nextOfShape[w]) {
      if (same(words[w], buf, n)) {
        return w;
      }
    }
    return -1;
  }

  /** Below this, Latin letters: a char's lower case from {@link #LATIN_LOWER}, no script lookup. */
  private static final int LATIN_END = 0x250;
  /** char below {@link #LATIN_END} → its lower case when it is a letter, else 0. */
  private static final char[] LATIN_LOWER = new char[LATIN_END];

  static {
    for (char c = 0; c < LATIN_END; c++) {
      LATIN_LOWER[c] = Character.isLetter(c) ? Character.toLowerCase(c) : 0;
    }
  }

  private static final UnicodeScript[] SCRIPTS = UnicodeScript.values();

  /** Whether {@code w} is {@code buf[0, n)}: a plain loop, the words are a few characters long. */
  private static boolean same(char[] w, char[] buf, int n) {
    if (w.length != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (w[i] != buf[i]) {
        return false;
      }
    }
    return true;
  }

  public String detect(String text) {
    int n = Math.min(text.length(), SAMPLE_CHARS);
    int[] scriptLetters = null; // letters at or above LATIN_END, by script (made at the first: most text has none)
    int latin = 0; // letters below LATIN_END, counted without a script lookup
    int[] hits = new int[languages.length];
    int[] distinct = new int[languages.length];
    boolean[] seen = new boolean[words.length];
    // the current word, lower-cased (UTF-16 units; only its first MAX_FUNCTION_WORD are kept, in word[0, MAX), the
    // rest all go to word[MAX]; longer words are not looked up)
    char[] word = new char[MAX_FUNCTION_WORD + 1];
    int length = 0;
    int i = 0;
    while (true) {
      // the run of Latin letters from i (most of the text) in a loop of its own
      int start = i;
      while (i < n) {
        char ch = text.charAt(i);
        char lower = ch < LATIN_END ? LATIN_LOWER[ch] : 0;
        if (lower == 0) {
          break;
        }
        word[Math.min(length + i - start, MAX_FUNCTION_WORD)] = lower;
        i++;
      }
      latin += i - start;
      length += i - start;
      if (i < n && text.charAt(i) >= LATIN_END) {
        int c = text.codePointAt(i);
        i += Character.charCount(c);
        if (Character.isLetter(c)) { // the word goes on
          if (scriptLetters == null) {
            scriptLetters = new int[SCRIPTS.length];
          }
          scriptLetters[UnicodeScript.of(c).ordinal()]++;
          int lower = Character.toLowerCase(c);
          if (Character.isBmpCodePoint(lower)) {
            word[Math.min(length, MAX_FUNCTION_WORD)] = (char) lower;
            length++;
          } else {
            length = MAX_FUNCTION_WORD + 1; // no function word has a supplementary character
          }
          continue;
        }
      } else {
        i++; // a Latin character that is no letter, or the end of the sample (i = n + 1)
      }
      // the word ends here
      if (length > 0) {
        if (length <= MAX_FUNCTION_WORD) {
          int w = lookup(word, length);
          if (w >= 0) {
            int l = wordLanguage[w];
            hits[l]++;
            if (!seen[w]) {
              seen[w] = true;
              distinct[l]++;
            }
            if (hits[l] >= DECISIVE_HITS && settled(l, hits, distinct, latin, scriptLetters)) {
              break;
            }
          }
        }
        length = 0;
      }
      if (i > n) {
        break;
      }
    }
    return decide(latin, scriptLetters, hits, distinct);
  }

  /**
   * Whether the text read so far settles the language as {@code l}: enough distinct words, a clear lead over every
   * other language, and (nearly) only Latin letters ({@code scriptLetters} counts the letters at or above {@link
   * #LATIN_END}; null: none).
   */
  private boolean settled(int l, int[] hits, int[] distinct, int latin, int[] scriptLetters) {
    if (distinct[l] < MIN_DISTINCT) {
      return false;
    }
    for (int o = 0; o < hits.length; o++) {
      if (o != l && hits[o] * LEAD > hits[l]) {
        return false;
      }
    }
    if (scriptLetters == null) {
      return true;
    }
    int letters = latin;
    int other = 0;
    for (int sc = 0; sc < scriptLetters.length; sc++) {
      letters += scriptLetters[sc];
      other += sc == UnicodeScript.LATIN.ordinal() ? 0 : scriptLetters[sc];
    }
    return other * LATIN_SHARE <= letters;
  }

  private String decide(int latin, int[] scriptLetters, int[] hits, int[] distinct) {
    // the main script: the one with most letters (Latin for the letters below LATIN_END; ties to the first); with no
    // letter at or above LATIN_END (null) it is Latin, or there are no letters at all
    if (scriptLetters != null) {
      int latinOrdinal = UnicodeScript.LATIN.ordinal();
      scriptLetters[latinOrdinal] += latin;
      int main = -1;
      int letters = 0;
      for (int sc = 0; sc < SCRIPTS.length; sc++) {
        letters += scriptLetters[sc];
        if (scriptLetters[sc] > 0 && (main < 0 || scriptLetters[sc] > scriptLetters[main])) {
          main = sc;
        }
      }
      if (main >= 0 && main != latinOrdinal && scriptLetters[main] * 2 > letters) {
        String name = SCRIPTS[main].name().toLowerCase(java.util.Locale.ROOT);
        return "und-" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
      }
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
