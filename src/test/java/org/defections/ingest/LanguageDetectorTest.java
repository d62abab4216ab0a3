package org.defections.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
