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
  /** Per function word (in sorted order, a word's index is its place here): its language. */
  private final int[] wordLanguage;
  /**
   * The function words as a deterministic automaton over the letters of a word, lower-cased: a state is stored as
   * its row offset ({@code index << shift}), {@code next[state | symbol]} the state after a letter. Symbol 1 is any
   * letter in no function word; it, like a word longer than every function word, leads to a state that never
   * leaves itself. The start state is row 0; states that end a function word come last, from {@link #firstWord}.
   * One lookup per letter, and one comparison per word, where a hash would cost a chain of multiplications and a
   * comparison of characters.
   */
  private final int[] next;
  private final int shift;
  private final int firstWord;
  /** Per state from {@link #firstWord} on (by {@code (state - firstWord) >> shift}): the function word it ends. */
  private final int[] wordAt;
  /** Lower-case char → its symbol (2 and up for the letters of function words, else 1); for letters only. */
  private final char[] symbolOf = new char[Character.MAX_VALUE + 1];
  /** char below {@link #LATIN_END} → the symbol of its lower case when it is a letter, else 0. */
  private final char[] latinSymbol = new char[LATIN_END];

  public LanguageDetector(Lexicons lexicons) {
    Map<String, String> fw = new TreeMap<>(lexicons.functionWords());
    languages = new java.util.TreeSet<>(fw.values()).toArray(new String[0]);
    wordLanguage = new int[fw.size()];
    java.util.List<String> words = new java.util.ArrayList<>(fw.keySet());
    char symbols = 2;
    for (int w = 0; w < words.size(); w++) {
      wordLanguage[w] = java.util.Arrays.binarySearch(languages, fw.get(words.get(w)));
      for (char ch : words.get(w).toCharArray()) {
        if (symbolOf[ch] == 0) {
          symbolOf[ch] = symbols++;
        }
      }
    }
    for (int ch = 0; ch <= Character.MAX_VALUE; ch++) {
      symbolOf[ch] = symbolOf[ch] == 0 ? 1 : symbolOf[ch];
    }
    for (char ch = 0; ch < LATIN_END; ch++) {
      latinSymbol[ch] = LATIN_LOWER[ch] == 0 ? 0 : symbolOf[LATIN_LOWER[ch]];
    }
    int width = Integer.highestOneBit(Math.max(2, symbols - 1)) << 1;
    shift = Integer.numberOfTrailingZeros(width);
    // the trie: state 0 the start, state 1 the dead end (no function word begins so, or the word is too long)
    java.util.List<int[]> trie = new java.util.ArrayList<>(java.util.List.of(new int[width], new int[width]));
    java.util.List<Integer> ends = new java.util.ArrayList<>(java.util.List.of(-1, -1));
    java.util.Arrays.fill(trie.get(0), 1);
    java.util.Arrays.fill(trie.get(1), 1);
    for (int w = 0; w < words.size(); w++) {
      String word = words.get(w);
      if (word.isEmpty() || word.length() > MAX_FUNCTION_WORD) {
        continue; // never looked up: such a word is no function word
      }
      int state = 0;
      for (char ch : word.toCharArray()) {
        int sym = symbolOf[ch];
        if (trie.get(state)[sym] == 1) {
          int[] row = new int[width];
          java.util.Arrays.fill(row, 1);
          trie.add(row);
          ends.add(-1);
          trie.get(state)[sym] = trie.size() - 1;
        }
        state = trie.get(state)[sym];
      }
      ends.set(state, w);
    }
    // states that end no word first (the start stays 0), then those that end one
    int states = trie.size();
    int[] index = new int[states];
    int k = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int st = 0; st < states; st++) {
        if ((ends.get(st) >= 0) == (pass == 1)) {
          index[st] = k++;
        }
      }
    }
    int accepting = (int) ends.stream().filter(e -> e >= 0).count();
    firstWord = (states - accepting) << shift;
    next = new int[states << shift];
    wordAt = new int[accepting];
    for (int st = 0; st < states; st++) {
      for (int sym = 0; sym < width; sym++) {
        next[index[st] << shift | sym] = index[trie.get(st)[sym]] << shift;
      }
      if (ends.get(st) >= 0) {
        wordAt[(index[st] << shift) - firstWord >> shift] = ends.get(st);
      }
    }
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

  public String detect(String text) {
    final int[] next = this.next;
    final char[] latinSymbol = this.latinSymbol;
    int n = Math.min(text.length(), SAMPLE_CHARS);
    int[] scriptLetters = null; // letters at or above LATIN_END, by script (made at the first: most text has none)
    int latin = 0; // letters below LATIN_END, counted without a script lookup
    int[] hits = new int[languages.length];
    int[] distinct = new int[languages.length];
    boolean[] seen = new boolean[wordLanguage.length];
    int state = 0; // the automaton's state in the current word (the start between words)
    int i = 0;
    while (true) {
      // the run of Latin letters from i (most of the text) in a loop of its own
      int start = i;
      while (i < n) {
        char ch = text.charAt(i);
        int sym = ch < LATIN_END ? latinSymbol[ch] : 0;
        if (sym == 0) {
          break;
        }
        state = next[state | sym];
        i++;
      }
      latin += i - start;
      if (i < n && text.charAt(i) >= LATIN_END) {
        int c = text.codePointAt(i);
        i += Character.charCount(c);
        if (Character.isLetter(c)) { // the word goes on
          if (scriptLetters == null) {
            scriptLetters = new int[SCRIPTS.length];
          }
          scriptLetters[UnicodeScript.of(c).ordinal()]++;
          int lower = Character.toLowerCase(c);
          state = next[state | (Character.isBmpCodePoint(lower) ? symbolOf[lower] : 1)];
          continue;
        }
      } else {
        i++; // a Latin character that is no letter, or the end of the sample (i = n + 1)
      }
      // the word ends here
      if (state >= firstWord) {
        int w = wordAt[(state - firstWord) >> shift];
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
      state = 0;
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
