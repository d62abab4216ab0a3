package org.defections.candidates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.defections.lexicon.Lexicons;
import org.junit.jupiter.api.Test;

class CandidateScannerTest {
  private final CandidateScanner scanner = new CandidateScanner(Lexicons.bundled(), 1, 5000);

  @Test
  void textWithoutTriggersYieldsNoPassage() {
    assertFalse(scanner.hasTrigger("Cocoa prices rose in Bahia on Tuesday."));
    assertTrue(scanner.passages("Cocoa prices rose.\nShipments fell.").isEmpty());
    // function words that open trigger phrases ("have disappeared", "could no longer support") select nothing
    assertFalse(scanner.hasTrigger("Traders have said they could not support higher prices."));
    assertTrue(scanner.hasTrigger("Twelve players have disappeared in Nairobi."));
    assertTrue(scanner.hasTrigger("Los sargentos desertaron el sábado."));
    // whole phrases only: the first word of a trigger phrase selects nothing on its own
    assertFalse(scanner.hasTrigger("He joined the board and took charge; the firm crossed $1 billion."));
    assertTrue(scanner.hasTrigger("He joined the rebels."));
    assertFalse(scanner.hasTrigger("The fledgling defective unit"));
    // the cues of the trigger rules select too: a defection told without a lexicon phrase
    assertTrue(scanner.hasTrigger("In 1976 a pilot flew his MiG-25 to Japan."));
    assertTrue(scanner.hasTrigger("Un soldado atravesó la frontera con Costa Rica."));
    assertFalse(scanner.hasTrigger("The company entered into an agreement with its lenders."));
  }

  @Test
  void passagesCoverTheHitParagraphWithContextAndMerge() {
    String text = "P0 intro.\nP1 context.\nP2 a major defected to Chile.\nP3 more.\nP4 far.\nP5 farther.\n"
        + "P6 gap.\nP7 a clerk sought asylum.\nP8 end.";
    List<CandidateScanner.Span> spans = scanner.passages(text);
    assertEquals(2, spans.size());
    assertEquals("P1 context.\nP2 a major defected to Chile.\nP3 more.",
        text.substring(spans.get(0).begin(), spans.get(0).end()));
    assertEquals("P6 gap.\nP7 a clerk sought asylum.\nP8 end.",
        text.substring(spans.get(1).begin(), spans.get(1).end()));
  }

  @Test
  void passagesEndWhereTheSentenceDetectorEndsASentence() {
    // lines ending in a lower-case letter or comma continue their sentence: the passage takes the whole sentence
    String text = "A0 start.\nA1 a pilot defected\nA2 to Jordan,\nA3 officials said\nA4 on Friday.\nA5 next.\n\nA6 far";
    CandidateScanner narrow = new CandidateScanner(Lexicons.bundled(), 0, 5000);
    List<CandidateScanner.Span> spans = narrow.passages(text);
    assertEquals(1, spans.size());
    assertEquals("A1 a pilot defected\nA2 to Jordan,\nA3 officials said\nA4 on Friday.",
        text.substring(spans.get(0).begin(), spans.get(0).end()));
    // a blank line always ends a sentence
    String blank = "B0 the army\n\nB1 soldiers defected.";
    assertEquals("B1 soldiers defected.", blank.substring(narrow.passages(blank).get(0).begin(),
        narrow.passages(blank).get(0).end()));
  }
}
