package org.defections.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseAutomatonTest {
  private final PhraseAutomaton a = new PhraseAutomaton(List.of("defected", "sought asylum",
      "sought political asylum", "asylum", "se pasó a", "re-defected"));

  private static String at(String text, PhraseAutomaton.Hit h) {
    return text.substring(h.begin(), h.end());
  }

  @Test
  void findsWholePhrasesCaseInsensitivelyAcrossLineBreaks() {
    String text = "He DEFECTED in May and Sought\n  Political   asylum in Seoul.";
    List<PhraseAutomaton.Hit> hits = a.find(text);
    assertEquals(List.of("DEFECTED", "Sought\n  Political   asylum", "asylum"),
        hits.stream().map(h -> at(text, h)).toList());
    assertEquals(List.of(0, 2, 3), hits.stream().map(PhraseAutomaton.Hit::phrase).toList());
  }

  @Test
  void requiresWordBoundariesOnBothSides() {
    assertFalse(a.any("The defectedness of asylums and undefected units"));
    assertTrue(a.any("(defected)"));
    assertTrue(a.any("re-defected,"));
    assertEquals(2, a.count("re-defected")); // the phrase and "defected" after the hyphen, as the token matcher may
    assertEquals(0, a.count("seeking asylumseekers"));
  }

  @Test
  void nonAsciiTextAndPhrases() {
    String text = "Tres sargentos SE PASÓ A Colombia; a café\u00a0asylum.";
    List<PhraseAutomaton.Hit> hits = a.find(text);
    assertEquals(List.of("SE PASÓ A", "asylum"), hits.stream().map(h -> at(text, h)).toList());
    assertEquals(-1, a.first("nothing here, se paso a"));
    assertEquals(5, a.first("well defected"));
  }

  @Test
  void overlappingPhrasesEndingAtTheSamePlaceAreAllReported() {
    String text = "sought asylum";
    assertEquals(List.of("sought asylum", "asylum"), a.find(text).stream().map(h -> at(text, h)).toList());
    assertEquals(0, a.count(""));
    assertEquals(0, new PhraseAutomaton(List.of()).count("defected"));
  }
}
