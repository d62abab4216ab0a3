package org.defections.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.defections.lexicon.Lexicons;
import org.junit.jupiter.api.Test;

/** Language detection on invented sentences. */
class LanguageDetectorTest {
  private final LanguageDetector d = new LanguageDetector(Lexicons.bundled());

  @Test
  void latinScriptLanguagesByFunctionWords() {
    assertEquals("en", d.detect("The pilot said that he had flown to the coast with his family and was granted asylum."));
    assertEquals("es", d.detect("El piloto dijo que había volado a la costa con su familia y que pidió asilo en el país."));
    assertEquals("fr", d.detect("Le pilote a dit qu'il est arrivé dans la nuit avec sa famille et qu'il a demandé l'asile."));
    assertEquals("de", d.detect("Der Pilot sagte, dass er mit seiner Familie in die Stadt geflogen ist und nicht zurück will."));
    assertEquals("pt", d.detect("O piloto disse que não voltou ao país com a família e pediu asilo, segundo uma fonte do governo."));
  }

  @Test
  void otherScriptsAreNamedByScript() {
    assertEquals("und-Cyrillic", d.detect("Пилот заявил, что он прилетел в город вместе с семьей."));
    assertEquals("und-Arabic", d.detect("قال الطيار إنه هبط في المدينة مع عائلته وطلب اللجوء."));
  }

  @Test
  void tooLittleTextOrOneRepeatedWordIsTheDefault() {
    assertEquals(LanguageDetector.DEFAULT, d.detect("Colonel defects"));
    assertEquals(LanguageDetector.DEFAULT, d.detect("WHEAT 17un unch 12un unch 3un up 5 11un unch 38un unch"));
    assertEquals(LanguageDetector.DEFAULT, d.detect(""));
  }

  private static final String ENGLISH = "The pilot said that he had flown to the coast with his family and was granted "
      + "asylum by the government of the country. ";
  private static final String SPANISH = "El piloto dijo que había volado a la costa con su familia y que pidió asilo "
      + "en el país, según una fuente del gobierno. ";

  @Test
  void anOpeningWithAClearLeadSettlesTheLanguage() {
    // three English sentences hold more than DECISIVE_HITS English function words and no Spanish one: the Spanish
    // body after them, longer, is not read
    String text = ENGLISH.repeat(3) + SPANISH.repeat(10);
    assertEquals("en", d.detect(text));
    // the same body after one English sentence (too few hits to stop): the whole sample counts, Spanish wins
    assertEquals("es", d.detect(ENGLISH + SPANISH.repeat(10)));
  }

  @Test
  void noEarlyStopWithoutAClearLeadOrInMixedScripts() {
    // English and Spanish sentences alternate: English reaches DECISIVE_HITS first but never leads LEAD times over
    String mixed = (ENGLISH + SPANISH).repeat(2) + SPANISH.repeat(6);
    assertEquals("es", d.detect(mixed));
    // English words enough to stop, but after a Cyrillic sentence (more than one letter in ten): the whole sample is
    // read, and its script decides
    String cyrillic = "Пилот заявил, что он прилетел в город вместе с семьей и попросил убежища. ";
    assertEquals("und-Cyrillic", d.detect(cyrillic + ENGLISH.repeat(2) + cyrillic.repeat(8)));
  }

  /**
   * The detector as its contract states it, written plainly: words are runs of letters (code points), lower-cased;
   * function words counted per language; reading stops at the first function word after which the leader has
   * DECISIVE_HITS hits, MIN_DISTINCT distinct words and LEAD times the hits of every other language, in text with
   * at most one letter in LATIN_SHARE not Latin (letters below U+0250 count as Latin).
   */
  private static String reference(Lexicons lexicons, String text) {
    java.util.Map<String, String> words = lexicons.functionWords();
    java.util.Map<String, Integer> hits = new java.util.TreeMap<>();
    java.util.Map<String, java.util.Set<String>> distinct = new java.util.TreeMap<>();
    java.util.Map<Character.UnicodeScript, Integer> scripts = new java.util.EnumMap<>(Character.UnicodeScript.class);
    int latin = 0;
    int other = 0;
    int n = Math.min(text.length(), LanguageDetector.SAMPLE_CHARS); // a pair of surrogates may end past it
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= n; ) {
      int c = i < n ? text.codePointAt(i) : ' ';
      i += i < n ? Character.charCount(c) : 1;
      if (Character.isLetter(c)) {
        if (c < 0x250) {
          latin++;
        } else {
          scripts.merge(Character.UnicodeScript.of(c), 1, Integer::sum);
          other += Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN ? 0 : 1;
        }
        word.appendCodePoint(Character.toLowerCase(c));
        continue;
      }
      String w = word.toString();
      word.setLength(0);
      String language = w.length() <= 12 ? words.get(w) : null;
      if (language == null) {
        continue;
      }
      int count = hits.merge(language, 1, Integer::sum);
      distinct.computeIfAbsent(language, k -> new java.util.TreeSet<>()).add(w);
      boolean settled = count >= LanguageDetector.DECISIVE_HITS && distinct.get(language).size() >= 3
          && other * 10 <= latin + scripts.values().stream().mapToInt(Integer::intValue).sum();
      for (java.util.Map.Entry<String, Integer> o : hits.entrySet()) {
        settled &= o.getKey().equals(language) || o.getValue() * LanguageDetector.LEAD <= count;
      }
      if (settled) {
        break;
      }
    }
    if (!scripts.isEmpty()) {
      scripts.merge(Character.UnicodeScript.LATIN, latin, Integer::sum);
      int letters = scripts.values().stream().mapToInt(Integer::intValue).sum();
      Character.UnicodeScript main = null;
      for (Character.UnicodeScript sc : Character.UnicodeScript.values()) { // ties to the first, as declared
        if (scripts.getOrDefault(sc, 0) > 0 && (main == null || scripts.get(sc) > scripts.get(main))) {
          main = sc;
        }
      }
      if (main != Character.UnicodeScript.LATIN && scripts.get(main) * 2 > letters) {
        String name = main.name().toLowerCase(java.util.Locale.ROOT);
        return "und-" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
      }
    }
    String best = null;
    for (java.util.Map.Entry<String, Integer> e : hits.entrySet()) { // sorted: ties to the first
      if (best == null || e.getValue() > hits.get(best)) {
        best = e.getKey();
      }
    }
    return best == null || hits.get(best) < 3 || distinct.get(best).size() < 3 ? LanguageDetector.DEFAULT : best;
  }

  @Test
  void agreesWithThePlainReadingOfItsRulesOnRandomText() {
    Lexicons lexicons = Lexicons.bundled();
    // a language that leads by more or less (the stopping rule's bounds are met exactly now and then), words of
    // other languages and none, letters of other scripts in shares around one in ten, edge characters
    String[][] languages = {{"the", "and", "of", "The", "AND", "was", "said", "he"}, {"el", "la", "que", "los", "y",
        "con", "su"}, {"der", "die", "und", "das", "ist"}, {"le", "les", "et"}, {"o", "a", "em", "para"}};
    String[] neutral = {"x", "Zz", "12", ".", ",", "\n", "  ", "É", "ñ", "Ü", "ß", "ǅ", "Ɐ", "İ", "—", "’",
        "abcdefghijklmn", "theand", "\ud835\udd18", "\ud801\udc00"};
    String[] scripts = {"в", "и", "на", "日本", "の", "مرحبا", "καὶ", "Σ"};
    java.util.Random random = new java.util.Random(9);
    for (int i = 0; i < 20000; i++) {
      String[] leader = languages[random.nextInt(languages.length)];
      double lead = new double[] {1, 0.9, 0.8, 0.75, 0.5}[random.nextInt(5)];
      double other = new double[] {0, 0, 0.08, 0.1, 0.12}[random.nextInt(5)];
      StringBuilder sb = new StringBuilder();
      for (int j = random.nextInt(random.nextBoolean() ? 40 : 1500); j > 0; j--) {
        double r = random.nextDouble();
        String[] from = r < other ? scripts : random.nextInt(3) == 0 ? neutral : random.nextDouble() < lead ? leader
            : languages[random.nextInt(languages.length)];
        sb.append(from[random.nextInt(from.length)]).append(random.nextInt(4) > 0 ? " " : "");
      }
      String text = sb.toString();
      assertEquals(reference(lexicons, text), d.detect(text), text);
    }
    // openings at the bounds of the stopping rule, then a body in another language that wins if reading goes on:
    // where the detector stops decides the answer
    for (int i = 0; i < 20000; i++) {
      String[] leader = languages[random.nextInt(2)];
      String[] rival = languages[1 - java.util.Arrays.asList(languages).indexOf(leader)];
      List<String> opening = new java.util.ArrayList<>();
      for (int k = 13 + random.nextInt(6); k > 0; k--) {
        opening.add(leader[random.nextInt(k < 4 ? leader.length : 2)]);
      }
      for (int k = random.nextInt(6); k > 0; k--) {
        opening.add(rival[random.nextInt(rival.length)]);
      }
      for (int k = random.nextInt(8); k > 0; k--) {
        opening.add(neutral[random.nextInt(3)]);
      }
      for (int k = random.nextInt(3) == 0 ? 8 + random.nextInt(8) : 0; k > 0; k--) {
        opening.add("в");
      }
      java.util.Collections.shuffle(opening, random);
      String text = String.join(" ", opening) + (" " + String.join(" ", rival)).repeat(60);
      assertEquals(reference(lexicons, text), d.detect(text), text);
    }
    for (String text : new String[] {ENGLISH.repeat(3) + SPANISH.repeat(10), ENGLISH + SPANISH.repeat(10),
        (ENGLISH + SPANISH).repeat(2) + SPANISH.repeat(6), ""}) {
      assertEquals(reference(lexicons, text), d.detect(text), text);
    }
  }
}
